// A passage in a language the rules are not written for is labelled where
// its entities allow it, and stays flagged for review.
#include "classifiers/entity_labels.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "classifiers/entity_adding_classifier.h"
#include "classifiers/rule_classifier.h"
#include "tests/shipped_rules.h"

namespace intake {
namespace {

using Codes = std::vector<std::string>;

Entity Named(const char* type, int start, int end, const char* text,
             const char* id) {
  return {type, start, end, text, id};
}

TEST(EntityLabelsTest, ChannelsAmountsAndCitedParagraphs) {
  Labels labels;
  labels.article14 = {"14.1"};
  AddEntityLabels({Named("state", 0, 6, "Angola", "AGO"),
                   Named("organisation", 10, 15, "PNUMA", "UNEP"),
                   Named("organisation", 20, 25, "ONUDI", "UNIDO"),
                   Named("money", 30, 43, "500 000 euros", "EUR"),
                   Named("article", 50, 60, "artigo 14(3)", "14(3)"),
                   Named("article", 70, 80, "artigo 14(4)", "14(4)"),
                   Named("article", 90, 100, "artigo 8", "8"),
                   Named("year", 110, 114, "2021", "2021")},
                  &labels);
  EXPECT_EQ(labels.article14, (Codes{"14.1", "14.2", "14.3"}));
  EXPECT_EQ(labels.theme, (Codes{"finance"}));
  EXPECT_TRUE(labels.activity.empty());
  EXPECT_EQ(labels.confidence.at("article14:14.2"), kEntityLabelConfidence);
  EXPECT_EQ(labels.confidence.count("article14:14.1"), 0u);  // not touched
  ASSERT_EQ(labels.evidence.size(), 3u);  // the first entity of each label
  EXPECT_EQ(labels.evidence[0].label, "article14:14.2");
  EXPECT_EQ(labels.evidence[0].text, "PNUMA");
  EXPECT_EQ(labels.evidence[0].source, "entities");
}

TEST(EntityLabelsTest, ALabelAlreadyGivenKeepsItsConfidence) {
  Labels labels;
  labels.theme = {"asgm", "finance"};
  labels.confidence["theme:finance"] = 0.9;
  AddEntityLabels({Named("money", 0, 5, "EUR 5", "EUR")}, &labels);
  EXPECT_EQ(labels.theme, (Codes{"asgm", "finance"}));
  EXPECT_EQ(labels.confidence.at("theme:finance"), 0.9);
  EXPECT_TRUE(labels.evidence.empty());
}

// Through the classifier `intake run` uses: only a passage flagged
// unsupported_language gets them, and it stays flagged.
TEST(EntityLabelsTest, OnlyPassagesInOtherLanguagesAndStillReviewed) {
  std::shared_ptr<const Rules> rules = testing::ShippedRules();
  ASSERT_NE(rules, nullptr);
  EntityAddingClassifier classifier(std::make_unique<RuleClassifier>(rules),
                                    testing::ShippedGazetteer());
  const std::string portuguese =
      "Moçambique e Angola receberam apoio técnico do PNUMA, e Portugal "
      "contribuiu com 500 000 euros.";
  Labels pt = classifier.Classify(portuguese, "pt", PassageKind::kParagraph);
  EXPECT_EQ(pt.article14, (Codes{"14.2"}));
  EXPECT_EQ(pt.theme, (Codes{"finance"}));
  EXPECT_TRUE(pt.needs_review);
  EXPECT_EQ(pt.review_reasons,
            (Codes{"low_confidence", "unsupported_language"}));
  Codes quoted;
  for (const Evidence& e : pt.evidence) {
    if (e.source == "entities") quoted.push_back(e.label + " " + e.text);
  }
  // The rules' own language-free terms already read the amount as finance.
  EXPECT_EQ(quoted, (Codes{"article14:14.2 PNUMA"}));
  // Furniture, headings and footnotes name what others say.
  for (PassageKind kind : {PassageKind::kFurniture, PassageKind::kHeading,
                           PassageKind::kFootnote}) {
    Labels l = classifier.Classify("3. Zusammenarbeit mit UNEP", "de", kind);
    EXPECT_TRUE(l.article14.empty()) << PassageKindName(kind);
  }
  Labels row = classifier.Classify("Zusammenarbeit mit UNEP | 2021", "de",
                                   PassageKind::kTableRow);
  EXPECT_EQ(row.article14, (Codes{"14.2"}));
  // In a language the rules read, the labels are the rules' own.
  const std::string english =
      "The Ministry paid EUR 5,000 for paper under article 14(3) in 2021.";
  RuleClassifier alone(rules);
  Labels en = classifier.Classify(english, "en", PassageKind::kParagraph);
  Labels by_rules = alone.Classify(english, "en", PassageKind::kParagraph);
  EXPECT_EQ(en.article14, by_rules.article14);
  EXPECT_EQ(en.theme, by_rules.theme);
  EXPECT_EQ(en.evidence.size(), by_rules.evidence.size());
}

}  // namespace
}  // namespace intake
