#include "cli/status_report.h"

#include <sstream>

#include "cli/run_reporter.h"

namespace intake {

std::string FormatStoreSummary(const std::string& path,
                               const StoreSummary& summary) {
  std::ostringstream out;
  out << "state store " << path << "\n"
      << summary.documents << " documents, " << summary.passages
      << " passages\n\nby status:\n";
  for (const auto& [status, count] : summary.by_status) {
    out << "  " << status << "\t" << count << "\n";
  }
  out << "\nby rules version:\n";
  for (const auto& [version, count] : summary.by_rules_version) {
    out << "  " << (version.empty() ? "(none)" : version) << "\t" << count
        << "\n";
  }
  out << "\nby model version:\n";
  for (const auto& [version, count] : summary.by_model_version) {
    out << "  " << (version.empty() ? "(rules alone)" : version) << "\t"
        << count << "\n";
  }
  out << "\nquarantined (not retried until --reprocess): "
      << summary.quarantined.size() << "\n";
  for (const StoreSummary::Quarantined& q : summary.quarantined) {
    out << "  " << OneLine(q.path) << "\t" << q.status << "\t"
        << OneLine(q.error) << "\n";
  }
  long long decided = 0;
  for (const auto& [reviewer, count] : summary.decided_by_reviewer) {
    decided += count;
  }
  out << "\nreviewers' decisions: " << decided << " passages decided";
  if (summary.decisions > 0) {
    out << " (" << summary.decisions << " decisions imported, the last at "
        << summary.last_import << ")";
  }
  out << "\n";
  for (const auto& [reviewer, count] : summary.decided_by_reviewer) {
    out << "  " << (reviewer.empty() ? "(unnamed)" : OneLine(reviewer)) << "\t"
        << count << "\n";
  }
  out << "\nlast runs:\n";
  for (const StoreSummary::Run& run : summary.runs) {
    out << "  #" << run.run_id << "  " << run.started << "  ";
    if (run.finished.empty()) {
      out << "did not finish (killed, or still running)\n";
    } else {
      out << "finished " << run.finished << ": " << run.processed
          << " processed, " << run.unchanged << " unchanged, " << run.failed
          << " failed\n";
    }
  }
  return out.str();
}

}  // namespace intake
