// What `intake run` tells the operator as it goes: a progress bar when
// standard error is a terminal (nothing when it is not, so cron mail
// stays short), a line per failed document, and a log file with one line
// per document.
#ifndef INTAKE_CLI_RUN_REPORTER_H_
#define INTAKE_CLI_RUN_REPORTER_H_

#include <chrono>
#include <fstream>
#include <iosfwd>
#include <string>

#include "pipeline/runner.h"
#include "pipeline/status.h"

namespace intake {

class RunReporter : public RunObserver {
 public:
  // `log_path` "" for no log file. `progress` draws the bar on `err`.
  RunReporter(std::ostream& out, std::ostream& err, bool quiet, bool progress);
  Status OpenLog(const std::string& log_path);
  ~RunReporter() override;

  void OnDocument(const DocumentEvent& event) override;
  void OnProblem(const std::string& problem) override;
  void OnSkipped(const std::string& path, const std::string& reason) override;
  void OnProgress(int done, int total) override;
  void OnPlan(const std::string& path, const std::string& plan) override;

  // Ends the progress line, so the summary starts on a fresh one.
  void Finish();

 private:
  void ClearBar();
  void Log(const std::string& line);

  std::ostream& out_;
  std::ostream& err_;
  bool quiet_;
  bool progress_;
  bool bar_shown_ = false;
  std::ofstream log_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// One log line per event, whatever a file name holds: control characters
// (a newline in a name) become '?'.
std::string OneLine(std::string text);

}  // namespace intake

#endif  // INTAKE_CLI_RUN_REPORTER_H_
