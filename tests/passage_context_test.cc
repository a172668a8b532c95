// What stands above a passage: the tracker that finds it in a document,
// the rules' reading of it (remembered, never stale), the model features
// made of it, and `intake classify` giving it to lines of one document.
#include "pipeline/passage_context.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "classifiers/model_features.h"
#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "cli/classify_stream.h"
#include "tests/shipped_rules.h"

namespace intake {
namespace {

TEST(ContextTrackerTest, HeadingAndParagraphAboveInDocumentOrder) {
  ContextTracker t;
  PassageContext c = t.Next(PassageKind::kFurniture, "Dear Ms. Stankiewicz,");
  EXPECT_EQ(c.heading, "");
  EXPECT_EQ(c.paragraph_above, "");
  t.Next(PassageKind::kHeading, "Needs");
  c = t.Next(PassageKind::kParagraph, "3. The following needs:");
  EXPECT_EQ(c.heading, "Needs");
  EXPECT_EQ(c.paragraph_above, "");  // nothing above it under this heading
  // Every item of a list reads under its lead-in, not under the item
  // before it; so does a table and a footnote does not interrupt.
  c = t.Next(PassageKind::kListItem, "(a) Legislation");
  EXPECT_EQ(c.paragraph_above, "3. The following needs:");
  t.Next(PassageKind::kFootnote, "1 See the assessment.");
  c = t.Next(PassageKind::kListItem, "(b) Customs");
  EXPECT_EQ(c.paragraph_above, "3. The following needs:");
  c = t.Next(PassageKind::kTableRow, "2019 | GEF");
  EXPECT_EQ(c.paragraph_above, "3. The following needs:");
  c = t.Next(PassageKind::kParagraph, "4. Dental amalgam remains.");
  EXPECT_EQ(c.paragraph_above, "3. The following needs:");
  EXPECT_EQ(c.heading, "Needs");
  // A new heading starts a new section: the paragraph above is gone.
  t.Next(PassageKind::kHeading, "Recommendations");
  c = t.Next(PassageKind::kParagraph, "6. Samoa recommends");
  EXPECT_EQ(c.heading, "Recommendations");
  EXPECT_EQ(c.paragraph_above, "");
  // Letter furniture (the closing) is nobody's lead-in.
  t.Next(PassageKind::kFurniture, "Yours sincerely,");
  c = t.Next(PassageKind::kParagraph, "7. More.");
  EXPECT_EQ(c.paragraph_above, "6. Samoa recommends");
}

constexpr char kNeedRules[] = R"(<rules format="1" version="need">
  <label dimension="stance" code="need"><term weight="1">needs</term></label>
</rules>
)";
constexpr char kReceivedRules[] = R"(<rules format="1" version="received">
  <label dimension="stance" code="received"><term weight="1">needs</term></label>
</rules>
)";

std::shared_ptr<const Rules> Parse(const char* xml) {
  std::shared_ptr<const Rules> rules;
  Status s = ParseRules(xml, "test", &rules);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return rules;
}

TEST(RuleContextTest, ReadsWhatIsAboveAsAPassageOfItsOwn) {
  RuleClassifier rules(Parse(kNeedRules));
  PassageContext context{"Background", "3. The following needs:"};
  // Read fresh and read again right after the rules read the same texts
  // for themselves (the pipeline's order): the same labels.
  RuleClassifier::ContextLabels fresh = rules.ClassifyContext(context, "en");
  ASSERT_TRUE(fresh.heading.has_value());
  ASSERT_TRUE(fresh.paragraph_above.has_value());
  EXPECT_EQ(fresh.heading->stance, "other");
  EXPECT_EQ(fresh.paragraph_above->stance, "need");
  rules.Classify("3. The following needs:", "en", PassageKind::kParagraph);
  rules.Classify("(a) Legislation", "en", PassageKind::kParagraph);
  RuleClassifier::ContextLabels again = rules.ClassifyContext(context, "en");
  EXPECT_EQ(again.paragraph_above->stance, "need");
  EXPECT_EQ(again.paragraph_above->confidence,
            fresh.paragraph_above->confidence);
  EXPECT_FALSE(rules.ClassifyContext(PassageContext{}, "en").heading);
}

