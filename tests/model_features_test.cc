// What the learned model reads: the masked words of a passage
// (model_tokens.h) and its features (model_features.h). Training and the
// model beside the rules: tests/model_test.cc.
#include "classifiers/model_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "classifiers/model_tokens.h"
#include "classifiers/text_fold.h"
#include "tests/shipped_rules.h"

namespace intake {
namespace {

std::vector<std::string> Words(std::string_view text, const Gazetteer* g) {
  FoldedText folded = FoldText(text);
  std::vector<std::string> out;
  for (const ModelToken& t : ModelTokens(text, folded, g)) {
    out.push_back(t.text);
  }
  return out;
}

TEST(ModelTokensTest, MasksStatesYearsAndMoney) {
  auto g = testing::ShippedGazetteer();
  std::vector<std::string> words = Words(
      "In 2019 Ghana received USD 50,000 and CHF 2 million from Japan; "
      "Ghana trained 35 officers.",
      g.get());
  std::vector<std::string> want = {
      "in",      kMaskYear,   kMaskCountry, "received",   kMaskMoney,
      "and",     kMaskMoney,  "from",       kMaskCountry, kMaskCountry,
      "trained", kMaskNumber, "officers"};
  EXPECT_EQ(words, want);
}

// An adjective says who wrote as the name does: "the Swedish agency" in
// Sweden's letter, "la cooperación japonesa" in Japan's.
TEST(ModelTokensTest, MasksStatesAdjectivesToo) {
  auto g = testing::ShippedGazetteer();
  std::vector<std::string> want = {"the", kMaskCountry,  "agency",    "and",
                                   "la",  "cooperacion", kMaskCountry};
  EXPECT_EQ(Words("The Swedish agency and la cooperación japonesa", g.get()),
            want);
}

// A State's acronym is matched as written: "UK" is the State, "uk" in
// "uk-based" a word. (Unlike the entity finder, the masking also reads it
// in a run of capitals: a name there still says who wrote.)
TEST(ModelTokensTest, MasksStatesAcronymsAsWritten) {
  auto g = testing::ShippedGazetteer();
  std::vector<std::string> want = {kMaskCountry, "and", kMaskCountry, "funded",
                                   "a",          "uk",  "based",      "firm"};
  EXPECT_EQ(Words("UK and USA funded a uk-based firm", g.get()), want);
}

TEST(ModelTokensTest, SpansPointAtTheOriginalText) {
  auto g = testing::ShippedGazetteer();
  std::string text = "La República de Colombia aportó 300 000 dólares.";
  FoldedText folded = FoldText(text);
  std::vector<ModelToken> tokens = ModelTokens(text, folded, g.get());
  auto country = std::find_if(tokens.begin(), tokens.end(),
                              [](auto& t) { return t.text == kMaskCountry; });
  ASSERT_NE(country, tokens.end());
  EXPECT_EQ(folded.OriginalText(text, country->start, country->end),
            "República de Colombia");
  EXPECT_EQ(tokens.back().text, kMaskMoney);
  EXPECT_EQ(folded.OriginalText(text, tokens.back().start, tokens.back().end),
            "300 000 dólares");
}

TEST(ModelTokensTest, UsIsAPronounUnlessBeforeADollarSign) {
  EXPECT_EQ(
      Words("joined us 2 years ago", nullptr),
      (std::vector<std::string>{"joined", "us", kMaskNumber, "years", "ago"}));
  EXPECT_EQ(Words("US$ 2 million", nullptr),
            (std::vector<std::string>{kMaskMoney}));
}

const ModelFeature* FindFeature(const std::vector<ModelFeature>& features,
                                std::string_view name) {
  const uint32_t bucket = FeatureBucket(name);
  for (const ModelFeature& f : features) {
    if (f.bucket == bucket) return &f;
  }
  return nullptr;
}

TEST(ModelFeaturesTest, WhatTheRulesSawIsAlsoPairedTwoByTwo) {
  FeatureExtractor features(testing::ShippedRules(), nullptr);
  Labels given;
  given.article14 = {"14.1"};
  given.stance = "need";
  given.evidence.push_back({"article14:14.1", 4, 9, "xxxxx", "rules"});
  // Words no rule term matches: the rules saw only what `given` says.
  std::vector<ModelFeature> got = features.Extract("zzqx qqzx", "en", given);

  const ModelFeature* pair =
      FindFeature(got, "r pair:rule:article14:14.1 & rule:stance:need");
  ASSERT_NE(pair, nullptr);
  EXPECT_DOUBLE_EQ(pair->value, kRuleFeatureValue);
  // The given label's evidence; the stance has no place of its own.
  ASSERT_EQ(pair->spans.size(), 1u);
  EXPECT_EQ(pair->spans.begin()->start, 4);
  EXPECT_EQ(pair->spans.begin()->end, 9);
  // Each pair once, in name order.
  EXPECT_EQ(FindFeature(got, "r pair:rule:stance:need & rule:article14:14.1"),
            nullptr);
  ASSERT_NE(FindFeature(got, "r rule:article14:14.1"), nullptr);

  Labels alone;
  alone.stance = "other";
  std::vector<ModelFeature> one = features.Extract("zzqx qqzx", "en", alone);
  EXPECT_NE(FindFeature(one, "r rule:stance:other"), nullptr);
  // One thing seen: nothing to pair it with, so one rule feature.
  int rule_features = 0;
  for (const ModelFeature& f : one) {
    rule_features += f.value == kRuleFeatureValue ? 1 : 0;
  }
  EXPECT_EQ(rule_features, 1);
}

}  // namespace
}  // namespace intake
