// The model's weights are parsed when first needed, not at start-up; the
// version is known before, a bad file is reported by Prepare (and stops a
// run), and once prepared the labels are the combined classifier's.
#include "cli/lazy_model_classifier.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/intake_runs.h"
#include "tests/shipped_rules.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::ShippedRules;

TEST(LazyModelClassifierTest, SameLabelsAsTheCombinedClassifier) {
  ModelFile file;
  ASSERT_TRUE(ReadModelFile(testing::ShippedModelPath(), &file).ok());
  std::shared_ptr<const LinearModel> model;
  ASSERT_TRUE(LoadModel(testing::ShippedModelPath(), &model).ok());
  EXPECT_EQ(file.version, model->version);

  std::shared_ptr<const Rules> rules = ShippedRules();
  LazyModelClassifier lazy(rules, nullptr, file);
  CombinedClassifier combined(rules, nullptr, model);
  EXPECT_EQ(lazy.ModelVersion(), model->version);  // before any parsing
  const char* text =
      "We would welcome technical assistance to monitor mercury in fish.";
  Labels a = lazy.Classify(text, "en", PassageKind::kParagraph);
  Labels b = combined.Classify(text, "en", PassageKind::kParagraph);
  EXPECT_TRUE(lazy.Prepare().ok());
  EXPECT_EQ(a.article14, b.article14);
  EXPECT_EQ(a.theme, b.theme);
  EXPECT_EQ(a.stance, b.stance);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_FALSE(a.article14.empty());
}

TEST(LazyModelClassifierTest, ABadFileIsReportedByPrepare) {
  ModelFile file;
  ASSERT_TRUE(ReadModelFile(testing::ShippedModelPath(), &file).ok());
  file.bytes.resize(5000);  // truncated inside the weights
  LazyModelClassifier lazy(ShippedRules(), nullptr, file);
  Status s = lazy.Prepare();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("line"), std::string::npos) << s.message();
  EXPECT_FALSE(lazy.Prepare().ok());  // the first answer stands
}

TEST(LazyModelClassifierTest, ABadModelStopsARunBeforeAnyRecord) {
  std::string dir = testing::MakeTempDir("lazy-model");
  std::string bad = dir + "/bad.model";
  std::ofstream(bad)
      << testing::ReadFileOrDie(testing::ShippedModelPath()).substr(0, 5000);
  EXPECT_EQ(testing::Intake("run fixtures/letters --out '" + dir +
                            "/out' --model '" + bad + "'"),
            2);
  EXPECT_FALSE(std::filesystem::exists(dir + "/out/documents.jsonl"));
}

}  // namespace
}  // namespace intake
