// A model learns the features of the rules it was trained with; used with
// other rules (a programme officer's edit not yet retrained) it still
// runs, and the user is told which versions differ and how to retrain.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "classifiers/model_file.h"
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
  struct Case {
    const char* rules;
    const char* model_path;
    const char* model_rules;
    std::vector<std::string> said;  // empty: no warning
  } cases[] = {
      {"r1+aa", "m.model", "r1+aa", {}},
      {"r1+aa", "", "r0+bb", {}},  // no model
      {"r1+aa", "m.model", "r0+bb", {"m.model", "r0+bb", "r1+aa", "retrain"}},
      {"r1+aa", "m.model", "", {"m.model", "unknown version", "r1+aa"}},
  };
  for (const Case& c : cases) {
    std::string w = ModelRulesWarning(c.rules, c.model_path, c.model_rules);
    EXPECT_EQ(w.empty(), c.said.empty()) << w;
    for (const std::string& part : c.said) {
      EXPECT_NE(w.find(part), std::string::npos) << part << " in: " << w;
    }
  }
}

TEST(ModelRulesWarningTest, TheHeadSaysTheRulesVersionTheWholeFileDoes) {
  // run and extract read only the model file's head at start-up.
  ModelFile head;
  ASSERT_TRUE(ReadModelFile(ShippedModelPath(), &head).ok());
  std::shared_ptr<const LinearModel> whole;
  ASSERT_TRUE(ParseModelFile(head, &whole).ok());
  EXPECT_FALSE(head.rules_version.empty());
  EXPECT_EQ(head.rules_version, whole->rules_version);
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

  // run and extract, which read the model's head only, warn too.
  ASSERT_EQ(
      Intake("extract --rules '" + rules + "' fixtures/letters/samoa-needs.pdf",
             out, err),
      0);
  EXPECT_NE(ReadFileOrDie(err).find("intake: warning: the model"),
            std::string::npos)
      << ReadFileOrDie(err);

  // The rules alone have no model to mismatch.
  ASSERT_EQ(
      Intake("classify --no-model --rules '" + rules + "' < '" + input + "'",
             out, err),
      0);
  EXPECT_EQ(ReadFileOrDie(err), "");
}

}  // namespace
}  // namespace intake
