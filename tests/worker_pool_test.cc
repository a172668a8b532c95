// Containment: documents that crash, loop, exhaust memory or leave helper
// processes behind cost only themselves. The misbehaviour is real (a
// segmentation fault, an endless loop, memory touched until the limit), set
// off by what the test files say, through the same runner and worker pool
// as `intake run`.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "cli/wiring.h"
#include "pipeline/progress.h"
#include "pipeline/runner.h"
#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::Fixture;
using testing::MakeTempDir;
using testing::ReadJsonLines;

bool StartsWith(std::string_view data, std::string_view prefix) {
  return data.substr(0, prefix.size()) == prefix;
}

[[noreturn]] void LoopForever() {
  volatile unsigned long spin = 0;
  for (;;) spin = spin + 1;
}

// Wraps the real extractors: a text file that starts with one of the words
// below makes the reader misbehave that way.
ExtractFn Misbehaving(ExtractFn real) {
  return [real](Format format, std::string_view data,
                const ExtractLimits& limits, Extraction* out) -> Status {
    if (StartsWith(data, "CRASH")) std::raise(SIGSEGV);
    if (StartsWith(data, "EXIT")) std::exit(3);
    if (StartsWith(data, "LOOP")) LoopForever();
    if (StartsWith(data, "HOG")) {
      std::vector<std::unique_ptr<char[]>> hoard;
      for (;;) {
        hoard.emplace_back(new char[16 << 20]);
        std::memset(hoard.back().get(), 1, 16 << 20);
        // Busy, not stuck: only the memory limit may stop it, however
        // slow a loaded machine makes it.
        NoteProgress();
      }
    }
    if (StartsWith(data, "ORPHAN ")) {
      // A helper process the reader started, then the reader hangs.
      std::string pid_file(data.substr(7, data.find('\n') - 7));
      if (fork() == 0) {
        std::ofstream(pid_file) << getpid();
        sleep(120);
        _exit(0);
      }
      LoopForever();
    }
    if (StartsWith(data, "PID ")) {
      // Which worker read it: a line per document.
      std::string pid_file(data.substr(4, data.find('\n') - 4));
      std::ofstream(pid_file, std::ios::app) << getpid() << "\n";
    }
    return real(format, data, limits, out);
  };
}

// Dead, or a zombie nobody has reaped yet (in a container, PID 1 may
// never reap): either way no longer running.
bool Running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_field, name, state;
  if (!(stat >> pid_field >> name >> state)) return false;
  return state != "Z" && state != "X";
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

class WorkerPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = Wire(ClassifierFlags(), &wiring_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    stages_ = wiring_.stages;
    stages_.extract = Misbehaving(wiring_.stages.extract);
    stages_.limits.max_ocr_pages = 0;
    in_ = MakeTempDir("pool-in");
    out_ = MakeTempDir("pool-out");
    options_.inputs = {in_};
    options_.out_dir = out_;
    options_.workers.workers = 2;
    options_.workers.stall_seconds = 1;
    options_.workers.total_seconds = 20;
    options_.workers.max_memory_bytes = 256LL << 20;
  }

  struct Quiet : RunObserver {
    void OnDocument(const DocumentEvent&) override {}
    void OnProblem(const std::string&) override {}
  };

  RunSummary Run() {
    RunSummary summary;
    Quiet quiet;
    Status s = RunPipeline(options_, stages_, &quiet, &summary);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return summary;
  }

  // The record of the document found at in_/name.
  nlohmann::json Record(const std::string& name) {
    for (const nlohmann::json& doc : ReadJsonLines(out_ + "/documents.jsonl")) {
      if (doc["path"] == in_ + "/" + name) return doc;
    }
    ADD_FAILURE() << "no record for " << name;
    return nlohmann::json::object();
  }

  Wiring wiring_;
  Stages stages_;
  std::string in_, out_;
  RunOptions options_;
};

