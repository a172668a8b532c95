// Reviewers' decisions as training and evaluation data: each decided
// passage as the run read it, with its context from its document, and
// nothing lost without being counted.
#include "cli/reviewed_passages.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
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

// One letter: a heading, a lead-in, two list items and a signature.
std::vector<std::string> Letter() {
  return {
      Record("doc1-1", "heading", "Needs for support"),
      Record("doc1-2", "paragraph", "We would need help with the following:"),
      Record("doc1-3", "list_item", "storage of mercury waste;"),
      Record("doc1-4", "list_item", "a survey of contaminated sites."),
      Record("doc1-5", "furniture", "Minister of the Environment")};
}

// An output folder whose store holds document doc1 with `passages` and
// the decisions `decided`.
std::string FolderWith(const std::vector<std::string>& passages,
                       const std::vector<ReviewDecision>& decided) {
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
  doc.passage_json = passages;
  EXPECT_TRUE(store->PutDocument(doc).ok());
  std::vector<DecisionOutcome> outcomes;
  EXPECT_TRUE(store->AddDecisions(decided, &outcomes).ok());
  return dir;
}

TEST(ReviewedPassagesTest, DecidedPassagesComeWithTheirDocumentsContext) {
  std::string dir = FolderWith(
      Letter(), {Decision("doc1", "storage of mercury waste;", "need"),
                 Decision("doc1", "Needs for support", "other")});
  LabelledReading out;
  ReviewsRead read;
  Sha256 hash;
  ASSERT_TRUE(AppendReviewedPassages(dir, &out, &hash, &read).ok());
  EXPECT_EQ(read.decisions, 2);
  EXPECT_EQ(read.unmatched, 0);
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
  // The lead-in had no decision, yet it is what the list item is read under.
  EXPECT_EQ(out.contexts[1].heading, "Needs for support");
  EXPECT_EQ(out.contexts[1].paragraph_above,
            "We would need help with the following:");
}

TEST(ReviewedPassagesTest, ANewerDecisionWinsAndTheHashFollowsTheLabels) {
  ReviewDecision first = Decision("doc1", "storage of mercury waste;", "need");
  std::string one = FolderWith(Letter(), {first});
  ReviewDecision second = first;
  second.stance = "provided";
  second.decided_at = "2026-11-29T07:00:00Z";
  std::string two = FolderWith(Letter(), {first, second});
  LabelledReading a, b;
  ReviewsRead read_a, read_b;
  Sha256 hash_a, hash_b;
  ASSERT_TRUE(AppendReviewedPassages(one, &a, &hash_a, &read_a).ok());
  ASSERT_TRUE(AppendReviewedPassages(two, &b, &hash_b, &read_b).ok());
  ASSERT_EQ(b.labelled.size(), 1u);
  EXPECT_EQ(b.labelled[0].gold.stance, "provided");
  EXPECT_NE(hash_a.HexDigest(), hash_b.HexDigest());
}

// A decision labels every passage with its text, in the records and here.
TEST(ReviewedPassagesTest, ATextTwiceInItsDocumentIsReadTwice) {
  std::vector<std::string> letter = Letter();
  letter.push_back(Record("doc1-6", "list_item", "storage of mercury waste;"));
  std::string dir = FolderWith(
      letter, {Decision("doc1", "storage of mercury waste;", "need")});
  LabelledReading out;
  ReviewsRead read;
  ASSERT_TRUE(AppendReviewedPassages(dir, &out, nullptr, &read).ok());
  ASSERT_EQ(out.labelled.size(), 2u);
  EXPECT_EQ(out.labelled[1].gold.stance, "need");
  EXPECT_EQ(out.contexts[1].paragraph_above,
            "We would need help with the following:");
  EXPECT_EQ(read.decisions, 1);
  EXPECT_EQ(read.unmatched, 0);
}

