#include "classifiers/evaluation.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>

#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "cli/eval_stream.h"
#include "tests/shipped_rules.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

LabelSet L(std::vector<std::string> a14, std::vector<std::string> theme,
           std::string stance) {
  LabelSet s;
  s.article14 = std::move(a14);
  s.theme = std::move(theme);
  s.stance = std::move(stance);
  return s;
}

TEST(EvaluatorTest, CountsPerCodeMicroMacroAndStance) {
  Evaluator e;
  e.Add(L({"14.1", "14.2"}, {"asgm"}, "need"), L({"14.1"}, {"asgm"}, "need"));
  e.Add(L({"14.1"}, {}, "provided"), L({"14.1", "14.5"}, {"waste"}, "other"));
  e.Add(L({}, {}, "other"), L({}, {}, "other"));
  Evaluation r = e.Finish();
  EXPECT_EQ(r.passages, 3);
  EXPECT_NEAR(r.stance_accuracy, 2.0 / 3, 1e-9);
  EXPECT_EQ((r.stance_confusion[{"provided", "other"}]), 1);

  const DimensionScore& a14 = r.dimensions[0];
  ASSERT_EQ(a14.dimension, "article14");
  ASSERT_EQ(a14.codes.size(), 3u);  // taxonomy order: 14.1, 14.2, 14.5
  EXPECT_EQ(a14.codes[0].code, "14.1");
  EXPECT_EQ(a14.codes[0].true_positive, 2);
  EXPECT_DOUBLE_EQ(a14.codes[0].f1, 1.0);
  EXPECT_EQ(a14.codes[1].code, "14.2");
  EXPECT_EQ(a14.codes[1].false_negative, 1);
  EXPECT_DOUBLE_EQ(a14.codes[1].recall, 0.0);
  EXPECT_EQ(a14.codes[2].code, "14.5");
  EXPECT_EQ(a14.codes[2].false_positive, 1);
  EXPECT_NEAR(a14.micro_precision, 2.0 / 3, 1e-9);  // tp 2, fp 1
  EXPECT_NEAR(a14.micro_recall, 2.0 / 3, 1e-9);     // tp 2, fn 1
  EXPECT_NEAR(a14.macro_f1, 1.0 / 3, 1e-9);         // (1 + 0 + 0) / 3

  const DimensionScore& theme = r.dimensions[2];
  EXPECT_EQ(theme.codes.size(), 2u);
  EXPECT_NE(FormatEvaluation(r).find("stance accuracy 0.667"),
            std::string::npos);
}

TEST(EvaluatorTest, ActivityGroupsFromItems) {
  LabelSet gold, got;
  gold.activity = {"b.trade", "b.mercury_waste", "e.project"};
  got.activity = {"b.bat_bep", "c.expert_advice"};
  Evaluator e;
  e.Add(gold, got);
  Evaluation r = e.Finish();
  ASSERT_EQ(r.dimensions.size(), 4u);
  const DimensionScore& groups = r.dimensions[3];
  ASSERT_EQ(groups.dimension, "activity_group");
  ASSERT_EQ(groups.codes.size(), 3u);  // b, c, e
  EXPECT_EQ(groups.codes[0].code, "b");
  EXPECT_EQ(groups.codes[0].true_positive, 1);  // two gold items, one group
  EXPECT_EQ(groups.codes[1].false_positive, 1);
  EXPECT_EQ(groups.codes[2].false_negative, 1);
  EXPECT_NEAR(groups.macro_f1, 1.0 / 3, 1e-9);
  // The items themselves all miss.
  EXPECT_DOUBLE_EQ(r.dimensions[1].micro_precision, 0.0);
}

class TheClassifier : public Classifier {
 public:
  Labels Classify(std::string_view text, std::string_view, PassageKind,
                  const PassageContext&) const override {
    Labels l;
    if (text.find("gold") != std::string_view::npos) l.theme = {"asgm"};
    return l;
  }
  std::string Version() const override { return "fake"; }
};

