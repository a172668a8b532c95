// `intake diff` end to end: two runs of the intake binary over the letters
// fixtures, with the installed rules and with a copy missing one term.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using Json = nlohmann::json;
using testing::Intake;

// Without it, passages that speak of emissions only through the word
// "emissions" lose theme:emissions.
const char kRemovedTerm[] = "<term weight=\"1.0\">emission*</term>";

class DiffCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::MakeTempDir("diff");
    std::string rules = testing::ReadFileOrDie(testing::SourceDir() +
                                               "/classifiers/rules/rules.xml");
    size_t at = rules.find(kRemovedTerm);
    ASSERT_NE(at, std::string::npos) << "rules.xml changed: pick another term";
    rules.erase(at, std::string(kRemovedTerm).size());
    std::ofstream(dir_ + "/rules.xml") << rules;
    // The rules alone: what a change of rules does is the point here.
    for (const char* out : {"/a", "/b"}) {
      ASSERT_EQ(Intake("run --quiet --no-model fixtures/letters --out '" +
                       dir_ + out + "'"),
                0);
    }
    ASSERT_EQ(Intake("run --quiet --no-model fixtures/letters --out '" + dir_ +
                     "/fewer-terms' --rules '" + dir_ + "/rules.xml'"),
              0);
  }
  static std::string dir_;
};
std::string DiffCommandTest::dir_;

TEST_F(DiffCommandTest, IdenticalRunsExitZero) {
  std::string report = dir_ + "/same.txt";
  EXPECT_EQ(Intake("diff '" + dir_ + "/a' '" + dir_ + "/b'", report), 0);
  std::string text = testing::ReadFileOrDie(report);
  EXPECT_NE(text.find("no differences\n"), std::string::npos) << text;
}

TEST_F(DiffCommandTest, RemovedTermShowsAsLabelLoss) {
  std::string report = dir_ + "/fewer.txt";
  EXPECT_EQ(Intake("diff '" + dir_ + "/a' '" + dir_ + "/fewer-terms'", report),
            1);
  std::string text = testing::ReadFileOrDie(report);
  EXPECT_NE(text.find("  theme:\n    code"), std::string::npos) << text;
  EXPECT_NE(text.find("\n    emissions                      0"),
            std::string::npos)
      << text;

  std::string json_report = dir_ + "/fewer.json";
  EXPECT_EQ(Intake("diff --json '" + dir_ + "/a' '" + dir_ + "/fewer-terms'",
                   json_report),
            1);
  Json j = Json::parse(testing::ReadFileOrDie(json_report));
  EXPECT_EQ(j["differences"], true);
  EXPECT_NE(j["rules_version"]["old"], j["rules_version"]["new"]);
  const Json& theme = j["labels"]["theme"];
  ASSERT_EQ(theme.size(), 1u) << theme.dump();
  EXPECT_EQ(theme[0]["code"], "emissions");
  EXPECT_EQ(theme[0]["gained"], 0);
  EXPECT_GT(theme[0]["lost"].get<int>(), 0);
  EXPECT_TRUE(j["labels"]["article14"].empty());
  // Same documents, same extraction: only labels changed.
  EXPECT_TRUE(j["documents"]["only_old"].empty());
  EXPECT_TRUE(j["documents"]["status_changed"].empty());
  EXPECT_EQ(j["text"]["only_old"], 0);
  EXPECT_EQ(j["text"]["only_new"], 0);
}

TEST_F(DiffCommandTest, CannotRunExitsTwo) {
  std::string bad = dir_ + "/bad";
  std::string copy = "cp -r '" + dir_ + "/a' '" + bad +
                     "' && echo '{oops' >> '" + bad + "/passages.jsonl'";
  ASSERT_EQ(std::system(copy.c_str()), 0);
  EXPECT_EQ(Intake("diff '" + dir_ + "/a' '" + bad + "'"), 2);
  EXPECT_EQ(Intake("diff '" + dir_ + "/a' '" + dir_ + "/missing'"), 2);
  EXPECT_EQ(Intake("diff '" + dir_ + "/a'"), 2);
  EXPECT_EQ(Intake("diff --examples -1 '" + dir_ + "/a' '" + dir_ + "/b'"), 2);
  EXPECT_EQ(Intake("diff --help"), 0);
}

}  // namespace
}  // namespace intake
