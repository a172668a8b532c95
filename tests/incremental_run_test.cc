// Nightly and archive runs through the intake binary: only what is new or
// changed is processed, the output always holds every stored document, and
// it is the same bytes whatever the number of workers and however often
// the run was killed on the way.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

namespace fs = std::filesystem;
using testing::ExpectSameRecords;
using testing::Fixture;
using testing::Intake;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::ReadJsonLines;

// Documents of every kind the pipeline opens: letters, mail with
// attachments, Outlook messages, archives, broken files. No scans: OCR
// would make the runs long without testing anything more here.
std::string MixedInputs() {
  std::string inputs;
  for (const char* folder :
       {"letters", "mail", "msg", "zip", "broken", "docx", "odt", "rtf"}) {
    inputs += " " + Fixture(folder);
  }
  return inputs;
}

const char kRunFlags[] = " --quiet --max-ocr-pages 0";

int RunIntake(const std::string& inputs, const std::string& out,
              const std::string& flags = "") {
  return Intake("run" + inputs + " --out " + out + kRunFlags + " " + flags);
}

std::vector<std::string> LogLines(const std::string& out) {
  std::ifstream in(out + "/intake.log");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The status column of each log line ("<time>\t<status>\t...").
std::vector<std::string> LoggedStatuses(const std::vector<std::string>& lines) {
  std::vector<std::string> statuses;
  for (const std::string& line : lines) {
    size_t a = line.find('\t');
    size_t b = line.find('\t', a + 1);
    statuses.push_back(line.substr(a + 1, b - a - 1));
  }
  return statuses;
}

TEST(IncrementalRunTest, SecondRunDoesNoWork) {
  std::string out = MakeTempDir("incr-again");
  ASSERT_EQ(RunIntake(MixedInputs(), out),
            1);  // fixtures/broken fails, by design
  std::string documents = ReadFileOrDie(out + "/documents.jsonl");
  auto written = fs::last_write_time(out + "/documents.jsonl");
  size_t first = LogLines(out).size();
  ASSERT_GT(first, 50u);

  // Unreadable files are tried again (cheaply); everything else is known,
  // and nothing failed in this run.
  EXPECT_EQ(RunIntake(MixedInputs(), out), 0);
  std::vector<std::string> lines = LogLines(out);
  lines.erase(lines.begin(), lines.begin() + static_cast<long>(first));
  int unchanged = 0;
  for (const std::string& status : LoggedStatuses(lines)) {
    if (status == "unchanged") ++unchanged;
  }
  EXPECT_GE(unchanged, static_cast<int>(lines.size()) - 2);
  EXPECT_EQ(ReadFileOrDie(out + "/documents.jsonl"), documents);
  EXPECT_EQ(fs::last_write_time(out + "/documents.jsonl"), written)
      << "nothing changed, yet the output was rewritten";
}

TEST(IncrementalRunTest, WorkersAndInProcessGiveTheSameBytes) {
  std::string one = MakeTempDir("incr-jobs1");
  std::string three = MakeTempDir("incr-jobs3");
  std::string here = MakeTempDir("incr-inproc");
  RunIntake(MixedInputs(), one, "--jobs 1");
  RunIntake(MixedInputs(), three, "--jobs 3");
  RunIntake(MixedInputs(), here, "--in-process");
  ExpectSameRecords(one, three);
  ExpectSameRecords(one, here);
}

// Starts `intake run` and kills it (SIGKILL, as a power cut would) once its
// log has `lines` lines, or when it ends first. True when it was killed.
bool RunAndKill(const std::string& inputs, const std::string& out,
                size_t lines) {
  pid_t pid = fork();
  if (pid == 0) {
    std::string command = testing::IntakeBinary() + " run" + inputs +
                          " --out " + out + kRunFlags + " --jobs 2";
    execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  for (;;) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    if (LogLines(out).size() >= lines) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  return true;
}

TEST(IncrementalRunTest, KilledRunsResumeToTheSameBytes) {
  std::string whole = MakeTempDir("incr-whole");
  RunIntake(MixedInputs(), whole);
  std::string killed = MakeTempDir("incr-killed");
  int kills = 0;
  // Killed again and again further on, each time resumed from the store.
  for (size_t lines : {1, 20, 60, 100, 125}) {
    kills += RunAndKill(MixedInputs(), killed, lines) ? 1 : 0;
  }
  EXPECT_GE(kills, 3) << "the runs ended before they could be killed";
  RunIntake(MixedInputs(), killed);
  ExpectSameRecords(whole, killed);
  // No document twice, none lost.
  EXPECT_EQ(ReadJsonLines(killed + "/documents.jsonl").size(),
            ReadJsonLines(whole + "/documents.jsonl").size());
}

TEST(IncrementalRunTest, NewRulesVersionReprocessesEverything) {
  std::string out = MakeTempDir("incr-rules");
  std::string inputs = " " + Fixture("letters");
  ASSERT_EQ(RunIntake(inputs, out), 0);
  std::string rules =
      ReadFileOrDie(testing::SourceDir() + "/classifiers/rules/rules.xml");
  std::string changed = MakeTempDir("incr-rules-file") + "/rules.xml";
  size_t at = rules.find("version=\"", rules.find("<rules "));
  ASSERT_NE(at, std::string::npos);
  rules.insert(at + 9, "9");
  std::ofstream(changed) << rules;

  ASSERT_EQ(RunIntake(inputs, out, "--rules " + changed), 0);
  for (const nlohmann::json& doc : ReadJsonLines(out + "/documents.jsonl")) {
    EXPECT_EQ(doc["rules_version"].get<std::string>().substr(0, 2), "92")
        << doc["path"];
  }
  // Same rules again: nothing to do; --reprocess: everything again.
  size_t before = LogLines(out).size();
  ASSERT_EQ(RunIntake(inputs, out, "--rules " + changed), 0);
  std::vector<std::string> statuses = LoggedStatuses(LogLines(out));
  for (size_t i = before; i < statuses.size(); ++i) {
    EXPECT_EQ(statuses[i], "unchanged");
  }
  before = statuses.size();
  ASSERT_EQ(RunIntake(inputs, out, "--rules " + changed + " --reprocess"), 0);
  statuses = LoggedStatuses(LogLines(out));
  for (size_t i = before; i < statuses.size(); ++i) {
    EXPECT_EQ(statuses[i], "ok");
  }
}

// Runs SQL on a run's state store, as an older intake would have left it.
void AlterStore(const std::string& out, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((out + "/intake.sqlite").c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

std::string DryRunPlan(const std::string& inputs, const std::string& out) {
  std::string listing = MakeTempDir("incr-plan") + "/plan.txt";
  EXPECT_EQ(Intake("run" + inputs + " --out " + out + " --dry-run", listing),
            0);
  return ReadFileOrDie(listing);
}

TEST(IncrementalRunTest, DocumentsStoredByAnotherIntakeAreRedone) {
  std::string out = MakeTempDir("incr-build");
  std::string inputs = " " + Fixture("letters");
  std::string cambodia = Fixture("letters/cambodia-long.pdf");
  ASSERT_EQ(RunIntake(inputs, out), 0);
  AlterStore(out, "UPDATE documents SET intake_build='0123456789ab'");
  std::string plan = DryRunPlan(inputs, out);
  EXPECT_NE(plan.find("reprocess (intake build 0123456789ab -> "),
            std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("unchanged\t"), std::string::npos) << plan;

  size_t before = LogLines(out).size();
  ASSERT_EQ(RunIntake(inputs, out), 0);
  std::vector<std::string> statuses = LoggedStatuses(LogLines(out));
  ASSERT_GT(statuses.size(), before);
  for (size_t i = before; i < statuses.size(); ++i) {
    EXPECT_NE(statuses[i], "unchanged");
  }
  EXPECT_NE(DryRunPlan(inputs, out).find("unchanged\t" + cambodia),
            std::string::npos);
}

TEST(IncrementalRunTest, StoreOfVersionOneIsBroughtUpToDate) {
  std::string out = MakeTempDir("incr-v1");
  std::string inputs = " " + Fixture("letters");
  ASSERT_EQ(RunIntake(inputs, out), 0);
  // Version 1 had no intake_build column.
  AlterStore(out,
             "ALTER TABLE documents DROP COLUMN intake_build; "
             "UPDATE meta SET value='1' WHERE key='schema_version'");
  std::string plan = DryRunPlan(inputs, out);
  EXPECT_NE(plan.find("reprocess (stored before intake kept its build id)\t" +
                      Fixture("letters/cambodia-long.pdf")),
            std::string::npos)
      << plan;
  ASSERT_EQ(RunIntake(inputs, out), 0);
  EXPECT_NE(DryRunPlan(inputs, out).find("unchanged\t"), std::string::npos);
  // A store of a version this intake does not know is refused, not misread.
  AlterStore(out, "UPDATE meta SET value='99' WHERE key='schema_version'");
  EXPECT_EQ(RunIntake(inputs, out), 2);
}

TEST(IncrementalRunTest, OutputHoldsEveryStoredDocument) {
  std::string out = MakeTempDir("incr-nights");
  std::string night1 = MakeTempDir("incr-night1");
  std::string night2 = MakeTempDir("incr-night2");
  fs::copy_file(Fixture("letters/bcrc-caribbean-training.pdf"),
                night1 + "/a.pdf");
  std::ofstream(night2 + "/b.txt") << "The Government of Samoa held a "
                                      "training workshop on mercury.\n";
  ASSERT_EQ(RunIntake(" " + night1, out), 0);
  ASSERT_EQ(RunIntake(" " + night2, out), 0);
  auto docs = ReadJsonLines(out + "/documents.jsonl");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0]["path"], night1 + "/a.pdf");
  EXPECT_EQ(docs[1]["path"], night2 + "/b.txt");

  // A file changed in place is a new document; the old one stays stored.
  std::ofstream(night2 + "/b.txt") << "The Government of Samoa received "
                                      "support for its inventory.\n";
  ASSERT_EQ(RunIntake(" " + night2, out), 0);
  EXPECT_EQ(ReadJsonLines(out + "/documents.jsonl").size(), 3u);
}

TEST(IncrementalRunTest, DryRunListsAndChangesNothing) {
  std::string out = MakeTempDir("incr-dry") + "/out";
  std::string listing = MakeTempDir("incr-dry-list") + "/plan.txt";
  ASSERT_EQ(Intake("run " + Fixture("letters") + " --out " + out + " --dry-run",
                   listing),
            0);
  EXPECT_FALSE(fs::exists(out)) << "a dry run wrote its output folder";
  std::string plan = ReadFileOrDie(listing);
  EXPECT_NE(plan.find("new\t" + Fixture("letters/cambodia-long.pdf")),
            std::string::npos)
      << plan;

  ASSERT_EQ(RunIntake(" " + Fixture("letters"), out), 0);
  ASSERT_EQ(Intake("run " + Fixture("letters") + " --out " + out + " --dry-run",
                   listing),
            0);
  plan = ReadFileOrDie(listing);
  EXPECT_NE(plan.find("unchanged\t" + Fixture("letters/cambodia-long.pdf")),
            std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("new\t"), std::string::npos) << plan;
}

TEST(IncrementalRunTest, StatusSummarisesTheStore) {
  std::string out = MakeTempDir("incr-status");
  RunIntake(" " + Fixture("letters") + " " + Fixture("broken"), out);
  std::string report = MakeTempDir("incr-status-out") + "/status.txt";
  ASSERT_EQ(Intake("status " + out, report), 0);
  std::string text = ReadFileOrDie(report);
  EXPECT_NE(text.find("documents"), std::string::npos) << text;
  EXPECT_NE(text.find("encrypted\t1"), std::string::npos) << text;
  EXPECT_NE(text.find("by model version:"), std::string::npos) << text;
  EXPECT_NE(text.find("reviewers' decisions: 0 passages decided\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("finished"), std::string::npos) << text;
  EXPECT_EQ(Intake("status " + MakeTempDir("incr-status-none")), 2);
}

}  // namespace
}  // namespace intake
