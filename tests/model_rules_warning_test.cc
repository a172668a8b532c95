// A model learns the features of the rules it was trained with; used with
// other rules (a programme officer's edit not yet retrained) it still
// runs, and the user is told which versions differ and how to retrain.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "cli/wiring.h"
#include "tests/intake_runs.h"
#include "tests/shipped_rules.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::Intake;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::ShippedModelPath;
using testing::SourceDir;

// A copy of the shipped rules under another version, as after an edit.
std::string EditedRules(const std::string& dir) {
  std::string xml = ReadFileOrDie(SourceDir() + "/classifiers/rules/rules.xml");
  const std::string from = "<rules format=\"1\" version=\"";
  size_t at = xml.find(from);
  EXPECT_NE(at, std::string::npos);
  xml.insert(at + from.size(), "edited-");
  std::string path = dir + "/rules.xml";
  std::ofstream(path) << xml;
  return path;
}

TEST(ModelRulesWarningTest, SaysBothVersionsOnlyWhenTheyDiffer) {
  EXPECT_EQ(ModelRulesWarning("r1+aa", "m.model", "r1+aa"), "");
  EXPECT_EQ(ModelRulesWarning("r1+aa", "", "r0+bb"), "");  // no model
  std::string w = ModelRulesWarning("r1+aa", "m.model", "r0+bb");
  EXPECT_NE(w.find("m.model"), std::string::npos) << w;
  EXPECT_NE(w.find("r0+bb"), std::string::npos) << w;
  EXPECT_NE(w.find("r1+aa"), std::string::npos) << w;
  EXPECT_NE(w.find("retrain"), std::string::npos) << w;
}

TEST(ModelRulesWarningTest, TheShippedModelLearnedTheShippedRules) {
  // Fails when the rules file changed and scripts/train-model was not run.
  ClassifierData data;
  ASSERT_TRUE(LoadClassifierData({SourceDir() + "/classifiers/rules/rules.xml",
                                  ShippedModelPath(), false},
                                 &data)
                  .ok());
  EXPECT_EQ(data.warning, "");
}

TEST(ModelRulesWarningTest, EditedRulesAreClassifiedWithAWarning) {
  std::string dir = MakeTempDir("edited-rules");
  std::string rules = EditedRules(dir);
  ClassifierData data;
  ASSERT_TRUE(
      LoadClassifierData({rules, ShippedModelPath(), false}, &data).ok());
  EXPECT_NE(data.warning.find("edited-"), std::string::npos) << data.warning;

  std::string input = dir + "/in.jsonl";
  std::ofstream(input) << R"({"id":"a","lang":"en","text":"We trained )"
                          R"(customs officers on mercury trade."})"
                       << "\n";
  const std::string out = dir + "/out.jsonl", err = dir + "/err.txt";
  ASSERT_EQ(
      Intake("classify --rules '" + rules + "' < '" + input + "'", out, err),
      0);
  EXPECT_NE(ReadFileOrDie(err).find("intake: warning: the model"),
            std::string::npos)
      << ReadFileOrDie(err);
  EXPECT_NE(ReadFileOrDie(out).find("\"id\":\"a\""), std::string::npos);

  // The rules alone have no model to mismatch.
  ASSERT_EQ(
      Intake("classify --no-model --rules '" + rules + "' < '" + input + "'",
             out, err),
      0);
  EXPECT_EQ(ReadFileOrDie(err), "");
}

}  // namespace
}  // namespace intake
