// The shipped rules against the hand-labelled development passages
// (fixtures/dev): per-dimension micro precision and recall must not fall
// below the floors measured when the rules were written. A change of rules
// that makes them worse fails here; one that makes them better should
// raise the floors.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "tests/test_paths.h"

namespace intake {
namespace {
using Json = nlohmann::json;

struct Counts {
  int true_positive = 0;
  int false_positive = 0;
  int false_negative = 0;
  double Precision() const {
    return true_positive == 0
               ? 0
               : 1.0 * true_positive / (true_positive + false_positive);
  }
  double Recall() const {
    return true_positive == 0
               ? 0
               : 1.0 * true_positive / (true_positive + false_negative);
  }
};

void Count(const std::vector<std::string>& got, const Json& want, Counts* c) {
  std::set<std::string> expected(want.begin(), want.end());
  std::set<std::string> predicted(got.begin(), got.end());
  for (const std::string& code : predicted) {
    if (expected.count(code))
      ++c->true_positive;
    else
      ++c->false_positive;
  }
  for (const std::string& code : expected) {
    if (!predicted.count(code)) ++c->false_negative;
  }
}

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

  const Floors floors[] = {
      {"dev/passages.en.jsonl", 0.90, 0.65, 0.82, 0.63, 0.90, 0.73, 0.78},
      {"dev/heldout.en.jsonl", 0.95, 0.48, 0.83, 0.66, 0.86, 0.61, 0.78},
  };
  for (const Floors& f : floors) {
    std::ifstream in(testing::Fixture(f.file));
    ASSERT_TRUE(in.good()) << f.file;
    Counts article14, activity, theme;
    int passages = 0, stance_right = 0;
    for (std::string line; std::getline(in, line);) {
      Json gold = Json::parse(line);
      Labels got = classifier.Classify(gold["text"].get<std::string>(),
                                       gold["lang"].get<std::string>(),
                                       PassageKind::kParagraph);
      Count(got.article14, gold["article14"], &article14);
      Count(got.activity, gold["activity"], &activity);
      Count(got.theme, gold["theme"], &theme);
      ++passages;
      if (got.stance == gold["stance"]) ++stance_right;
    }
    ASSERT_GT(passages, 40) << f.file;
    double stance = 1.0 * stance_right / passages;
    EXPECT_GE(article14.Precision(), f.article14_precision) << f.file;
    EXPECT_GE(article14.Recall(), f.article14_recall) << f.file;
    EXPECT_GE(activity.Precision(), f.activity_precision) << f.file;
    EXPECT_GE(activity.Recall(), f.activity_recall) << f.file;
    EXPECT_GE(theme.Precision(), f.theme_precision) << f.file;
    EXPECT_GE(theme.Recall(), f.theme_recall) << f.file;
    EXPECT_GE(stance, f.stance_accuracy) << f.file;
    std::printf(
        "%s: article14 P %.2f R %.2f | activity P %.2f R %.2f | theme P %.2f "
        "R %.2f | stance accuracy %.2f (%d passages)\n",
        f.file, article14.Precision(), article14.Recall(), activity.Precision(),
        activity.Recall(), theme.Precision(), theme.Recall(), stance, passages);
  }
}

}  // namespace
}  // namespace intake
