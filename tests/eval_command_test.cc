// `intake eval` as a user runs it: on labelled files (letters off the
// Convention's subject, lines it cannot read, nothing to measure) and on
// reviewers' decisions (--reviews), read as the run read their passages.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

// `intake eval` reads a gold letter as `intake run` reads a document: one
// that never names the Convention's subject is off topic. A line without
// a letter is no document, and is never.
TEST(EvalCommandTest, FlagsLettersOffTheSubjectOnly) {
  const std::string dir = testing::MakeTempDir("eval-off-topic");
  const std::string line =
      R"("lang": "en", "text": "The council of mages provided technical )"
      R"(assistance and training to the templars of three provinces.", )"
      R"("article14": ["14.1"], "activity": [], "theme": [], )"
      R"("stance": "provided"})";
  {
    std::ofstream letter(dir + "/letter.jsonl");
    letter << R"({"letter": "mages", )" << line << "\n";
    std::ofstream alone(dir + "/alone.jsonl");
    alone << "{" << line << "\n";
  }
  ASSERT_EQ(
      testing::Intake("eval " + dir + "/letter.jsonl", dir + "/letter.txt"), 0);
  ASSERT_EQ(testing::Intake("eval " + dir + "/alone.jsonl", dir + "/alone.txt"),
            0);
  const std::string letter = testing::ReadFileOrDie(dir + "/letter.txt");
  EXPECT_NE(letter.find("  off_topic "), std::string::npos) << letter;
  const std::string alone = testing::ReadFileOrDie(dir + "/alone.txt");
  EXPECT_EQ(alone.find("off_topic"), std::string::npos) << alone;
  EXPECT_NE(alone.find("passages to review"), std::string::npos) << alone;
}

// Training learns from whole files or not at all: a line it cannot read
// is named and no model is written. Eval measures what it can read, says
// what it left out and exits 1; with nothing to measure, or a folder for
// a file, it stops.
TEST(EvalCommandTest, BadLabelledLinesStopTrainingAndEvalSaysWhy) {
  const std::string dir = testing::MakeTempDir("bad-labelled");
  {
    std::ofstream bad(dir + "/bad.jsonl");
    bad << R"({"text": "We need training.", "article14": ["14.1"], )"
        << R"("activity": [], "theme": [], "stance": "need"})"
        << "\n"
        << R"({"text": "We need training.", "article14": ["14.9"], )"
        << R"("activity": [], "theme": [], "stance": "need"})"
        << "\n";
    std::ofstream empty(dir + "/empty.jsonl");
  }
  EXPECT_EQ(
      testing::Intake("train " + dir + "/bad.jsonl --out " + dir + "/m.model",
                      "", dir + "/train.err"),
      2);
  const std::string train = testing::ReadFileOrDie(dir + "/train.err");
  EXPECT_NE(train.find(dir + "/bad.jsonl:2: \"article14\" holds \"14.9\""),
            std::string::npos)
      << train;
  EXPECT_NE(train.find("no model was written"), std::string::npos) << train;
  EXPECT_FALSE(std::ifstream(dir + "/m.model").good());

  EXPECT_EQ(testing::Intake("eval --no-model " + dir + "/bad.jsonl",
                            dir + "/eval.txt", dir + "/eval.err"),
            1);
  EXPECT_NE(testing::ReadFileOrDie(dir + "/eval.txt").find("1 passages"),
            std::string::npos);
  EXPECT_NE(testing::ReadFileOrDie(dir + "/eval.err").find("bad.jsonl:2:"),
            std::string::npos);
  EXPECT_EQ(testing::Intake("eval --no-model " + dir + "/empty.jsonl", "",
                            dir + "/empty.err"),
            2);
  EXPECT_NE(
      testing::ReadFileOrDie(dir + "/empty.err")
          .find("no labelled passage to measure in " + dir + "/empty.jsonl"),
      std::string::npos);
  EXPECT_EQ(testing::Intake("eval --no-model " + dir, "", dir + "/dir.err"), 2);
  EXPECT_NE(testing::ReadFileOrDie(dir + "/dir.err").find("is a folder"),
            std::string::npos);
}

// `intake eval --reviews` reads each decided passage as the run read it
// (kind, language, the heading and paragraph above): decisions that keep
// every label the rules gave in the run are what the same rules give again.
// Read alone, without its context, a text is labelled otherwise (micro F1
// 0.83-0.95 on these letters before eval read the context).
TEST(EvalCommandTest, EvalReviewsReadsThePassagesAsTheRunDid) {
  const std::string dir = testing::MakeTempDir("eval-reviews");
  const std::string out = dir + "/out";
  testing::RunAndDecideEveryPassage("fixtures/letters", true, dir, out);
  ASSERT_EQ(
      testing::Intake("eval --no-model --reviews " + out, dir + "/eval.txt"),
      0);
  const std::string eval = testing::ReadFileOrDie(dir + "/eval.txt");
  // One micro line per dimension; each ends in its F1.
  std::istringstream lines(eval);
  std::string line;
  int micro = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("  micro ", 0) != 0) continue;
    ++micro;
    EXPECT_TRUE(line.ends_with("1.000")) << line;
  }
  EXPECT_EQ(micro, 4) << eval;
  EXPECT_NE(eval.find("stance accuracy 1.000"), std::string::npos) << eval;
}

// A reviewer decides some passages of a document, not all: eval --reviews
// cannot tell whether the rest named the Convention's subject, and flags
// none of them off_topic, while eval of the same text as a letter does.
TEST(EvalCommandTest, EvalReviewsNeverFlagsOffTopic) {
  const std::string dir = testing::MakeTempDir("eval-reviews-topic");
  const std::string out = dir + "/out";
  const std::string text =
      "The council of mages provided technical assistance and training to "
      "the templars of three provinces.";
  std::ofstream(dir + "/mages.txt") << text << "\n";
  testing::RunAndDecideEveryPassage(dir + "/mages.txt", true, dir, out);
  ASSERT_EQ(testing::Intake("eval --reviews " + out, dir + "/eval.txt"), 0);
  const std::string eval = testing::ReadFileOrDie(dir + "/eval.txt");
  EXPECT_EQ(eval.find("off_topic"), std::string::npos) << eval;
  EXPECT_NE(eval.find("passages to review"), std::string::npos) << eval;
}

// Decisions whose passages the store no longer holds cannot be read as
// the run read them: eval and train say so instead of measuring nothing.
TEST(EvalCommandTest, ReviewsWithNoPassageLeftAreAnError) {
  const std::string dir = testing::MakeTempDir("reviews-gone");
  const std::string out = dir + "/out";
  testing::RunAndDecideEveryPassage("fixtures/letters/samoa-needs.docx", false,
                                    dir, out);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((out + "/intake.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM passages", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(testing::Intake("eval --no-model --reviews " + out, "",
                            dir + "/eval.err"),
            2);
  EXPECT_NE(testing::ReadFileOrDie(dir + "/eval.err")
                .find("is on a passage its store still holds"),
            std::string::npos);
  EXPECT_EQ(
      testing::Intake("train --reviews " + out + " --out " + dir + "/m.model",
                      "", dir + "/train.err"),
      2);
  EXPECT_NE(testing::ReadFileOrDie(dir + "/train.err")
                .find("no decided passage in the review folders"),
            std::string::npos);
  EXPECT_FALSE(std::ifstream(dir + "/m.model").good());
}

}  // namespace
}  // namespace intake