TEST(RuleContextTest, AnotherClassifierDoesNotSeeWhatThisOneRead) {
  // Both read the same text on the same thread, one after the other; each
  // must give its own rules' labels to what is above a passage.
  auto need = std::make_unique<RuleClassifier>(Parse(kNeedRules));
  need->Classify("Samoa needs help.", "en", PassageKind::kParagraph);
  need.reset();
  RuleClassifier received(Parse(kReceivedRules));
  PassageContext context{"", "Samoa needs help."};
  EXPECT_EQ(received.ClassifyContext(context, "en").paragraph_above->stance,
            "received");
}

TEST(ContextFeaturesTest, NamedApartFromThePassagesOwnAndKeptSorted) {
  FeatureExtractor extractor(testing::ShippedRules(), nullptr);
  RuleClassifier rules(testing::ShippedRules());
  const std::string text = "(a) Legislation on mercury-added products.";
  Labels own = rules.Classify(text, "en", PassageKind::kListItem);
  std::vector<ModelFeature> alone = extractor.Extract(text, "en", own);
  std::vector<ModelFeature> with = alone;
  Labels need;
  need.stance = "need";
  need.article14 = {"14.1"};
  extractor.AddContext(PassageContext{}, {need, need}, &with);
  // Heading and paragraph above each add their stance and their code,
  // none of which the passage's own features had.
  EXPECT_EQ(with.size(), alone.size() + 4);
  EXPECT_TRUE(std::is_sorted(with.begin(), with.end(),
                             [](const ModelFeature& a, const ModelFeature& b) {
                               return a.bucket < b.bucket;
                             }));
  std::vector<ModelFeature> none = alone;
  extractor.AddContext(PassageContext{}, {}, &none);
  EXPECT_EQ(none.size(), alone.size());
  // The words of the paragraph above count too, apart from the passage's
  // own words ("needs" is not the passage's word "needs").
  std::vector<ModelFeature> worded = alone;
  extractor.AddContext(PassageContext{"", "The following needs:"}, {}, &worded);
  EXPECT_EQ(worded.size(), alone.size() + 3);
  for (const ModelFeature& f : worded) {
    if (std::find_if(alone.begin(), alone.end(), [&](const ModelFeature& a) {
          return a.bucket == f.bucket;
        }) != alone.end()) {
      continue;
    }
    ASSERT_EQ(f.spans.size(), 1u);
    EXPECT_EQ(f.spans.begin()->start, kInParagraphAbove.start);
  }
}

// Records the context of every passage it is given.
class ContextRecorder : public Classifier {
 public:
  Labels Classify(std::string_view, std::string_view, PassageKind,
                  const PassageContext& context) const override {
    seen.push_back(context);
    return Labels();
  }
  std::string Version() const override { return "recorder"; }
  mutable std::vector<PassageContext> seen;
};

TEST(ClassifyStreamContextTest, LinesOfOneDocumentReadUnderWhatIsAbove) {
  std::istringstream in(
      R"({"letter":"a","text":"Needs","kind":"heading"})"
      "\n"
      R"({"letter":"a","text":"The following needs:"})"
      "\n"
      R"({"letter":"a","text":"(a) Legislation","kind":"list_item"})"
      "\n"
      R"({"letter":"b","text":"(b) Customs","kind":"list_item"})"
      "\n"
      R"({"text":"Alone."})"
      "\n"
      R"({"text":"Alone too."})"
      "\n"
      R"({"doc_id":"d1","text":"First."})"
      "\n"
      R"({"doc_id":"d1","text":"Second."})"
      "\n");
  std::ostringstream out, errors;
  ContextRecorder recorder;
  ClassifyStream(in, out, errors, recorder);
  ASSERT_EQ(recorder.seen.size(), 8u) << errors.str();
  EXPECT_EQ(recorder.seen[2].heading, "Needs");
  EXPECT_EQ(recorder.seen[2].paragraph_above, "The following needs:");
  // Another letter starts afresh; lines of no document are read alone.
  EXPECT_EQ(recorder.seen[3].heading, "");
  EXPECT_EQ(recorder.seen[3].paragraph_above, "");
  EXPECT_EQ(recorder.seen[5].paragraph_above, "");
  EXPECT_EQ(recorder.seen[6].paragraph_above, "");
  EXPECT_EQ(recorder.seen[7].paragraph_above, "First.");
}

}  // namespace
}  // namespace intake
