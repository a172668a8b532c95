#include "classifiers/rule_classifier.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "classifiers/rules.h"
#include "tests/shipped_rules.h"

namespace intake {
namespace {

// Written for these tests only: the real rules.xml may change at will.
constexpr char kRules[] = R"(<rules format="1" version="test">
  <negation window="3">
    <term>no</term>
    <term>not</term>
    <term lang="fr">pas</term>
  </negation>
  <concept id="support">
    <term>technical assistance</term>
    <term>train*</term>
    <term>formation</term>
  </concept>
  <label dimension="article14" code="14.1" requires="support">
    <term weight="1">technical assistance</term>
    <term weight="0.6">train*</term>
    <term weight="1" lang="fr">formation</term>
  </label>
  <label dimension="article14" code="14.2">
    <term weight="1">regional centre*</term>
    <term weight="1">centre regional</term>
    <pattern weight="1">\b(unep|gef)\b</pattern>
  </label>
  <label dimension="activity" code="b.trade" requires="support">
    <term weight="1">trade form*</term>
  </label>
  <label dimension="activity" code="a.tools">
    <term weight="1">guidance</term>
  </label>
  <label dimension="theme" code="waste" threshold="2">
    <term weight="1">mercury waste</term>
    <term weight="1">waste</term>
    <term weight="-1">waste water</term>
    <term weight="1">landfill*</term>
  </label>
  <label dimension="theme" code="asgm">
    <term weight="1">gold mining</term>
  </label>
  <label dimension="stance" code="need">
    <term weight="1">we need</term>
    <term weight="0.5">lack*</term>
  </label>
  <label dimension="stance" code="received">
    <term weight="1">we received</term>
    <term weight="1">with support from</term>
    <term weight="1" lang="fr">a recu</term>
  </label>
  <label dimension="stance" code="provided">
    <term weight="1">we provided</term>
  </label>
</rules>
)";

class RuleClassifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::shared_ptr<const Rules> rules;
    Status s = ParseRules(kRules, "test-rules", &rules);
    ASSERT_TRUE(s.ok()) << s.ToString();
    classifier_ = std::make_unique<RuleClassifier>(rules);
  }
  Labels Classify(const std::string& text, const char* lang = "en",
                  PassageKind kind = PassageKind::kParagraph) const {
    return classifier_->Classify(text, lang, kind);
  }
  std::unique_ptr<RuleClassifier> classifier_;
};

using Codes = std::vector<std::string>;

TEST_F(RuleClassifierTest, LabelsPassages) {
  // clang-format off
  struct Case {
    const char* text;
    const char* lang;
    Codes article14, activity, theme;
    const char* stance;
  } cases[] = {
      // train* alone is below the 14.1 threshold but satisfies "support".
      {"The regional centre trained customs officers on trade forms.",
       "en", {"14.2"}, {"b.trade"}, {}, "other"},
      {"Technical assistance and training on trade forms",
       "en", {"14.1"}, {"b.trade"}, {}, "other"},
      // requires: no support concept, no b.trade.
      {"Trade forms were discussed.", "en", {}, {}, {}, "other"},
      // Negated support terms do not satisfy the concept either.
      {"No technical assistance was given for the trade forms.",
       "en", {}, {}, {}, "other"},
      {"No gold mining here", "en", {}, {}, {}, "other"},
      {"No. Gold mining is widespread", "en", {}, {}, {"asgm"}, "other"},
      {"Not much, but now gold mining grows", "en", {}, {}, {"asgm"}, "other"},
      // lang-restricted term.
      {"Le Togo a reçu une formation", "fr", {"14.1"}, {}, {}, "received"},
      {"Le Togo a reçu une formation", "en", {}, {}, {}, "other"},
      {"Le Togo n'a pas reçu de formation", "fr", {}, {}, {}, "other"},
      // Distinct terms sum; a negative weight lowers the score.
      {"Mercury waste management", "en", {}, {}, {"waste"}, "other"},
      {"Mercury waste, waste and more mercury waste",
       "en", {}, {}, {"waste"}, "other"},
      {"Waste water and mercury waste", "en", {}, {}, {}, "other"},
      // Taxonomy order, not file order.
      {"Guidance on trade forms and training",
       "en", {}, {"a.tools", "b.trade"}, {}, "other"},
      {"GEF and the regional centres: technical assistance",
       "en", {"14.1", "14.2"}, {}, {}, "other"},
      // Stance competition: highest score wins, ties go to taxonomy order.
      {"We need help; we received some with support from UNEP.",
       "en", {"14.2"}, {}, {}, "received"},
      {"We need help and we received some.", "en", {}, {}, {}, "need"},
      {"We received and we provided help.", "en", {}, {}, {}, "provided"},
      {"We lack laboratories.", "en", {}, {}, {}, "other"},
      {"", "en", {}, {}, {}, "other"},
  };
  // clang-format on
  for (const Case& c : cases) {
    Labels l = Classify(c.text, c.lang);
    EXPECT_EQ(l.article14, c.article14) << c.text;
    EXPECT_EQ(l.activity, c.activity) << c.text;
    EXPECT_EQ(l.theme, c.theme) << c.text;
    EXPECT_EQ(l.stance, c.stance) << c.text;
  }
}

