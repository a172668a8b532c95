// The rules, the gazetteer and the model's weights are loaded when first
// needed, not at start-up; the versions are known before, a bad file is
// reported by Prepare (and stops a run), and once prepared the labels and
// submitters are those of the classifiers wired directly.
#include "cli/lazy_classifier.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "classifiers/combined_classifier.h"
#include "classifiers/model_file.h"
#include "classifiers/submitter_finder.h"
#include "tests/intake_runs.h"
#include "tests/shipped_rules.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::ShippedGazetteer;
using testing::ShippedModelPath;
using testing::ShippedRules;

// A loader of the shipped files that counts its calls.
LazyClassifier::Loader ShippedLoader(int* calls, ModelFile model) {
  return [calls, model](ClassifierData* data) {
    ++*calls;
    data->rules = ShippedRules();
    data->gazetteer = ShippedGazetteer();
    if (model.path.empty()) return Status::Ok();
    return ParseModelFile(model, &data->model);
  };
}

TEST(LazyClassifierTest, SameLabelsAsTheCombinedClassifier) {
  ModelFile file;
  ASSERT_TRUE(ReadModelFile(ShippedModelPath(), &file).ok());
  std::shared_ptr<const LinearModel> model;
  ASSERT_TRUE(LoadModel(ShippedModelPath(), &model).ok());
  EXPECT_EQ(file.version, model->version);

  int calls = 0;
  LazyClassifier lazy(ShippedLoader(&calls, file), ShippedRules()->version(),
                      file.version);
  CombinedClassifier combined(ShippedRules(), ShippedGazetteer(), model);
  EXPECT_EQ(lazy.ModelVersion(), model->version);  // before any loading
  EXPECT_EQ(lazy.Version(), combined.Version());
  EXPECT_EQ(calls, 0);
  const char* text =
      "We would welcome technical assistance to monitor mercury in fish.";
  Labels a = lazy.Classify(text, "en", PassageKind::kParagraph);
  Labels b = combined.Classify(text, "en", PassageKind::kParagraph);
  EXPECT_TRUE(lazy.Prepare().ok());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(a.article14, b.article14);
  EXPECT_EQ(a.theme, b.theme);
  EXPECT_EQ(a.stance, b.stance);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_FALSE(a.article14.empty());
}

TEST(LazyClassifierTest, SubmittersFoundWithTheLoadedGazetteer) {
  int calls = 0;
  LazyClassifier lazy(ShippedLoader(&calls, ModelFile()),
                      ShippedRules()->version(), "");
  std::unique_ptr<SubmitterFinder> finder = lazy.NewSubmitterFinder();
  EXPECT_EQ(calls, 0);
  Passage letterhead;
  letterhead.text = "GOVERNMENT OF SAMOA";
  letterhead.kind = PassageKind::kFurniture;
  letterhead.furniture = "letterhead";
  DocumentMeta meta;
  Submitter lazy_found = finder->Find({letterhead}, meta);
  Submitter direct =
      GazetteerSubmitterFinder(ShippedGazetteer()).Find({letterhead}, meta);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(lazy_found.name, direct.name);
  EXPECT_EQ(lazy_found.name, "Samoa");
}

TEST(LazyClassifierTest, ABadFileIsReportedByPrepare) {
  std::string dir = testing::MakeTempDir("lazy-bad-model");
  std::string bad = dir + "/bad.model";
  // Cut short: the head (its version) still reads, and what follows no
  // longer matches it.
  std::ofstream(bad)
      << testing::ReadFileOrDie(ShippedModelPath()).substr(0, 5000);
  ModelFile file;
  ASSERT_TRUE(ReadModelFile(bad, &file).ok());
  std::string version = file.version;
  int calls = 0;
  LazyClassifier lazy(ShippedLoader(&calls, file), ShippedRules()->version(),
                      version);
  Status s = lazy.Prepare();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.model"), std::string::npos) << s.message();
  EXPECT_FALSE(lazy.Prepare().ok());  // the first answer stands
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(
      lazy.Classify("Training on mercury waste.", "en", PassageKind::kParagraph)
          .article14.empty());
}

TEST(LazyClassifierTest, RulesChangedSinceStartUpAreAnError) {
  int calls = 0;
  LazyClassifier lazy(ShippedLoader(&calls, ModelFile()), "2020.1+abcdef", "");
  Status s = lazy.Prepare();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("changed"), std::string::npos) << s.message();
}

TEST(LazyClassifierTest, RulesVersionReadWithoutCompiling) {
  std::string version;
  ASSERT_TRUE(
      ReadRulesVersion(testing::SourceDir() + "/classifiers/rules/rules.xml",
                       &version)
          .ok());
  EXPECT_EQ(version, ShippedRules()->version());
  std::string dir = testing::MakeTempDir("lazy-rules");
  std::ofstream(dir + "/broken.xml") << "<rules format=\"1\" version=\"x\"";
  Status s = ReadRulesVersion(dir + "/broken.xml", &version);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("broken.xml"), std::string::npos) << s.message();
}

TEST(LazyClassifierTest, ABadModelStopsARunBeforeAnyRecord) {
  std::string dir = testing::MakeTempDir("lazy-model");
  std::string bad = dir + "/bad.model";
  std::ofstream(bad)
      << testing::ReadFileOrDie(ShippedModelPath()).substr(0, 5000);
  EXPECT_EQ(testing::Intake("run fixtures/letters --out '" + dir +
                            "/out' --model '" + bad + "'"),
            2);
  EXPECT_FALSE(std::filesystem::exists(dir + "/out/documents.jsonl"));
}

}  // namespace
}  // namespace intake