TEST(ReviewedPassagesTest, DecisionsWhosePassageIsGoneAreCountedNotRead) {
  std::string dir = FolderWith(
      Letter(), {Decision("doc1", "a survey of contaminated sites.", "need"),
                 Decision("doc1", "text the document no longer has", "need"),
                 Decision("doc9", "a document no longer stored", "need")});
  LabelledReading out;
  ReviewsRead read;
  ASSERT_TRUE(AppendReviewedPassages(dir, &out, nullptr, &read).ok());
  EXPECT_EQ(out.labelled.size(), 1u);
  EXPECT_EQ(read.decisions, 3);
  EXPECT_EQ(read.unmatched, 2);
}

// A shard's folder and the merged output hold the same documents.
TEST(ReviewedPassagesTest, ADocumentInTwoFoldersIsReadOnce) {
  ReviewDecision d = Decision("doc1", "storage of mercury waste;", "need");
  std::string shard = FolderWith(Letter(), {d});
  std::string merged = FolderWith(Letter(), {d});
  LabelledReading out;
  ReviewsRead read;
  ASSERT_TRUE(AppendReviewedPassages(shard, &out, nullptr, &read).ok());
  ASSERT_TRUE(AppendReviewedPassages(merged, &out, nullptr, &read).ok());
  EXPECT_EQ(out.labelled.size(), 1u);
  EXPECT_EQ(read.repeated_documents, 1);
  EXPECT_EQ(read.decisions, 1);
  EXPECT_EQ(read.unmatched, 0);
}

TEST(ReviewedPassagesTest, NoStoreOrNoDecisionIsAnErrorNamingThePath) {
  std::string empty = MakeTempDir("no-store");
  LabelledReading out;
  ReviewsRead read;
  Status s = AppendReviewedPassages(empty, &out, nullptr, &read);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(empty + "/intake.sqlite"), std::string::npos);

  std::string undecided = FolderWith(Letter(), {});
  s = AppendReviewedPassages(undecided, &out, nullptr, &read);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no reviewer decisions in " + undecided),
            std::string::npos)
      << s.message();
}

// Only read: another program's database is refused and left as it was.
TEST(ReviewedPassagesTest, AnotherSqliteFileIsRefusedAndNotChanged) {
  std::string dir = MakeTempDir("foreign-store");
  const std::string path = dir + "/intake.sqlite";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "CREATE TABLE notes(x TEXT)", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  const std::string before = testing::ReadFileOrDie(path);
  LabelledReading out;
  ReviewsRead read;
  Status s = AppendReviewedPassages(dir, &out, nullptr, &read);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + " is not a state store of this intake"),
            std::string::npos)
      << s.message();
  EXPECT_EQ(testing::ReadFileOrDie(path), before);
}

// Refusing it as "not a state store" would send the user looking in the
// wrong place: the reason is SQLite's.
TEST(ReviewedPassagesTest, AStoreThatCannotBeReadSaysWhy) {
  std::string dir = MakeTempDir("unreadable-store");
  std::filesystem::create_directory(dir + "/intake.sqlite");
  LabelledReading out;
  ReviewsRead read;
  Status s = AppendReviewedPassages(dir, &out, nullptr, &read);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(dir + "/intake.sqlite"), std::string::npos)
      << s.message();
  EXPECT_EQ(s.message().find("not a state store"), std::string::npos)
      << s.message();
}

TEST(ReviewedPassagesTest, ABrokenStoredRecordIsNamed) {
  std::vector<std::string> letter = Letter();
  letter[1] = "[1, 2]";
  std::string dir = FolderWith(
      letter, {Decision("doc1", "storage of mercury waste;", "need")});
  LabelledReading out;
  ReviewsRead read;
  Status s = AppendReviewedPassages(dir, &out, nullptr, &read);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("passage record 2 of document doc1 is not a "
                             "JSON object"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find(dir + "/intake.sqlite"), std::string::npos);
}

}  // namespace
}  // namespace intake