// A gold line names all four dimensions, with known codes: a field left
// out or misspelt would otherwise be read as "no label" and counted
// against the classifier.
TEST(EvaluateStreamTest, GoldLinesWithUnknownCodesOrMissingFieldsAreBad) {
  const std::string good_rest = R"("activity":[],"theme":[],"stance":"other"})";
  const std::pair<std::string, std::string> cases[] = {
      {R"({"text":"a","article14":["14.9"],)" + good_rest,
       R"("article14" holds "14.9", which is no code)"},
      {R"({"text":"a","article14":"14.1",)" + good_rest,
       R"("article14" is not a list)"},
      {R"({"text":"a","article14":[7],)" + good_rest, R"("article14" holds 7)"},
      {R"({"text":"a","article14":[],"activity":["zz"],"theme":[],)"
       R"("stance":"other"})",
       R"("activity" holds "zz")"},
      {R"({"text":"a","article14":[],"activity":[],"theme":["a.tools"],)"
       R"("stance":"other"})",
       R"("theme" holds "a.tools")"},
      {R"({"text":"a","article14":[],"activity":[],"theme":[],)"
       R"("stance":"maybe"})",
       R"("stance" is not one of need, provided, received, other)"},
      {R"({"text":"a","article14":[],"activity":[],"themes":[],)"
       R"("stance":"other"})",
       R"(no "theme" list)"},
      {R"({"text":"a"})", R"(no "article14" list)"},
  };
  for (const auto& [line, why] : cases) {
    std::istringstream gold(line + "\n");
    std::ostringstream errors;
    Evaluation r;
    EXPECT_EQ(EvaluateStream(gold, TheClassifier(), errors, &r), 1) << line;
    EXPECT_NE(errors.str().find("gold:1: " + why), std::string::npos)
        << errors.str();
    EXPECT_EQ(r.passages, 0) << line;
  }
}

TEST(EvaluateStreamTest, GoldLinesAndBadLines) {
  std::istringstream gold(
      R"({"text":"gold mining","article14":[],"activity":[],)"
      R"("theme":["asgm"],"stance":"other"})"
      "\nnot json\n"
      R"({"text":"waste","article14":[],"activity":[],"theme":["waste"],)"
      R"("stance":"need"})"
      "\n");
  std::ostringstream errors;
  Evaluation r;
  EXPECT_EQ(EvaluateStream(gold, TheClassifier(), errors, &r), 1);
  EXPECT_NE(errors.str().find("gold:2"), std::string::npos);
  EXPECT_EQ(r.passages, 2);
  EXPECT_DOUBLE_EQ(r.stance_accuracy, 0.5);
  EXPECT_DOUBLE_EQ(r.dimensions[2].micro_precision, 1.0);
  EXPECT_DOUBLE_EQ(r.dimensions[2].micro_recall, 0.5);
}

// A centre's letter: its letterhead names the centre, which is 14.2 in a
// paragraph, but the pipeline marks it as furniture and so must eval.
constexpr const char* kLetterhead =
    "Basel Convention Regional Centre for the Pacific\n"
    "Private Mail Bag 7, Apia";

std::string CentreLetter(const char* letter) {
  std::string out;
  auto line = [&](const std::string& text, const char* article14,
                  const char* stance) {
    out += R"({"letter":)" + std::string(letter) + R"(,"lang":"en","text":)" +
           text + R"(,"article14":)" + article14 +
           R"(,"activity":[],"theme":[],"stance":")" + stance + "\"}\n";
  };
  line(
      R"("Basel Convention Regional Centre for the Pacific\nPrivate Mail Bag 7, Apia")",
      "[]", "other");
  line(R"("Dear Executive Secretary,")", "[]", "other");
  line(R"("In 2021 the Centre trained 30 customs officers from five Pacific )"
       R"(island countries on the mercury trade forms, with funding from the )"
       R"(Specific International Programme.")",
       R"(["14.1","14.2"])", "provided");
  line(R"("Yours sincerely,")", "[]", "other");
  return out;
}

const CodeScore& Code(const DimensionScore& d, const std::string& code) {
  for (const CodeScore& c : d.codes) {
    if (c.code == code) return c;
  }
  ADD_FAILURE() << "no " << code;
  return d.codes.front();
}

TEST(EvaluateStreamTest, ALettersFurnitureIsClassifiedAsThePipelineWould) {
  std::shared_ptr<const Rules> rules = testing::ShippedRules();
  ASSERT_NE(rules, nullptr);
  RuleClassifier classifier(rules);
  // On its own the letterhead would fire 14.2: that is what eval must not
  // count against the rules when the letter shows it is a letterhead.
  Labels alone =
      classifier.Classify(kLetterhead, "en", PassageKind::kParagraph);
  ASSERT_EQ(alone.article14, std::vector<std::string>{"14.2"});

  std::istringstream letter(CentreLetter(R"("bcrc-pacific-2022")"));
  std::ostringstream errors;
  Evaluation r;
  ASSERT_EQ(EvaluateStream(letter, classifier, errors, &r), 0) << errors.str();
  EXPECT_EQ(r.passages, 4);
  const CodeScore& channel = Code(r.dimensions[0], "14.2");
  EXPECT_EQ(channel.true_positive, 1);
  EXPECT_EQ(channel.false_positive, 0);

  // The same lines without "letter" are four one-line letters: nothing
  // says the first is a letterhead, so it is classified as a paragraph.
  std::istringstream lines(CentreLetter("null"));
  ASSERT_EQ(EvaluateStream(lines, classifier, errors, &r), 0) << errors.str();
  EXPECT_EQ(Code(r.dimensions[0], "14.2").false_positive, 1);
}

}  // namespace
}  // namespace intake