TEST_F(RuleClassifierTest, Confidences) {
  using Map = std::map<std::string, double>;
  struct Case {
    const char* text;
    Map confidence;
  } cases[] = {
      // 1 - 0.5^(1.6/1) = 0.670; 1 - 0.5^(1/1) = 0.5.
      {"Technical assistance and training on trade forms",
       {{"article14:14.1", 0.670},
        {"activity:b.trade", 0.5},
        {"stance:other", 1.0}}},
      // Waste: score 2, threshold 2.
      {"Mercury waste", {{"theme:waste", 0.5}, {"stance:other", 1.0}}},
      // Below-threshold need (0.5 of 1): other = 0.5^0.5.
      {"We lack staff", {{"stance:other", 0.707}}},
      // Winner's own confidence; the loser is not listed.
      {"We need and we received, with support from them",
       {{"stance:received", 0.75}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Classify(c.text).confidence, c.confidence) << c.text;
  }
}

TEST_F(RuleClassifierTest, EvidenceOffsetsAreCodePointsOfTheOriginal) {
  const std::string text =
      "Côte d'Ivoire a reçu une formation du centre régional.";
  Labels l = Classify(text, "fr");
  EXPECT_EQ(l.article14, (Codes{"14.1", "14.2"}));
  EXPECT_EQ(l.stance, "received");
  struct Expected {
    const char* label;
    int start, end;
    const char* text;
  } expected[] = {
      {"stance:received", 14, 20, "a reçu"},
      {"article14:14.1", 25, 34, "formation"},
      {"article14:14.2", 38, 53, "centre régional"},
  };
  ASSERT_EQ(l.evidence.size(), std::size(expected));
  for (size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(l.evidence[i].label, expected[i].label) << i;
    EXPECT_EQ(l.evidence[i].start, expected[i].start) << i;
    EXPECT_EQ(l.evidence[i].end, expected[i].end) << i;
    EXPECT_EQ(l.evidence[i].text, expected[i].text) << i;
  }
}

TEST_F(RuleClassifierTest, EvidenceListsEveryPositiveSpanOfGivenLabelsOnly) {
  // "waste water" (negative) and the losing need stance are not evidence.
  Labels l = Classify(
      "We need it. We received it with support from them: mercury waste in "
      "landfills and waste water.");
  ASSERT_EQ(l.stance, "received");
  std::vector<std::string> got;
  for (const Evidence& e : l.evidence) {
    got.push_back(e.label + "@" + std::to_string(e.start) + ":" + e.text);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "stance:received@12:We received",
                     "stance:received@27:with support from",
                     "theme:waste@51:mercury waste",
                     "theme:waste@59:waste",
                     "theme:waste@68:landfills",
                     "theme:waste@82:waste",
                 }));
}

