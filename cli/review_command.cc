#include "cli/review_command.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/options.h"
#include "pipeline/output_files.h"
#include "pipeline/sqlite_statement.h"
#include "pipeline/state_store.h"
#include "pipeline/store_output.h"
#include "pipeline/utc_time.h"
#include "review/decision_file.h"
#include "review/decision_import.h"
#include "review/review_files.h"

namespace intake {
namespace {

int Fail(const std::string& message) {
  std::cerr << "intake: review: " << message << "\n";
  return kExitCannotRun;
}

Status OpenStore(const ReviewArgs& args, std::unique_ptr<StateStore>* store) {
  std::string path = args.state_path.empty() ? args.out_dir + "/intake.sqlite"
                                             : args.state_path;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound("no state store at " + path +
                            " (has 'intake run' written there?)");
  }
  return StateStore::Open(path, store);
}

int Import(const ReviewArgs& args) {
  std::unique_ptr<StateStore> store;
  Status s = OpenStore(args, &store);
  if (!s.ok()) return Fail(s.message());
  std::string reviewer = args.reviewer;
  std::vector<DecisionRow> rows;
  std::vector<std::string> errors;
  s = ReadDecisionFile(args.file, reviewer, UtcNow(), &rows, &errors);
  if (!s.ok()) return Fail(s.message());
  ImportReport report;
  report.errors = errors;
  // The rows read well are checked against the store even when others
  // were not, so that every bad row is reported at once; with any error
  // nothing is stored (ImportDecisions).
  s = ImportDecisions(store.get(), rows, args.file, &report);
  if (!s.ok()) return Fail(s.message());
  if (!report.errors.empty()) {
    for (const std::string& e : report.errors) std::cerr << e << "\n";
    return Fail(std::to_string(report.errors.size()) +
                " rows are wrong (above); nothing was imported");
  }
  for (const std::string& c : report.conflicts) {
    std::cerr << "intake: review: " << c << "\n";
  }
  std::cerr << "intake: review: " << report.added << " new decisions, "
            << report.replaced << " replacing earlier ones, "
            << report.unchanged << " already recorded\n";
  // The output folder shows the decisions at once; a run would do the same.
  OutputLock lock;
  s = lock.Acquire(args.out_dir);
  OutputCounts counts;
  if (s.ok()) s = WriteOutputFromStore(store.get(), args.out_dir, &counts);
  long long listed = 0;
  if (s.ok()) s = WriteReviewList(args.out_dir, ReviewListOptions(), &listed);
  if (!s.ok()) {
    return Fail("decisions stored, but the output was not rewritten (" +
                s.message() + "); the next 'intake run' will");
  }
  return kExitOk;
}

int Export(const ReviewArgs& args) {
  std::unique_ptr<StateStore> store;
  Status s = OpenStore(args, &store);
  std::vector<ReviewDecision> decisions;
  if (s.ok()) {
    s = store->ForEachDecision(!args.history, [&](const ReviewDecision& d) {
      decisions.push_back(d);
      return Status::Ok();
    });
  }
  if (!s.ok()) return Fail(s.message());
  std::cout << DecisionFileJson(decisions, args.history);
  return kExitOk;
}

}  // namespace

int ReviewCommand(const std::vector<std::string>& args) {
  ReviewArgs review_args;
  std::string message;
  int exit =
      ExitForOutcome(ParseReviewArgs(args, &review_args, &message), message);
  if (exit >= 0) return exit;
  return review_args.action == "import" ? Import(review_args)
                                        : Export(review_args);
}

}  // namespace intake
