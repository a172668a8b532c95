// The concept "topic" (what names the Convention's subject), and what the
// shipped rules (classifiers/rules/rules.xml) make of passages in many
// languages: its words, and a term that means one thing in one language
// and another elsewhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "tests/shipped_rules.h"

namespace intake {
namespace {

// The concept "topic" says whether a passage names the Convention's
// subject (pipeline/off_topic.h); it gives no label and opens no gate.
TEST(RuleClassifierTopicTest, TopicConceptMarksThePassageOnly) {
  constexpr char kTopicRules[] = R"(<rules format="1" version="t">
  <negation window="3"><term>not</term></negation>
  <concept id="support"><term>technical assistance</term></concept>
  <concept id="topic"><term>mercur*</term></concept>
  <label dimension="article14" code="14.1" requires="support">
    <term weight="1">technical assistance</term>
  </label>
  <label dimension="theme" code="waste"><term weight="1">waste</term></label>
</rules>
)";
  std::shared_ptr<const Rules> rules;
  ASSERT_TRUE(ParseRules(kTopicRules, "topic-rules", &rules).ok());
  EXPECT_EQ(rules->topic_concept(), 1);
  RuleClassifier classifier(rules);
  Labels on = classifier.Classify("Mercury waste from dental clinics.", "en",
                                  PassageKind::kParagraph);
  EXPECT_TRUE(on.on_topic);
  EXPECT_EQ(on.theme, (std::vector<std::string>{"waste"}));
  EXPECT_TRUE(on.article14.empty());  // the topic opens no gate
  EXPECT_FALSE(classifier
                   .Classify("We received technical assistance.", "en",
                             PassageKind::kParagraph)
                   .on_topic);
  // Furniture is never labelled, but a subject line names the subject.
  Labels subject = classifier.Classify("Subject: mercury, article 14", "en",
                                       PassageKind::kFurniture);
  EXPECT_TRUE(subject.on_topic);
  EXPECT_TRUE(subject.theme.empty());
  EXPECT_TRUE(
      classifier.Classify("Mercury, page 2", "en", PassageKind::kHeaderFooter)
          .on_topic);
  EXPECT_FALSE(
      classifier.Classify("Dear Sir or Madam,", "en", PassageKind::kFurniture)
          .on_topic);
  // A mention the negation cancels still names the subject.
  EXPECT_TRUE(classifier
                  .Classify("The country does not use mercury.", "en",
                            PassageKind::kParagraph)
                  .on_topic);

  // Rules without the concept judge nothing off the subject.
  std::shared_ptr<const Rules> without;
  constexpr char kNoTopic[] = R"(<rules format="1" version="t">
  <label dimension="theme" code="waste"><term weight="1">waste</term></label>
</rules>
)";
  ASSERT_TRUE(ParseRules(kNoTopic, "no-topic", &without).ok());
  EXPECT_EQ(without->topic_concept(), -1);
  EXPECT_TRUE(RuleClassifier(without)
                  .Classify("The mages summoned a demon.", "en",
                            PassageKind::kParagraph)
                  .on_topic);
}

TEST(RuleClassifierTopicTest, ShippedRulesNameTheSubjectInManyLanguages) {
  std::shared_ptr<const Rules> rules = testing::ShippedRules();
  ASSERT_NE(rules, nullptr);
  RuleClassifier classifier(rules);
  struct Case {
    const char* lang;
    const char* text;
    bool on_topic;
  } cases[] = {
      {"en", "The inventory of mercury releases was completed.", true},
      {"en", "Parties to the Minamata Convention met in Geneva.", true},
      {"en", "Dental amalgam is being phased down.", true},
      {"es", "El proyecto redujo el uso de mercurio en la MAPE.", true},
      {"fr", "Le projet a réduit l'utilisation du mercure dans l'EMAPE.", true},
      {"pt", "O uso de mercúrio na mineração de ouro.", true},
      {"ru", "Сокращение использования ртути в добыче золота.", true},
      {"zh", "减少汞的使用。", true},
      {"ar", "الحد من استخدام الزئبق في تعدين الذهب.", true},
      {"en",
       "Three months later, the mages summoned a demon and turned it "
       "loose against their templar watchers.",
       false},
      {"en",
       "The standing trustee must advise individuals of free "
       "telephone interpretation services.",
       false},
      {"es", "La reunión de acreedores se celebrará en marzo.", false},
      {"fr", "Si le prêt pose problème, un pavé rouge apparaît.", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(
        classifier.Classify(c.text, c.lang, PassageKind::kParagraph).on_topic,
        c.on_topic)
        << c.lang << ": " << c.text;
  }
}

// In Spanish "unido" is "united" ("el Reino Unido", "se ha unido"): only
// English and French passages name UNIDO so.
TEST(RuleClassifierShippedTest, UnidoIsTheOrganisationInEnglishAndFrenchOnly) {
  std::shared_ptr<const Rules> rules = testing::ShippedRules();
  ASSERT_NE(rules, nullptr);
  RuleClassifier classifier(rules);
  auto channel = [&](const char* text, const char* lang) {
    Labels l = classifier.Classify(text, lang, PassageKind::kParagraph);
    return std::find(l.article14.begin(), l.article14.end(), "14.2") !=
           l.article14.end();
  };
  EXPECT_FALSE(channel(
      "El Reino Unido organizó una reunión con las autoridades nacionales.",
      "es"));
  EXPECT_TRUE(channel(
      "La ONUDI organizó una reunión con las autoridades nacionales.", "es"));
  EXPECT_TRUE(
      channel("UNIDO organised a meeting with the national "
              "authorities.",
              "en"));
  EXPECT_TRUE(channel(
      "L'UNIDO a organisé une réunion avec les autorités nationales.", "fr"));
}

// Language tags ignore case: a passage sent as "ES" is Spanish.
TEST(RuleClassifierShippedTest, LanguageTagsIgnoreCase) {
  std::shared_ptr<const Rules> rules = testing::ShippedRules();
  ASSERT_NE(rules, nullptr);
  RuleClassifier classifier(rules);
  for (const char* lang : {"es", "ES", "Es-419"}) {
    Labels l = classifier.Classify(
        "La ONUDI organizó una reunión con las autoridades nacionales.", lang,
        PassageKind::kParagraph);
    EXPECT_NE(std::find(l.article14.begin(), l.article14.end(), "14.2"),
              l.article14.end())
        << lang;
    EXPECT_EQ(std::find(l.review_reasons.begin(), l.review_reasons.end(),
                        "unsupported_language"),
              l.review_reasons.end())
        << lang;
  }
}

}  // namespace
}  // namespace intake
