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
  out << "\nquarantined (not retried until --reprocess): "
      << summary.quarantined.size() << "\n";
  for (const StoreSummary::Quarantined& q : summary.quarantined) {
    out << "  " << OneLine(q.path) << "\t" << q.status << "\t"
        << OneLine(q.error) << "\n";
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