TEST_F(WorkerPoolTest, MisbehavingDocumentsCostOnlyThemselves) {
  std::filesystem::copy_file(Fixture("letters/bcrc-caribbean-training.pdf"),
                             in_ + "/a-letter.pdf");
  WriteFile(in_ + "/crash.txt", "CRASH\n");
  WriteFile(in_ + "/exit.txt", "EXIT\n");
  WriteFile(in_ + "/loop.txt", "LOOP\n");
  WriteFile(in_ + "/hog.txt", "HOG\n");
  WriteFile(in_ + "/z-letter.txt",
            "The Government of Samoa held a workshop.\n");
  RunSummary summary = Run();
  EXPECT_EQ(summary.processed, 6);
  EXPECT_EQ(summary.failed, 4);

  EXPECT_EQ(Record("a-letter.pdf")["status"], "ok");
  EXPECT_EQ(Record("z-letter.txt")["status"], "ok");
  nlohmann::json crash = Record("crash.txt");
  EXPECT_EQ(crash["status"], "crash");
  EXPECT_NE(crash["error"].get<std::string>().find("Segmentation fault"),
            std::string::npos)
      << crash["error"];
  EXPECT_NE(crash["error"].get<std::string>().find("quarantined"),
            std::string::npos);
  nlohmann::json exit = Record("exit.txt");
  EXPECT_EQ(exit["status"], "crash");
  EXPECT_NE(exit["error"].get<std::string>().find("exited with status 3"),
            std::string::npos)
      << exit["error"];
  nlohmann::json loop = Record("loop.txt");
  EXPECT_EQ(loop["status"], "timeout");
  EXPECT_NE(loop["error"].get<std::string>().find("no progress for 1 s"),
            std::string::npos)
      << loop["error"];
  // Past the address-space ceiling malloc fails in the worker, or the
  // watchdog sees the resident memory first: either way, oom.
  EXPECT_EQ(Record("hog.txt")["status"], "oom");
  // crash, exit and loop killed their worker twice; hog did too when the
  // watchdog, not malloc, stopped it.
  bool hog_killed = Record("hog.txt")["error"].get<std::string>().find(
                        "quarantined") != std::string::npos;
  EXPECT_EQ(summary.quarantined, hog_killed ? 4 : 3);

  // Quarantined documents are not tried again by the next run.
  RunSummary again = Run();
  EXPECT_EQ(again.processed, hog_killed ? 0 : 1);
  EXPECT_EQ(again.processed + again.unchanged, 6);
}

TEST_F(WorkerPoolTest, KilledWorkerLeavesNoHelperBehind) {
  std::string pid_file = MakeTempDir("pool-pid") + "/helper.pid";
  WriteFile(in_ + "/orphan.txt", "ORPHAN " + pid_file + "\n");
  RunSummary summary = Run();
  EXPECT_EQ(Record("orphan.txt")["status"], "timeout");
  std::ifstream in(pid_file);
  pid_t helper = 0;
  ASSERT_TRUE(in >> helper) << "the helper never started";
  // Killed with its worker's process group, and reaped by init.
  for (int i = 0; i < 50 && Running(helper); ++i) usleep(100000);
  EXPECT_FALSE(Running(helper)) << "helper " << helper << " still running";
  EXPECT_EQ(summary.quarantined, 1);
}

TEST_F(WorkerPoolTest, TotalTimeLimitStopsASlowDocument) {
  options_.workers.stall_seconds = 60;
  options_.workers.total_seconds = 1;
  WriteFile(in_ + "/loop.txt", "LOOP\n");
  Run();
  nlohmann::json loop = Record("loop.txt");
  EXPECT_EQ(loop["status"], "timeout");
  EXPECT_NE(loop["error"].get<std::string>().find("took longer than 1 s"),
            std::string::npos)
      << loop["error"];
}

TEST_F(WorkerPoolTest, WorkersAreReplacedAfterSomeDocuments) {
  options_.workers.workers = 1;
  options_.workers.recycle_after = 2;
  std::string pid_file = MakeTempDir("pool-recycle") + "/pids";
  for (int i = 0; i < 6; ++i) {
    WriteFile(in_ + "/doc" + std::to_string(i) + ".txt",
              "PID " + pid_file + "\nLetter number " + std::to_string(i) +
                  " on mercury.\n");
  }
  RunSummary summary = Run();
  EXPECT_EQ(summary.processed, 6);
  EXPECT_EQ(summary.failed, 0);
  std::ifstream in(pid_file);
  std::vector<pid_t> pids;
  for (pid_t pid; in >> pid;) pids.push_back(pid);
  ASSERT_EQ(pids.size(), 6u);
  for (size_t i = 0; i < pids.size(); ++i) {
    // Two documents a worker, then a new process.
    EXPECT_EQ(pids[i], pids[i ^ 1]) << i;
    if (i >= 2) {
      EXPECT_NE(pids[i], pids[i - 2]) << i;
    }
  }
}

}  // namespace
}  // namespace intake
