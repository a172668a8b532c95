// A document that never names the Convention's subject has its labelled
// passages sent to review; labels never change.
#include "pipeline/off_topic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/classify_document.h"

namespace intake {
namespace {

Labels PassageLabels(bool on_topic, std::vector<std::string> article14 = {},
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

std::vector<const Labels*> ReadOnly(const std::vector<Labels>& passages) {
  std::vector<const Labels*> document;
  for (const Labels& p : passages) document.push_back(&p);
  return document;
}

TEST(OffTopicTest, NamesOfTheVerdictsAreThoseOfTheRecords) {
  EXPECT_STREQ(SubjectName(Subject::kNamed), "named");
  EXPECT_STREQ(SubjectName(Subject::kNotNamed), "not_named");
  EXPECT_STREQ(SubjectName(Subject::kNotJudged), "");
  std::vector<Labels> named = {PassageLabels(false), PassageLabels(true)};
  EXPECT_EQ(JudgeSubject(ReadOnly(named)), Subject::kNamed);
}

TEST(OffTopicTest, FlagsWhatAPassageSaysWhenNoPassageNamesTheSubject) {
  Labels theme_only = PassageLabels(false);
  theme_only.theme = {"finance"};
  Labels flagged_before = PassageLabels(false);
  flagged_before.needs_review = true;
  flagged_before.review_reasons = {"no_label"};
  std::vector<Labels> passages = {
      PassageLabels(false),              // furniture: says nothing
      PassageLabels(false, {"14.1"}),    // a label
      PassageLabels(false, {}, "need"),  // a direction of support
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
  std::vector<Labels> passages = {PassageLabels(false, {"14.1"}, "need"),
                                  PassageLabels(true),
                                  PassageLabels(false, {"14.2"})};
  FlagOffTopic(Document(passages));
  for (const Labels& p : passages) {
    EXPECT_FALSE(p.needs_review);
    EXPECT_TRUE(p.review_reasons.empty());
  }
}

TEST(OffTopicTest, KeepsReasonsSortedAndUnique) {
  Labels p = PassageLabels(false, {"14.1"});
  p.needs_review = true;
  p.review_reasons = {"low_confidence", "rules_model_disagree"};
  std::vector<Labels*> document = {&p};
  FlagOffTopic(document);
  FlagOffTopic(document);  // a second reading adds nothing
  EXPECT_EQ(p.review_reasons,
            (std::vector<std::string>{"low_confidence", kOffTopic,
                                      "rules_model_disagree"}));
}

TEST(OffTopicTest, ADocumentInALanguageTheRulesDoNotReadIsNotJudged) {
  Labels german = PassageLabels(false, {"14.2"});
  german.needs_review = true;
  german.review_reasons = {"unsupported_language"};
  std::vector<Labels> passages = {german, german,
                                  PassageLabels(false, {"14.1"})};
  FlagOffTopic(Document(passages));
  EXPECT_EQ(JudgeSubject(ReadOnly(passages)), Subject::kNotJudged);
  EXPECT_EQ(passages[0].review_reasons,
            (std::vector<std::string>{"unsupported_language"}));
  EXPECT_FALSE(passages[2].needs_review);
  // A stray passage read as another language does not spare the rest.
  std::vector<Labels> english = {german, PassageLabels(false, {"14.1"}),
                                 PassageLabels(false, {"14.2"})};
  FlagOffTopic(Document(english));
  EXPECT_EQ(JudgeSubject(ReadOnly(english)), Subject::kNotNamed);
  EXPECT_TRUE(english[1].needs_review);
  EXPECT_TRUE(english[2].needs_review);
}

// Gives every paragraph 14.1 and never names the subject.
class NeverOnTopic : public Classifier {
 public:
  Labels Classify(std::string_view, std::string_view, PassageKind,
                  const PassageContext&) const override {
    Labels labels;
    labels.article14 = {"14.1"};
    return labels;
  }
  std::string Version() const override { return "never-on-topic"; }
};

bool AnyOffTopic(const std::vector<Passage>& passages) {
  for (const Passage& p : passages) {
    const auto& r = p.labels.review_reasons;
    if (std::find(r.begin(), r.end(), kOffTopic) != r.end()) return true;
  }
  return false;
}

// The pipeline judges a document on its own words only where they are
// all it has: not a message or archive whose letter is an attachment, not
// a scan whose OCR may have garbled the word.
TEST(OffTopicTest, ClassifyDocumentJudgesWholeDocumentsReadAsText) {
  std::vector<Passage> text(2);
  text[0].text = text[1].text = "We received training.";
  text.resize(3, text[0]);
  std::vector<Passage> cover = text, scan = text, one_page = text;
  scan[1].ocr_confidence = scan[2].ocr_confidence = 0.9;
  one_page[1].ocr_confidence = 0.9;
  NeverOnTopic classifier;
  // What each says of the subject goes in its record (convention_subject),
  // also for the cover mail, whose attachments compile judges by it.
  EXPECT_EQ(ClassifyDocument(classifier, &text), Subject::kNotNamed);
  EXPECT_EQ(ClassifyDocument(classifier, &cover, /*whole=*/false),
            Subject::kNotNamed);
  EXPECT_EQ(ClassifyDocument(classifier, &scan), Subject::kNotJudged);
  EXPECT_EQ(ClassifyDocument(classifier, &one_page), Subject::kNotNamed);
  EXPECT_TRUE(AnyOffTopic(text));
  EXPECT_FALSE(AnyOffTopic(cover));
  EXPECT_FALSE(AnyOffTopic(scan));     // two of three by OCR
  EXPECT_TRUE(AnyOffTopic(one_page));  // one of three
}

// Names the subject where the text says "Minamata", and labels all.
class MinamataWord : public Classifier {
 public:
  Labels Classify(std::string_view text, std::string_view, PassageKind,
                  const PassageContext&) const override {
    Labels labels;
    labels.article14 = {"14.1"};
    labels.on_topic = text.find("Minamata") != std::string_view::npos;
    return labels;
  }
  std::string Version() const override { return "minamata-word"; }
};

// A mail's subject line is no passage, but says what the mail is about;
// a document without passages (an archive) says nothing.
TEST(OffTopicTest, TheTitleNamesTheSubjectAndNoTextIsNotJudged) {
  std::vector<Passage> body(2);
  body[0].text = body[1].text = "Please find our letter attached.";
  std::vector<Passage> same = body;
  MinamataWord classifier;
  EXPECT_EQ(ClassifyDocument(classifier, &body, true,
                             "Submission under the Minamata Convention"),
            Subject::kNamed);
  EXPECT_FALSE(AnyOffTopic(body));
  EXPECT_EQ(ClassifyDocument(classifier, &same, true, "Out of office"),
            Subject::kNotNamed);
  EXPECT_TRUE(AnyOffTopic(same));
  std::vector<Passage> none;
  EXPECT_EQ(ClassifyDocument(classifier, &none, false), Subject::kNotJudged);
}

}  // namespace
}  // namespace intake
