// Reviewers' decisions as training data: each decided passage as the run
// read it, with its context from its document, and nothing silently lost.
#include "cli/reviewed_passages.h"

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/reviewed_labels.h"
#include "pipeline/state_store.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::MakeTempDir;

std::string Record(const std::string& id, const std::string& kind,
                   const std::string& text) {
  return nlohmann::json({{"passage_id", id},
                         {"kind", kind},
                         {"lang", "en"},
                         {"text", text},
                         {"article14", nlohmann::json::array()},
                         {"stance", "other"}})
      .dump();
}

ReviewDecision Decision(const std::string& doc_id, const std::string& text,
                        const std::string& stance) {
  ReviewDecision d;
  d.doc_id = doc_id;
  d.text = text;
  d.text_sha256 = PassageTextHash(text);
  d.passage_id = doc_id + "-p";
  d.article14 = {"14.1"};
  d.theme = {"waste"};
  d.stance = stance;
  d.reviewer = "Ana";
  d.decided_at = "2026-11-29T06:00:00Z";
  return d;
}

// An output folder whose store holds one letter: a heading, a lead-in,
// two list items and a signature, and decisions on `decided` (texts).
std::string FolderWithDecisions(const std::vector<ReviewDecision>& decided) {
  std::string dir = MakeTempDir("reviewed");
  std::unique_ptr<StateStore> store;
  EXPECT_TRUE(StateStore::Open(dir + "/intake.sqlite", &store).ok());
  DocumentEntry doc;
  doc.doc_id = "doc1";
  doc.path = "/mail/letter.pdf";
  doc.order_key = "a";
  doc.status = "ok";
  doc.complete = true;
  doc.document_json = R"({"doc_id":"doc1"})";
  doc.passage_json = {
      Record("doc1-1", "heading", "Needs for support"),
      Record("doc1-2", "paragraph", "We would need help with the following:"),
      Record("doc1-3", "list_item", "storage of mercury waste;"),
      Record("doc1-4", "list_item", "a survey of contaminated sites."),
      Record("doc1-5", "furniture", "Minister of the Environment")};
  EXPECT_TRUE(store->PutDocument(doc).ok());
  std::vector<DecisionOutcome> outcomes;
  EXPECT_TRUE(store->AddDecisions(decided, &outcomes).ok());
  return dir;
}

TEST(ReviewedPassagesTest, DecidedPassagesComeWithTheirDocumentsContext) {
  std::string dir = FolderWithDecisions(
      {Decision("doc1", "storage of mercury waste;", "need"),
       Decision("doc1", "Needs for support", "other")});
  LabelledReading out;
  ReviewedCounts counts;
  Sha256 hash;
  ASSERT_TRUE(AppendReviewedPassages(dir, &out, &hash, &counts).ok());
  EXPECT_EQ(counts.decisions, 2);
  EXPECT_EQ(counts.unmatched, 0);
  // In document order, not decision order; the three vectors side by side.
  ASSERT_EQ(out.labelled.size(), 2u);
  ASSERT_EQ(out.seen.size(), 2u);
  ASSERT_EQ(out.contexts.size(), 2u);
  EXPECT_EQ(out.seen[0].kind, PassageKind::kHeading);
  EXPECT_EQ(out.seen[1].kind, PassageKind::kListItem);
  EXPECT_EQ(out.seen[1].lang, "en");
  EXPECT_EQ(out.labelled[1].gold.stance, "need");
  EXPECT_EQ(out.labelled[1].gold.theme, std::vector<std::string>{"waste"});
  EXPECT_EQ(out.labelled[1].letter, "doc1");
  EXPECT_EQ(out.labelled[1].id, "doc1-3");
  // The lead-in had no decision, yet it is what the list item is read under.
  EXPECT_EQ(out.contexts[1].heading, "Needs for support");
  EXPECT_EQ(out.contexts[1].paragraph_above,
            "We would need help with the following:");
}

TEST(ReviewedPassagesTest, ANewerDecisionWinsAndTheHashFollowsTheLabels) {
  ReviewDecision first = Decision("doc1", "storage of mercury waste;", "need");
  std::string one = FolderWithDecisions({first});
  ReviewDecision second = first;
  second.stance = "provided";
  second.decided_at = "2026-11-29T07:00:00Z";
  std::string two = FolderWithDecisions({first, second});
  LabelledReading a, b;
  ReviewedCounts counts;
  Sha256 hash_a, hash_b;
  ASSERT_TRUE(AppendReviewedPassages(one, &a, &hash_a, &counts).ok());
  ASSERT_TRUE(AppendReviewedPassages(two, &b, &hash_b, &counts).ok());
  ASSERT_EQ(b.labelled.size(), 1u);
  EXPECT_EQ(b.labelled[0].gold.stance, "provided");
  EXPECT_NE(hash_a.HexDigest(), hash_b.HexDigest());
}

TEST(ReviewedPassagesTest, ADecisionWhosePassageIsGoneIsCountedNotLearned) {
  std::string dir = FolderWithDecisions(
      {Decision("doc1", "a survey of contaminated sites.", "need"),
       Decision("doc1", "text the document no longer has", "need")});
  LabelledReading out;
  ReviewedCounts counts;
  ASSERT_TRUE(AppendReviewedPassages(dir, &out, nullptr, &counts).ok());
  EXPECT_EQ(out.labelled.size(), 1u);
  EXPECT_EQ(counts.decisions, 2);
  EXPECT_EQ(counts.unmatched, 1);
}

TEST(ReviewedPassagesTest, NoStoreOrNoDecisionIsAnErrorNamingThePath) {
  std::string empty = MakeTempDir("no-store");
  LabelledReading out;
  ReviewedCounts counts;
  Status s = AppendReviewedPassages(empty, &out, nullptr, &counts);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(empty + "/intake.sqlite"), std::string::npos);

  std::string undecided = FolderWithDecisions({});
  s = AppendReviewedPassages(undecided, &out, nullptr, &counts);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no reviewer decisions"), std::string::npos);
  EXPECT_TRUE(out.labelled.empty());
}

}  // namespace
}  // namespace intake
