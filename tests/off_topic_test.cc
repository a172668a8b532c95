// A document that never names the Convention's subject has its labelled
// passages sent to review; labels never change.
#include "pipeline/off_topic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace intake {
namespace {

Labels Passage(bool on_topic, std::vector<std::string> article14 = {},
               std::string stance = "other") {
  Labels labels;
  labels.on_topic = on_topic;
  labels.article14 = std::move(article14);
  labels.stance = std::move(stance);
  return labels;
}

std::vector<Labels*> Document(std::vector<Labels>& passages) {
  std::vector<Labels*> document;
  for (Labels& p : passages) document.push_back(&p);
  return document;
}

TEST(OffTopicTest, FlagsWhatAPassageSaysWhenNoPassageNamesTheSubject) {
  Labels theme_only = Passage(false);
  theme_only.theme = {"finance"};
  Labels flagged_before = Passage(false);
  flagged_before.needs_review = true;
  flagged_before.review_reasons = {"no_label"};
  std::vector<Labels> passages = {
      Passage(false),              // furniture: says nothing
      Passage(false, {"14.1"}),    // a label
      Passage(false, {}, "need"),  // a direction of support
      theme_only, flagged_before};
  FlagOffTopic(Document(passages));
  EXPECT_FALSE(passages[0].needs_review);
  EXPECT_TRUE(passages[0].review_reasons.empty());
  for (size_t i = 1; i < passages.size(); ++i) {
    EXPECT_TRUE(passages[i].needs_review) << i;
    EXPECT_NE(std::find(passages[i].review_reasons.begin(),
                        passages[i].review_reasons.end(), kOffTopic),
              passages[i].review_reasons.end())
        << i;
  }
  EXPECT_EQ(passages[1].article14, (std::vector<std::string>{"14.1"}));
  EXPECT_EQ(passages[2].stance, "need");
  EXPECT_EQ(passages[4].review_reasons,
            (std::vector<std::string>{"no_label", kOffTopic}));
}

TEST(OffTopicTest, OnePassageOnTheSubjectKeepsTheWholeDocument) {
  std::vector<Labels> passages = {Passage(false, {"14.1"}, "need"),
                                  Passage(true), Passage(false, {"14.2"})};
  FlagOffTopic(Document(passages));
  for (const Labels& p : passages) {
    EXPECT_FALSE(p.needs_review);
    EXPECT_TRUE(p.review_reasons.empty());
  }
}

TEST(OffTopicTest, KeepsReasonsSortedAndUnique) {
  Labels p = Passage(false, {"14.1"});
  p.needs_review = true;
  p.review_reasons = {"low_confidence", "rules_model_disagree"};
  std::vector<Labels*> document = {&p};
  FlagOffTopic(document);
  FlagOffTopic(document);  // a second reading adds nothing
  EXPECT_EQ(p.review_reasons,
            (std::vector<std::string>{"low_confidence", kOffTopic,
                                      "rules_model_disagree"}));
}

}  // namespace
}  // namespace intake
