// The shipped rules against the hand-labelled passages of fixtures/dev
// (README there): per-dimension micro precision and recall must not fall
// below the floors measured when the rules were written. A change of rules
// that makes them worse fails here; one that makes them better should
// raise the floors. The test.* files are the untouched split: their floors
// only catch regressions; nobody tunes rules or model to raise them.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "cli/eval_stream.h"
#include "tests/shipped_rules.h"
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
  std::shared_ptr<const Rules> rules = testing::ShippedRules();
  ASSERT_NE(rules, nullptr);
  RuleClassifier classifier(rules);

  // Measured with rules 2026.11.20 on the 13,659 passages (with 28
  // letters of 2026 written without the rules in session 9 and 60 more in
  // session 11's two data rounds), rounded down by 0.02: re-measured, not
  // tuned. The development floors were measured again in session 13 (rules
  // 2026.11.20, before 2026.11.27 spared themes from negation), after its
  // data round of 61 letters the rules were not written on (15,729
  // passages), which lowered the rules' recall at home. On the test files
  // they catch a regression. Measured once more in session 15 (rules
  // 2026.11.27), after the fifth data round of 58 letters from new kinds of
  // sender (16,911 passages), and rounded down by 0.02 as before; and in
  // session 16 after the sixth round's 74 letters (18,310 passages). In
  // session 18, after the seventh round's 71 letters (19,684 passages),
  // every floor still held (English article14 recall 0.708), so none
  // moved. In session 21 the eighth round's 67 letters (21,062 passages)
  // took four development recalls below their floors (article14 0.686 en,
  // 0.710 es, 0.703 fr; Spanish activity 0.516), and left others within
  // 0.006 of theirs: every development floor was measured again and
  // rounded down by 0.02, as in sessions 15 and 16.
  const Floors floors[] = {
      {"dev/dev.en.jsonl", 0.87, 0.66, 0.74, 0.51, 0.86, 0.73, 0.75},
      {"dev/test.en.jsonl", 0.87, 0.70, 0.70, 0.57, 0.87, 0.77, 0.74},
      {"dev/dev.es.jsonl", 0.84, 0.69, 0.73, 0.49, 0.86, 0.71, 0.75},
      {"dev/test.es.jsonl", 0.87, 0.70, 0.77, 0.53, 0.86, 0.73, 0.78},
      {"dev/dev.fr.jsonl", 0.86, 0.68, 0.76, 0.48, 0.86, 0.70, 0.76},
      {"dev/test.fr.jsonl", 0.88, 0.71, 0.75, 0.51, 0.86, 0.71, 0.78},
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
        "%s: article14 P %.3f R %.3f | activity P %.3f R %.3f | theme P %.3f "
        "R %.3f | stance accuracy %.3f (%d passages)\n",
        f.file, article14.micro_precision, article14.micro_recall,
        activity.micro_precision, activity.micro_recall, theme.micro_precision,
        theme.micro_recall, r.stance_accuracy, r.passages);
  }
}

