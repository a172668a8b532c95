// `intake classify` stream contract, with a fake classifier behind the seam.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/classify_stream.h"
#include "cli/exit_codes.h"

namespace intake {
namespace {

class FakeClassifier : public Classifier {
 public:
  Labels Classify(std::string_view text, std::string_view lang,
                  PassageKind kind, const PassageContext&) const override {
    Labels labels;
    if (kind == PassageKind::kFurniture) return labels;
    size_t at = text.find("gold");
    if (at != std::string_view::npos) {
      labels.theme = {"asgm"};
      labels.confidence["theme:asgm"] = 0.75;
      labels.evidence.push_back({"theme:asgm", static_cast<int>(at),
                                 static_cast<int>(at + 4), "gold"});
    }
    if (text.find("We gave") != std::string_view::npos) {
      labels.stance = "provided";
    }
    if (text.find("We received") != std::string_view::npos) {
      labels.stance = "received";
    }
    if (lang != "en") labels.review_reasons = {"lang-" + std::string(lang)};
    // Every line names the Convention's subject but those about demons.
    labels.on_topic = text.find("demon") == std::string_view::npos;
    return labels;
  }
  std::string Version() const override { return "fake-1"; }
};

std::string ClassifyText(const std::string& input, std::string* errors,
                         int* exit) {
  std::istringstream in(input);
  std::ostringstream out, err;
  FakeClassifier classifier;
  *exit = ClassifyStream(in, out, err, classifier);
  *errors = err.str();
  return out.str();
}

std::vector<std::string> Lines(const std::string& out) {
  std::istringstream lines(out);
  std::vector<std::string> got;
  for (std::string line; std::getline(lines, line);) got.push_back(line);
  return got;
}

// How a line sent to review for its direction alone ends.
constexpr char kOnlyMinorityDirection[] =
    R"("needs_review":true,"review_reasons":["minority_direction"])";

TEST(ClassifyStreamTest, KeepsFieldsInOrderAndAddsLabels) {
  std::string errors;
  int exit = -1;
  std::string out = ClassifyText(
      R"({"id":"x1","lang":"en","text":"gold mining","gold_theme":["asgm"]})"
      "\n",
      &errors, &exit);
  EXPECT_EQ(exit, kExitOk);
  EXPECT_EQ(errors, "");
  EXPECT_EQ(
      out,
      R"({"id":"x1","lang":"en","text":"gold mining","gold_theme":["asgm"],)"
      R"("article14":[],"activity":[],"theme":["asgm"],"stance":"other",)"
      R"("confidence":{"theme:asgm":0.75},)"
      R"("evidence":[{"label":"theme:asgm","start":0,"end":4,"text":"gold",)"
      R"("source":"rules"}],)"
      R"("needs_review":false,"review_reasons":[],"entities":[],)"
      R"("rules_version":"fake-1",)"
      R"("model_version":""})"
      "\n");
}

TEST(ClassifyStreamTest, DetectsLanguageWhenAbsentAndHonoursKind) {
  std::string errors;
  int exit = -1;
  std::string out = ClassifyText(
      R"({"text":"La Secretaría recibió información de las Partes sobre la minería de oro artesanal y en pequeña escala."})"
      "\n"
      R"({"text":"Yours sincerely, gold","kind":"furniture","lang":"en"})"
      "\n",
      &errors, &exit);
  EXPECT_EQ(exit, kExitOk);
  std::istringstream lines(out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_NE(first.find(R"("lang":"es")"), std::string::npos) << first;
  EXPECT_NE(first.find(R"("review_reasons":["lang-es"])"), std::string::npos);
  EXPECT_NE(second.find(R"("theme":[])"), std::string::npos) << second;
}

TEST(ClassifyStreamTest, BadLinesAreReportedAndSkipped) {
  std::string errors;
  int exit = -1;
  std::string out = ClassifyText(
      "{\"text\":\"gold\",\"lang\":\"en\"}\n"
      "not json\n"
      "\n"
      "[1,2]\n"
      "{\"id\":3}\n"
      "{\"text\":42}\n"
      "{\"text\":\"bad \xFF byte\",\"lang\":\"en\"}\n",
      &errors, &exit);
  EXPECT_EQ(exit, kExitSomeFailed);
  EXPECT_NE(errors.find("line 2: not valid JSON"), std::string::npos) << errors;
  EXPECT_NE(errors.find("line 4: not a JSON object"), std::string::npos);
  EXPECT_NE(errors.find("line 5: no \"text\" string field"), std::string::npos);
  EXPECT_NE(errors.find("line 6: no \"text\" string field"), std::string::npos);
  EXPECT_NE(errors.find("line 7: not valid JSON: parse error"),
            std::string::npos)
      << errors;  // JSON text must be UTF-8
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
}

// A labelled file's letter (lines with "letter" and no "kind") is read as
// `intake eval` reads it: segmented together, so its salutation and
// closing are furniture and go unlabelled, however much gold they name.
TEST(ClassifyStreamTest, SegmentsALettersLinesAsEvalDoes) {
  std::string errors;
  int exit = -1;
  std::string out = ClassifyText(
      R"({"id":"a","letter":"L1","lang":"en","text":"Dear Executive Secretary of the gold convention,"})"
      "\n"
      R"({"id":"b","letter":"L1","lang":"en","text":"Samoa trained ten gold miners in 2024 with support from the Global Environment Facility."})"
      "\n"
      "not json\n"
      R"({"id":"c","letter":"L1","lang":"en","text":"Yours sincerely, gold"})"
      "\n"
      R"({"id":"d","lang":"en","text":"gold alone"})"
      "\n",
      &errors, &exit);
  EXPECT_EQ(exit, kExitSomeFailed);
  EXPECT_NE(errors.find("line 3: not valid JSON"), std::string::npos) << errors;
  std::vector<std::string> got = Lines(out);
  ASSERT_EQ(got.size(), 4u) << out;
  // In input order, each with the kind the segmenter gave it.
  EXPECT_EQ(got[0].find(R"({"id":"a")"), 0u) << got[0];
  EXPECT_NE(got[0].find(R"("kind":"furniture","furniture":"salutation")"),
            std::string::npos)
      << got[0];
  EXPECT_NE(got[0].find(R"("theme":[])"), std::string::npos) << got[0];
  EXPECT_NE(got[1].find(R"("kind":"paragraph")"), std::string::npos) << got[1];
  EXPECT_NE(got[1].find(R"("theme":["asgm"])"), std::string::npos) << got[1];
  EXPECT_NE(got[2].find(R"("furniture":"closing")"), std::string::npos)
      << got[2];
  EXPECT_NE(got[2].find(R"("theme":[])"), std::string::npos) << got[2];
  // Offsets point into the text written back, which is the segmenter's.
  EXPECT_NE(got[1].find(R"("start":18,"end":22,"text":"gold")"),
            std::string::npos)
      << got[1];
  // A line of no letter is read alone and gets no kind.
  EXPECT_EQ(got[3].find(R"({"id":"d")"), 0u) << got[3];
  EXPECT_EQ(got[3].find(R"("kind")"), std::string::npos) << got[3];
  EXPECT_NE(got[3].find(R"("theme":["asgm"])"), std::string::npos) << got[3];
}

// The segmenter drops a bullet and closes up the space after an item
// number; the text written back is the one read, so offsets fit it.
TEST(ClassifyStreamTest, SegmentedLinesComeBackWithTheTextRead) {
  std::string errors;
  int exit = -1;
  std::string out = ClassifyText(
      R"({"letter":"L","lang":"en","text":"The following was funded:"})"
      "\n"
      R"({"letter":"L","lang":"en","text":"\u2022 Training of gold miners"})"
      "\n",
      &errors, &exit);
  EXPECT_EQ(exit, kExitOk) << errors;
  std::istringstream lines(out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_NE(second.find(R"("text":"Training of gold miners")"),
            std::string::npos)
      << second;
  EXPECT_NE(second.find(R"("start":12,"end":16,"text":"gold")"),
            std::string::npos)
      << second;
}

// Passages `intake run` wrote say their kind: taken as they are, never
// segmented again.
TEST(ClassifyStreamTest, LinesThatSayTheirKindAreNotSegmentedAgain) {
  std::string errors;
  int exit = -1;
  std::string out = ClassifyText(
      R"({"doc_id":"D","kind":"paragraph","lang":"en","text":"Dear gold miners,"})"
      "\n",
      &errors, &exit);
  EXPECT_EQ(exit, kExitOk);
  EXPECT_NE(out.find(R"("theme":["asgm"])"), std::string::npos) << out;
  EXPECT_EQ(out.find(R"("furniture")"), std::string::npos) << out;
}

// A document's stances are read together, as `intake run` reads them: the
// less frequent direction of support goes to review.
TEST(ClassifyStreamTest, ADocumentsMinorityDirectionIsSentToReview) {
  std::string errors;
  int exit = -1;
  std::string out = ClassifyText(
      R"({"id":"a","doc_id":"D","kind":"paragraph","lang":"en","text":"We received training."})"
      "\n"
      R"({"id":"b","doc_id":"D","kind":"paragraph","lang":"en","text":"We gave training."})"
      "\n"
      R"({"id":"c","doc_id":"D","kind":"paragraph","lang":"en","text":"We received equipment."})"
      "\n"
      R"({"id":"d","lang":"en","text":"We gave equipment."})"
      "\n",
      &errors, &exit);
  EXPECT_EQ(exit, kExitOk) << errors;
  std::vector<std::string> got = Lines(out);
  ASSERT_EQ(got.size(), 4u) << out;
  const std::string flagged = kOnlyMinorityDirection;
  EXPECT_EQ(got[0].find(flagged), std::string::npos) << got[0];
  EXPECT_NE(got[1].find(R"("stance":"provided")"), std::string::npos) << got[1];
  EXPECT_NE(got[1].find(flagged), std::string::npos) << got[1];
  EXPECT_EQ(got[2].find(flagged), std::string::npos) << got[2];
  // A line of no document is a document of its own: nothing to go against.
  EXPECT_EQ(got[3].find(flagged), std::string::npos) << got[3];
}

// A labelled letter's lines (segmented, as eval reads them) are one
// document too; its furniture counts for neither direction.
TEST(ClassifyStreamTest, ALettersMinorityDirectionIsSentToReview) {
  std::string errors;
  int exit = -1;
  std::string out = ClassifyText(
      R"({"letter":"L","lang":"en","text":"Dear Executive Secretary,"})"
      "\n"
      R"({"letter":"L","lang":"en","text":"We gave two courses."})"
      "\n"
      R"({"letter":"L","lang":"en","text":"We gave a grant."})"
      "\n"
      R"({"letter":"L","lang":"en","text":"We received an analyser."})"
      "\n"
      R"({"letter":"L","lang":"en","text":"Yours sincerely,"})"
      "\n",
      &errors, &exit);
  EXPECT_EQ(exit, kExitOk) << errors;
  std::vector<std::string> got = Lines(out);
  ASSERT_EQ(got.size(), 5u) << out;
  const std::string flagged = kOnlyMinorityDirection;
  for (size_t i : {0u, 1u, 2u, 4u}) {
    EXPECT_EQ(got[i].find("minority_direction"), std::string::npos) << got[i];
  }
  EXPECT_NE(got[3].find(flagged), std::string::npos) << got[3];
}

// A document none of whose lines names the Convention's subject has what
// its lines say sent to review; one line on the subject keeps the rest.
TEST(ClassifyStreamTest, ADocumentOffTheSubjectIsSentToReview) {
  std::string errors;
  int exit = -1;
  std::string out = ClassifyText(
      R"({"doc_id":"off","lang":"en","text":"Dear Sir,"})"
      "\n"
      R"({"doc_id":"off","lang":"en","text":"We gave the demon gold."})"
      "\n"
      R"({"doc_id":"off","lang":"en","text":"The demon fled."})"
      "\n"
      R"({"doc_id":"on","lang":"en","text":"We gave the demon gold."})"
      "\n"
      R"({"doc_id":"on","lang":"en","text":"Gold, not mercury."})"
      "\n",
      &errors, &exit);
  EXPECT_EQ(exit, kExitOk) << errors;
  std::vector<std::string> got = Lines(out);
  ASSERT_EQ(got.size(), 5u) << out;
  EXPECT_NE(
      got[1].find(R"("needs_review":true,"review_reasons":["off_topic"])"),
      std::string::npos)
      << got[1];
  EXPECT_NE(got[1].find(R"("theme":["asgm"],"stance":"provided")"),
            std::string::npos)
      << got[1];                       // labels stay
  for (size_t i : {0u, 2u, 3u, 4u}) {  // nothing said, or on the subject
    EXPECT_EQ(got[i].find("off_topic"), std::string::npos) << got[i];
  }
}

// A line without a document is no document: nothing says the rest of it
// never names the subject.
TEST(ClassifyStreamTest, ALineAloneIsNeverOffTopic) {
  std::string errors;
  int exit = -1;
  std::string out =
      ClassifyText(R"({"id":"x","lang":"en","text":"We gave the demon gold."})"
                   "\n",
                   &errors, &exit);
  EXPECT_EQ(exit, kExitOk) << errors;
  EXPECT_NE(out.find(R"("needs_review":false,"review_reasons":[])"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace intake
