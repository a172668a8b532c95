// The shipped rules against the hand-labelled passages of fixtures/dev
// (README there): per-dimension micro precision and recall must not fall
// below the floors measured when the rules were written. A change of rules
// that makes them worse fails here; one that makes them better should
// raise the floors. The test.* files are the untouched split: their floors
// only catch regressions; nobody tunes rules or model to raise them.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "cli/eval_stream.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

struct Floors {
  const char* file;
  double article14_precision, article14_recall;
  double activity_precision, activity_recall;
  double theme_precision, theme_recall;
  double stance_accuracy;
};

TEST(RulesCorpusTest, DevelopmentPassagesMeetTheFloors) {
  std::shared_ptr<const Rules> rules;
  Status s =
      LoadRules(testing::SourceDir() + "/classifiers/rules/rules.xml", &rules);
  ASSERT_TRUE(s.ok()) << s.ToString();
  RuleClassifier classifier(rules);

  // Measured with rules 2026.11.2 when the files grew to 1743 passages
  // (new letters in every language), rounded down by 0.02.
  const Floors floors[] = {
      {"dev/dev.en.jsonl", 0.85, 0.52, 0.73, 0.56, 0.89, 0.66, 0.71},
      {"dev/test.en.jsonl", 0.81, 0.46, 0.74, 0.58, 0.86, 0.59, 0.63},
      // Spanish and French development files after the es/fr rules were
      // written (wt-rules-esfr), rounded down by 0.02.
      {"dev/dev.es.jsonl", 0.90, 0.66, 0.86, 0.68, 0.87, 0.74, 0.81},
      {"dev/test.es.jsonl", 0.79, 0.13, 0.65, 0.01, 0.78, 0.24, 0.57},
      {"dev/dev.fr.jsonl", 0.90, 0.67, 0.83, 0.66, 0.87, 0.69, 0.77},
      {"dev/test.fr.jsonl", 0.69, 0.15, 0.73, 0.06, 0.87, 0.29, 0.56},
  };
  for (const Floors& f : floors) {
    std::ifstream in(testing::Fixture(f.file));
    ASSERT_TRUE(in.good()) << f.file;
    std::ostringstream errors;
    Evaluation r;
    ASSERT_EQ(EvaluateStream(in, classifier, errors, &r), 0) << errors.str();
    ASSERT_GT(r.passages, 30) << f.file;
    const DimensionScore& article14 = r.dimensions[0];
    const DimensionScore& activity = r.dimensions[1];
    const DimensionScore& theme = r.dimensions[2];
    EXPECT_GE(article14.micro_precision, f.article14_precision) << f.file;
    EXPECT_GE(article14.micro_recall, f.article14_recall) << f.file;
    EXPECT_GE(activity.micro_precision, f.activity_precision) << f.file;
    EXPECT_GE(activity.micro_recall, f.activity_recall) << f.file;
    EXPECT_GE(theme.micro_precision, f.theme_precision) << f.file;
    EXPECT_GE(theme.micro_recall, f.theme_recall) << f.file;
    EXPECT_GE(r.stance_accuracy, f.stance_accuracy) << f.file;
    std::printf(
        "%s: article14 P %.2f R %.2f | activity P %.2f R %.2f | theme P %.2f "
        "R %.2f | stance accuracy %.2f (%d passages)\n",
        f.file, article14.micro_precision, article14.micro_recall,
        activity.micro_precision, activity.micro_recall, theme.micro_precision,
        theme.micro_recall, r.stance_accuracy, r.passages);
  }
}

}  // namespace
}  // namespace intake