TEST_F(RuleClassifierTest, FurnitureAndRunningHeadersAreNotLabelled) {
  for (PassageKind kind :
       {PassageKind::kFurniture, PassageKind::kHeaderFooter}) {
    Labels l =
        Classify("Technical assistance: we need trade forms", "de", kind);
    EXPECT_TRUE(l.article14.empty());
    EXPECT_TRUE(l.activity.empty());
    EXPECT_TRUE(l.theme.empty());
    EXPECT_EQ(l.stance, "other");
    EXPECT_EQ(l.confidence,
              (std::map<std::string, double>{{"stance:other", 1.0}}));
    EXPECT_TRUE(l.evidence.empty());
    EXPECT_FALSE(l.needs_review);
  }
}

TEST_F(RuleClassifierTest, ReviewReasons) {
  const std::string long_text =
      "The ministry met on several occasions during the year to discuss the "
      "organisation of its departments and the schedule of the meetings of "
      "the national committee and its subcommittees.";  // 30 words
  struct Case {
    std::string text;
    const char* lang;
    Codes reasons;
  } cases[] = {
      {"Guidance, guidance", "en", {"low_confidence"}},  // 0.5
      {"Technical assistance and training", "en", {}},   // 0.670
      {"We lack staff", "en", {}},                       // other 0.707
      {"We lack staff, we lack labs", "en", {}},         // one distinct term
      {long_text, "en", {"no_label"}},
      {long_text + " Guidance.", "en", {"low_confidence"}},
      {"Guidance", "de", {"low_confidence", "unsupported_language"}},
      {long_text, "und", {"no_label"}},
      {long_text, "pt", {"no_label", "unsupported_language"}},
      {"short", "es", {}},
      // A region or script subtag keeps the language the rules are for.
      {"Technical assistance and training", "en-GB", {}},
      {"short", "es-419", {}},
      {"short", "pt-BR", {"unsupported_language"}},
      {"short", "english", {"unsupported_language"}},
  };
  for (const Case& c : cases) {
    Labels l = Classify(c.text, c.lang);
    EXPECT_EQ(l.review_reasons, c.reasons) << c.text << " " << c.lang;
    EXPECT_EQ(l.needs_review, !c.reasons.empty()) << c.text;
  }
}

