// scripts/check-new-letters, which a data round's parts pass before they
// join fixtures/dev/ (fixtures/dev/README.md, "Counts"): a clean part is
// accepted, and each kind of problem is named with its line.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/test_paths.h"

namespace intake {
namespace {

// Runs the script on `file`; its exit status, and what it printed in `out`.
int Check(const std::string& file, const std::string& args,
          const std::string& dir, std::string* out) {
  const std::string command = testing::SourceDir() +
                              "/scripts/check-new-letters " + file + " " +
                              args + " >" + dir + "/out.txt 2>&1";
  int status = std::system(command.c_str());
  *out = testing::ReadFileOrDie(dir + "/out.txt");
  return status;
}

std::string Line(const std::string& id, const std::string& letter,
                 const std::string& article14, const std::string& stance) {
  return R"({"id": ")" + id + R"(", "letter": ")" + letter +
         R"(", "lang": "en", "text": "We still need training on mercury.", )" +
         R"("article14": )" + article14 +
         R"(, "activity": [], "theme": [], "stance": ")" + stance + "\"}\n";
}

TEST(CheckNewLettersTest, AcceptsAWellFormedPart) {
  const std::string dir = testing::MakeTempDir("check-new-letters-ok");
  const std::string file = dir + "/en-a.jsonl";
  std::ofstream(file) << Line("en-99000", "en-zz-checker-2026", "[]", "other")
                      << Line("en-99001", "en-zz-checker-2026",
                              R"(["14.1", "14.2"])", "need");
  std::string out;
  EXPECT_EQ(Check(file, "en 99000 99249", dir, &out), 0) << out;
  EXPECT_NE(out.find("2 passages, 1 letters, 0 problems"), std::string::npos)
      << out;
}

TEST(CheckNewLettersTest, NamesEachProblemWithItsLine) {
  const std::string dir = testing::MakeTempDir("check-new-letters-bad");
  const std::string file = dir + "/en-a.jsonl";
  // en-dk-mim-2026 is a development letter, en-8500 a development id.
  std::ofstream(file) << Line("en-99000", "en-zz-checker-2026",
                              R"(["14.2", "14.1"])", "need")
                      << Line("en-98000", "en-zz-checker-2026", "[]", "other")
                      << Line("en-8500", "en-dk-mim-2026", "[]", "maybe")
                      << "{not json\n"
                      << "[1, 2]\n";
  std::string out;
  EXPECT_NE(Check(file, "en 99000 99249", dir, &out), 0);
  EXPECT_NE(out.find(":1: article14: codes must be unique and in taxonomy"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(":2: id en-98000 not en-99000..99249"), std::string::npos)
      << out;
  EXPECT_NE(out.find(":3: id en-8500 already used"), std::string::npos) << out;
  EXPECT_NE(out.find(":3: letter id en-dk-mim-2026"), std::string::npos) << out;
  EXPECT_NE(out.find(":3: stance maybe"), std::string::npos) << out;
  EXPECT_NE(out.find(":4: not JSON"), std::string::npos) << out;
  EXPECT_NE(out.find(":5: keys must be exactly"), std::string::npos) << out;
  EXPECT_EQ(out.find("Traceback"), std::string::npos) << out;
}

TEST(CheckNewLettersTest, AnotherPartOfTheSameRoundCannotShareALetter) {
  const std::string dir = testing::MakeTempDir("check-new-letters-parts");
  std::ofstream(dir + "/en-b.jsonl")
      << Line("en-99250", "en-zz-checker-2026", "[]", "other");
  const std::string file = dir + "/en-a.jsonl";
  std::ofstream(file) << Line("en-99000", "en-zz-checker-2026", "[]", "other")
                      << Line("en-99001", "en-zz-checker-2026", "[]", "other");
  std::string out;
  EXPECT_NE(Check(file, "en 99000 99249", dir, &out), 0);
  const std::string refused =
      ":1: letter id en-zz-checker-2026 must start with en- and be new";
  EXPECT_NE(out.find(refused), std::string::npos) << out;
  // Named on the letter's first line only, not on every line of it.
  EXPECT_EQ(out.find("letter id", out.find(refused) + refused.size()),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace intake
