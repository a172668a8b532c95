// A document that killed its worker gets a second try in a new worker. When
// its result comes in together with another's, the run may already have
// given both free workers new documents by the time it takes the killed
// one's result: the retry waits for a free worker instead of failing the
// run with "no free worker" (seen under load with --jobs 2).
#include <gtest/gtest.h>

#include <deque>
#include <fstream>
#include <memory>

#include "cli/wiring.h"
#include "pipeline/identify.h"
#include "pipeline/process_task.h"
#include "pipeline/records.h"
#include "pipeline/runner.h"
#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

// Two slots; the tasks handed in are all done at the next Next(), and the
// results come out with those of killed workers last. The first task on
// "victim.txt" kills its worker.
class BatchingExecutor : public Executor {
 public:
  BatchingExecutor(const Stages& stages, const Identifier& identifier)
      : stages_(stages), identifier_(identifier) {}

  int FreeSlots() const override {
    return 2 - static_cast<int>(pending_.size());
  }

  Status Submit(DocumentTask task) override {
    if (FreeSlots() <= 0) return Status::InvalidArgument("no free worker");
    pending_.push_back(std::move(task));
    return Status::Ok();
  }

  Status Next(DocumentResult* result) override {
    if (finished_.empty()) {
      std::deque<DocumentResult> killed;
      for (const DocumentTask& task : pending_) {
        if (task.path.ends_with("victim.txt") && victim_tries_++ == 0) {
          DocumentResult r = FailedResult(
              task, 0, kStatusCrash, "worker crashed", *stages_.classifier);
          r.killed_worker = true;
          killed.push_back(std::move(r));
        } else {
          finished_.push_back(ProcessTask(task, stages_, identifier_, 1 << 20));
        }
      }
      for (DocumentResult& r : killed) finished_.push_back(std::move(r));
      pending_.clear();
    }
    if (finished_.empty()) return Status::InvalidArgument("nothing submitted");
    *result = std::move(finished_.front());
    finished_.pop_front();
    return Status::Ok();
  }

  int victim_tries() const { return victim_tries_; }

 private:
  const Stages& stages_;
  const Identifier& identifier_;
  std::vector<DocumentTask> pending_;
  std::deque<DocumentResult> finished_;
  int victim_tries_ = 0;
};

struct Quiet : RunObserver {
  void OnDocument(const DocumentEvent&) override {}
  void OnProblem(const std::string&) override {}
};

TEST(KilledWorkerRetryTest, RetryWaitsForAFreeWorker) {
  Wiring wiring;
  ASSERT_TRUE(Wire(ClassifierFlags(), &wiring).ok());
  std::unique_ptr<Identifier> identifier;
  ASSERT_TRUE(Identifier::Open(&identifier).ok());
  std::string in = testing::MakeTempDir("retry-in");
  std::string out = testing::MakeTempDir("retry-out");
  for (const char* name : {"a.txt", "b-victim.txt", "c.txt", "d.txt"}) {
    std::ofstream(in + "/" + name)
        << "The Government of Samoa held a workshop on " << name << ".\n";
  }
  BatchingExecutor executor(wiring.stages, *identifier);
  RunOptions options;
  options.inputs = {in};
  options.out_dir = out;
  options.executor = &executor;
  Quiet quiet;
  RunSummary summary;
  Status s = RunPipeline(options, wiring.stages, &quiet, &summary);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(executor.victim_tries(), 2);
  EXPECT_EQ(summary.processed, 4);
  EXPECT_EQ(summary.failed, 0);
  int ok = 0;
  for (const auto& doc : testing::ReadJsonLines(out + "/documents.jsonl")) {
    ok += doc["status"] == "ok";
  }
  EXPECT_EQ(ok, 4);
}

}  // namespace
}  // namespace intake
