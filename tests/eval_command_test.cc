// `intake eval` on labelled files, as a user runs it: letters off the
// Convention's subject, lines it cannot read, nothing to measure.
#include <gtest/gtest.h>

#include <fstream>
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

}  // namespace
}  // namespace intake
