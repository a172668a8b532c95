#include "cli/run_reporter.h"

#include <cstdio>
#include <iostream>

#include "pipeline/utc_time.h"

namespace intake {
namespace {

using Clock = std::chrono::steady_clock;

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char text[32];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, s / 60 % 60);
  } else if (s >= 60) {
    std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%lds", s);
  }
  return text;
}

bool IsFailureStatus(const std::string& status) {
  return status != "ok" && status != "ok_with_warnings" &&
         status != "unchanged";
}

}  // namespace

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return text;
}

RunReporter::RunReporter(std::ostream& out, std::ostream& err, bool quiet,
                         bool progress)
    : out_(out),
      err_(err),
      quiet_(quiet),
      progress_(progress && !quiet),
      start_(Clock::now()) {}

RunReporter::~RunReporter() { Finish(); }

Status RunReporter::OpenLog(const std::string& log_path) {
  log_.open(log_path, std::ios::app);
  if (!log_) return Status::IoError("cannot open log file " + log_path);
  return Status::Ok();
}

void RunReporter::Log(const std::string& line) {
  if (!log_.is_open()) return;
  log_ << UtcNow() << '\t' << line << '\n';
  log_.flush();  // a killed run keeps its log up to the last document
}

void RunReporter::ClearBar() {
  if (!bar_shown_) return;
  err_ << "\r\033[K";
  bar_shown_ = false;
}

void RunReporter::Finish() {
  if (bar_shown_) err_ << "\n";
  bar_shown_ = false;
}

void RunReporter::OnDocument(const DocumentEvent& e) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2fs", e.seconds);
  Log(e.status + '\t' + seconds + '\t' + e.doc_id.substr(0, 16) + '\t' +
      OneLine(e.path) + (e.error.empty() ? "" : '\t' + OneLine(e.error)));
  if (quiet_ || !IsFailureStatus(e.status)) return;
  ClearBar();
  err_ << "intake: " << OneLine(e.path) << ": " << e.status << ": "
       << OneLine(e.error) << "\n";
}

void RunReporter::OnProblem(const std::string& problem) {
  Log("problem\t" + OneLine(problem));
  if (quiet_) return;
  ClearBar();
  err_ << "intake: " << OneLine(problem) << "\n";
}

// Only in the log: a delivery still in tmp/ is normal, and the next run
// takes it from new/ or cur/.
void RunReporter::OnSkipped(const std::string& path,
                            const std::string& reason) {
  Log("skipped\t-\t-\t" + OneLine(path) + '\t' + OneLine(reason));
}

void RunReporter::OnProgress(int done, int total) {
  if (!progress_ || total == 0) return;
  Clock::time_point now = Clock::now();
  // A redraw per tenth of a second is smooth enough and costs nothing.
  if (done < total && bar_shown_ &&
      now - last_draw_ < std::chrono::milliseconds(100)) {
    return;
  }
  last_draw_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  constexpr int kWidth = 30;
  int filled = static_cast<int>(static_cast<long long>(done) * kWidth / total);
  std::string bar(static_cast<size_t>(filled), '=');
  bar.resize(kWidth, ' ');
  char line[160];
  double rate = elapsed > 0 ? done / elapsed : 0;
  std::string eta = rate > 0 ? Duration((total - done) / rate) : "?";
  std::snprintf(line, sizeof line, "\r[%s] %d/%d files  %.1f/s  %s left\033[K",
                bar.c_str(), done, total, rate, eta.c_str());
  err_ << line << std::flush;
  bar_shown_ = true;
}

void RunReporter::OnPlan(const std::string& path, const std::string& plan) {
  out_ << OneLine(plan) << '\t' << OneLine(path) << "\n";
}

}  // namespace intake