// The hard cases of the scheme (TAXONOMY.md decision rules, the labelling
// conventions of fixtures/dev/README.md), in passages written for this
// test and found in no fixture, so that a rule written for one letter's
// wording but not for its class shows here.
TEST(RulesCorpusTest, ShippedRulesReadTheHardCasesAsTheSchemeDoes) {
  std::shared_ptr<const Rules> rules = testing::ShippedRules();
  ASSERT_NE(rules, nullptr);
  RuleClassifier classifier(rules);
  struct Case {
    const char* text;
    std::vector<std::string> has;      // "dimension:code" that must be given
    std::vector<std::string> has_not;  // and that must not
    const char* stance;
    const char* lang = "en";
  };
  const Case cases[] = {
      // A plan that waits for funds is a need (plans convention).
      {"If external financing is secured, the Directorate will set up a "
       "mercury testing unit and train six inspectors in its use.",
       {"article14:14.1"},
       {},
       "need"},
      // A plan in the conditional is not progress: it waits for approval
      // (session 28: "were approved" and "would" gave 14.4a, stance other).
      {"If a project were approved by the GEF, Ghana would train artisanal "
       "miners in mercury-free gold extraction.",
       {"article14:14.1", "article14:14.4b"},
       {"article14:14.4a"},
       "need"},
      // Support that would have come did not come: a gap, not received.
      {"Had the GEF approved the project, we would have received support "
       "for a mercury laboratory.",
       {"article14:14.1"},
       {},
       "need"},
      {"We received support from the GEF for a mercury laboratory.",
       {"article14:14.1"},
       {},
       "received"},
      // What would be done if funds came has not been done.
      {"If funds were available, we would train miners.",
       {"article14:14.1"},
       {},
       "need"},
      // Support that never came, said with "never" or a leading "no".
      {"We have never received technical assistance on mercury.",
       {"article14:14.1"},
       {},
       "need"},
      {"No support has yet been received for the Minamata Convention.",
       {"article14:14.1"},
       {},
       "need"},
      // The negation is far from the support named further on.
      {"Aucune formation n'a été organisée sur le mercure avec l'appui du "
       "PNUE.",
       {"article14:14.1"},
       {},
       "need",
       "fr"},
      // Negation that is not about support: no support, no stance.
      {"No import requests for elemental mercury were received by the "
       "Ministry in 2022.",
       {},
       {"article14:14.1"},
       "other"},
      // Negated support states a gap.
      {"We have not yet received any support for the interim storage of the "
       "mercury recovered from decommissioned thermometers.",
       {"article14:14.1", "theme:storage"},
       {},
       "need"},
      // A donor as the subject; an amount with a decimal point.
      {"Austria provided EUR 1.5 million to the Specific International "
       "Programme in 2021.",
       {"article14:14.1", "article14:14.2", "activity:e.financial_contribution",
        "theme:finance"},
       {},
       "provided"},
      // Thanks for a grant, attendance at a course abroad.
      {"Thanks to a grant from the Government of Norway, two laboratory "
       "technicians from our Bureau of Standards attended a month-long course "
       "on mercury analysis in fish.",
       {"article14:14.1", "article14:14.2", "activity:e.monitoring_research",
        "theme:monitoring"},
       {},
       "received"},
      // A centre named in full is someone else; "the Centre" is the writer.
      {"The Basel Convention Regional Centre for Central America and Mexico "
       "delivered a course on mercury waste to our officials in 2022.",
       {"article14:14.1", "article14:14.2"},
       {},
       "other"},
      {"The Centre delivered a course on mercury waste to officials from "
       "seven countries of the region in 2022.",
       {"article14:14.1", "article14:14.2", "activity:b.mercury_waste"},
       {},
       "provided"},
      // Alternatives out of reach: access (14.3) and a need, not progress.
      {"Mercury-free glucose meters and digital thermometers remain too "
       "expensive for district clinics.",
       {"article14:14.3", "theme:products"},
       {"article14:14.4a"},
       "need"},
      // A recommendation alone is 14.5, not 14.1 (rule 6).
      {"The Authority recommends that donors link equipment grants with "
       "training in maintenance.",
       {"article14:14.5"},
       {"article14:14.1", "activity:e.project"},
       "other"},
      // Progress on alternatives (rule 5); inventories (rules 2 and 9).
      {"Miners trained by the project now recover gold by gravity "
       "concentration without any use of mercury.",
       {"article14:14.4a", "theme:asgm"},
       {},
       nullptr},
      {"The 2021 national inventory found that coal combustion and cement "
       "production are the largest sources.",
       {"activity:e.enabling_activities", "theme:emissions", "theme:releases"},
       {"theme:monitoring"},
       "other"},
  };
  for (const Case& c : cases) {
    Labels l = classifier.Classify(c.text, c.lang, PassageKind::kParagraph);
    std::vector<std::string> given;
    for (const auto& [dimension, codes] :
         {std::pair{"article14", &l.article14},
          std::pair{"activity", &l.activity}, std::pair{"theme", &l.theme}}) {
      for (const std::string& code : *codes) {
        given.push_back(std::string(dimension) + ":" + code);
      }
    }
    auto is_given = [&](const std::string& label) {
      return std::find(given.begin(), given.end(), label) != given.end();
    };
    for (const std::string& label : c.has) {
      EXPECT_TRUE(is_given(label)) << label << " missing: " << c.text;
    }
    for (const std::string& label : c.has_not) {
      EXPECT_FALSE(is_given(label)) << label << " given: " << c.text;
    }
    if (c.stance != nullptr) {
      EXPECT_EQ(l.stance, c.stance) << c.text;
    }
  }
}

}  // namespace
}  // namespace intake