TEST_F(RuleClassifierTest, SameLabelsFromManyThreads) {
  const std::vector<std::string> texts = {
      "Technical assistance and training on trade forms",
      "Côte d'Ivoire a reçu une formation du centre régional.",
      "We need help; we received some with support from UNEP.",
      "Mercury waste, waste and more mercury waste",
  };
  std::vector<Labels> expected;
  for (const std::string& t : texts) expected.push_back(Classify(t, "fr"));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < texts.size(); ++i) {
          Labels l =
              classifier_->Classify(texts[i], "fr", PassageKind::kParagraph);
          if (l.article14 != expected[i].article14 ||
              l.stance != expected[i].stance ||
              l.confidence != expected[i].confidence ||
              l.evidence.size() != expected[i].evidence.size()) {
            ++mismatches[k];
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

RuleClassifier MakeClassifier(const char* xml) {
  std::shared_ptr<const Rules> rules;
  Status s = ParseRules(xml, "small-rules", &rules);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return RuleClassifier(rules);
}

// includes="14.4c": the included label's terms and patterns count for the
// including one with their weights, wherever it stands in the file, and
// its own gate (requires) still decides.
TEST(RuleClassifierIncludesTest, IncludedEntriesCountWithTheirWeights) {
  RuleClassifier c = MakeClassifier(R"(<rules format="1" version="t">
  <concept id="support"><term>assistance</term></concept>
  <label dimension="article14" code="14.3" includes="14.4c" requires="support">
    <term weight="1">technology transfer</term>
  </label>
  <label dimension="article14" code="14.4c">
    <term weight="0.5">spare parts</term>
    <pattern weight="1">\bobstacles? to (\w+ )?alternatives\b</pattern>
  </label>
</rules>)");
  auto codes = [&](const char* text) {
    return c.Classify(text, "en", PassageKind::kParagraph).article14;
  };
  EXPECT_EQ(codes("With assistance we met obstacles to alternatives."),
            (Codes{"14.3", "14.4c"}));
  EXPECT_EQ(codes("Obstacles to alternatives remain."), Codes{"14.4c"});
  EXPECT_EQ(codes("Assistance for spare parts."), Codes{});  // 0.5 < 1
  EXPECT_EQ(codes("Assistance for technology transfer."), Codes{"14.3"});
}

// A list item or a table row states the activity and leaves the support to
// its lead-in, the paragraph above: the lead-in opens the item's gates, the
// item's own words still make the score (docs/rules.md, "What opens a
// gate").
TEST(RuleClassifierLeadInTest, LeadInOpensTheGatesOfItemsAndRowsOnly) {
  RuleClassifier c = MakeClassifier(R"(<rules format="1" version="t">
  <negation window="3"><term>no</term><term>not</term></negation>
  <concept id="support"><term>support</term></concept>
  <concept id="gap"><term>lack</term></concept>
  <label dimension="article14" code="14.1" requires="support gap">
    <term weight="1">support</term>
    <term weight="1">training</term>
  </label>
  <label dimension="activity" code="b.trade" requires="support gap">
    <term weight="1">customs officers</term>
  </label>
  <label dimension="theme" code="supply_trade">
    <term weight="1">customs</term>
  </label>
</rules>)");
  const std::string item =
      "(a) Training of 40 customs officers in three provinces.";
  const std::string support = "Japan provided the following support:";
  // clang-format off
  struct Case {
    const char* what;
    std::string text;
    PassageKind kind;
    PassageContext context;
    Codes article14, activity, theme;
  } cases[] = {
      {"item under a support lead-in", item, PassageKind::kListItem,
       {"", support}, {"14.1"}, {"b.trade"}, {"supply_trade"}},
      {"table row under a support lead-in",
       "Training of customs officers | Ghana | 2024", PassageKind::kTableRow,
       {"", support}, {"14.1"}, {"b.trade"}, {"supply_trade"}},
      {"item under a gap lead-in", item, PassageKind::kListItem,
       {"", "We lack the following:"}, {"14.1"}, {"b.trade"},
       {"supply_trade"}},
      {"the same item alone", item, PassageKind::kListItem,
       {}, {}, {}, {"supply_trade"}},
      {"a paragraph under a support paragraph", item,
       PassageKind::kParagraph, {"", support}, {}, {}, {"supply_trade"}},
      {"item under a negated lead-in", item, PassageKind::kListItem,
       {"", "No support was received for the following:"}, {}, {},
       {"supply_trade"}},
      {"item under a support heading, no lead-in", item,
       PassageKind::kListItem, {"Support received", ""}, {}, {},
       {"supply_trade"}},
      // The lead-in's "support" opens the gate of 14.1 but does not count
      // for its score: the item has no word of 14.1 of its own.
      {"item without words of its own", "(b) Customs officers.",
       PassageKind::kListItem, {"", support}, {}, {"b.trade"},
       {"supply_trade"}},
  };
  // clang-format on
  for (const Case& k : cases) {
    // The pipeline reads the lead-in as a passage just before its items;
    // then it is remembered, not read again. Both orders give the same.
    for (bool lead_in_read_first : {false, true}) {
      if (lead_in_read_first && !k.context.paragraph_above.empty()) {
        c.Classify(k.context.paragraph_above, "en", PassageKind::kParagraph);
      }
      Labels l = c.Classify(k.text, "en", k.kind, k.context);
      EXPECT_EQ(l.article14, k.article14) << k.what;
      EXPECT_EQ(l.activity, k.activity) << k.what;
      EXPECT_EQ(l.theme, k.theme) << k.what;
      // Evidence is the passage's own words, never the lead-in's.
      for (const Evidence& e : l.evidence) {
        EXPECT_EQ(e.text, k.text.substr(e.start, e.end - e.start)) << k.what;
      }
    }
  }
}

TEST(RuleClassifierRegressionTest, StanceTiesWithinRoundingGoToTaxonomyOrder) {
  // 0.1 + 0.2 is 0.30000000000000004: a tie with 0.3 all the same.
  RuleClassifier c = MakeClassifier(R"(<rules format="1" version="t">
  <label dimension="stance" code="provided" threshold="0.3">
    <term weight="0.1">beta</term>
    <term weight="0.2">gamma</term>
  </label>
  <label dimension="stance" code="need" threshold="0.3">
    <term weight="0.3">alpha</term>
  </label>
</rules>)");
  EXPECT_EQ(
      c.Classify("alpha beta gamma", "en", PassageKind::kParagraph).stance,
      "need");
  EXPECT_EQ(c.Classify("beta gamma", "en", PassageKind::kParagraph).stance,
            "provided");
}

TEST(RuleClassifierRegressionTest, PatternTimeoutIsAReviewReason) {
  RuleClassifier c = MakeClassifier(R"(<rules format="1" version="t">
  <label dimension="theme" code="asgm">
    <pattern weight="1">(a+)+b</pattern>
  </label>
</rules>)");
  std::string words;
  for (int i = 0; i < 30; ++i) words += "word ";
  const std::string hostile(5000, 'a');
  struct Case {
    std::string text;
    const char* lang;
    std::vector<std::string> reasons;
  };
  const Case cases[] = {
      {hostile, "en", {"pattern_timeout"}},
      {words + hostile,
       "xx",
       {"no_label", "pattern_timeout", "unsupported_language"}},
      {"xyz", "en", {}},
  };
  for (const Case& k : cases) {
    Labels l = c.Classify(k.text, k.lang, PassageKind::kParagraph);
    EXPECT_EQ(l.review_reasons, k.reasons) << k.text.substr(0, 40);
    EXPECT_EQ(l.needs_review, !k.reasons.empty());
  }
}

TEST(RuleClassifierRegressionTest, EvidenceLeavesOutInvisibleEnds) {
  RuleClassifier c = MakeClassifier(R"(<rules format="1" version="t">
  <label dimension="theme" code="asgm">
    <term weight="1">inventory of mercury</term>
  </label>
</rules>)");
  struct Case {
    const char* text;
    int start, end;
    const char* evidence;
  };
  const Case cases[] = {
      {"An inventory of mercury\u200b here", 3, 23, "inventory of mercury"},
      {"An inventory of mercury\u00ad\u2060.", 3, 23, "inventory of mercury"},
      {"An inven\u00adtory of mercury", 3, 24, "inven\u00adtory of mercury"},
  };
  for (const Case& k : cases) {
    Labels l = c.Classify(k.text, "en", PassageKind::kParagraph);
    ASSERT_EQ(l.evidence.size(), 1u) << k.text;
    EXPECT_EQ(l.evidence[0].text, k.evidence);
    EXPECT_EQ(l.evidence[0].start, k.start);
    EXPECT_EQ(l.evidence[0].end, k.end);
  }
}

// A need for technology given with a direction of support contradicts
// itself, with or without a model.
TEST(RuleClassifierContradictionTest, NeedForTechnologyWithADirection) {
  constexpr char kNeedRules[] = R"(<rules format="1" version="t">
  <label dimension="article14" code="14.4b">
    <term weight="3">mercury-free alternatives</term>
  </label>
  <label dimension="stance" code="need"><term weight="3">we need</term></label>
  <label dimension="stance" code="provided">
    <term weight="4">we provided</term>
  </label>
</rules>
)";
  std::shared_ptr<const Rules> rules;
  ASSERT_TRUE(ParseRules(kNeedRules, "need-rules", &rules).ok());
  RuleClassifier classifier(rules);
  Labels provided = classifier.Classify(
      "We need mercury-free alternatives; we provided training to Togo.", "en",
      PassageKind::kParagraph);
  EXPECT_EQ(provided.stance, "provided");
  EXPECT_EQ(provided.review_reasons, (Codes{"contradiction"}));
  EXPECT_TRUE(provided.needs_review);
  Labels need = classifier.Classify("We need mercury-free alternatives.", "en",
                                    PassageKind::kParagraph);
  EXPECT_EQ(need.stance, "need");
  EXPECT_TRUE(need.review_reasons.empty());
}

TEST_F(RuleClassifierTest, VersionIsTheRulesVersion) {
  EXPECT_EQ(classifier_->Version().substr(0, 5), "test+");
  EXPECT_EQ(classifier_->Version().size(), 5u + 12u);
}

}  // namespace
}  // namespace intake
