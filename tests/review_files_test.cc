// The review files are made again exactly when what they come from
// changed: the records, the options (or the intake binary).
#include "review/review_files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>

#include "pipeline/json_records.h"
#include "pipeline/output_files.h"
#include "review/output_records.h"
#include "review/review_csv.h"
#include "review/review_page.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

// Writes documents.jsonl and passages.jsonl of one document whose first
// `flagged` passages (of 20) need review.
void WriteRecords(const std::string& dir, int flagged) {
  DocumentRecord r;
  r.doc_id = std::string(64, 'a');
  r.path = "letter.pdf";
  r.status = kStatusOk;
  for (int i = 0; i < 20; ++i) {
    Passage p;
    p.text = "Passage " + std::to_string(i);
    p.labels.stance = "other";
    p.labels.needs_review = i < flagged;
    if (i < flagged) p.labels.review_reasons = {"low_confidence"};
    r.passages.push_back(p);
  }
  r.passage_count = static_cast<int>(r.passages.size());
  std::string passages;
  for (size_t i = 0; i < r.passages.size(); ++i) {
    passages += PassageJson(r, i) + "\n";
  }
  ASSERT_TRUE(WriteFileAtomically(PassagesFile(dir), passages).ok());
  ASSERT_TRUE(
      WriteFileAtomically(DocumentsFile(dir), DocumentJson(r) + "\n").ok());
}

ino_t Inode(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

TEST(ReviewFilesTest, MadeAgainOnlyWhenTheirSourcesChange) {
  const std::string dir = testing::MakeTempDir("review-files");
  WriteRecords(dir, 2);
  ReviewListOptions options;
  long long listed = -1;
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_EQ(listed, 2 + 5);  // the flagged ones and the minimum sample
  const ino_t html = Inode(ReviewHtmlFile(dir));
  const ino_t csv = Inode(ReviewCsvFile(dir));
  ASSERT_NE(html, 0u);

  // Nothing changed: the files are left as they are, the count is known.
  listed = -1;
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_EQ(listed, 7);
  EXPECT_EQ(Inode(ReviewHtmlFile(dir)), html);
  EXPECT_EQ(Inode(ReviewCsvFile(dir)), csv);

  // Another seed: another sample.
  options.seed = 2;
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_NE(Inode(ReviewHtmlFile(dir)), html);

  // New records under the same names.
  WriteRecords(dir, 4);
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_EQ(listed, 4 + 5);

  // A review file lost or edited by hand is made again.
  std::remove(ReviewCsvFile(dir).c_str());
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_NE(Inode(ReviewCsvFile(dir)), 0u);
  const ino_t before_edit = Inode(ReviewHtmlFile(dir));
  std::ofstream(ReviewHtmlFile(dir), std::ios::app) << "edited";
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_NE(Inode(ReviewHtmlFile(dir)), before_edit);
  EXPECT_EQ(testing::ReadFileOrDie(ReviewHtmlFile(dir)).find("edited"),
            std::string::npos);
}

// Records of three documents (one twice, as when a letter's bytes are found
// under two names) whose passages have what the list writes in every way:
// flags, ties, markup, other scripts, evidence, decided passages.
void WriteVariedRecords(const std::string& dir) {
  std::string documents, passages;
  for (int d = 0; d < 3; ++d) {
    DocumentRecord r;
    r.doc_id = std::string(64, static_cast<char>('a' + d));
    r.path = "letter-" + std::to_string(d) + ".pdf";
    r.status = kStatusOk;
    if (d != 1) {
      r.submitter = {"Samoa " + std::to_string(d), "WSM", "state", "text"};
    }
    for (int i = 0; i < 150; ++i) {
      Passage p;
      p.kind =
          i % 31 == 0 ? PassageKind::kHeaderFooter : PassageKind::kParagraph;
      p.page = 1 + i / 40;
      p.text = "Passage " + std::to_string(i) + " </script><!-- é 水銀 & " +
               std::string(static_cast<size_t>(i % 7), 'x');
      p.labels.stance = "other";
      p.labels.confidence["stance:other"] = (i % 5) / 5.0;
      if (i % 4 == 0) {
        p.labels.article14 = {"14.1"};
        p.labels.confidence["article14:14.1"] = (i % 3) / 3.0;
        p.labels.evidence.push_back(
            {"article14:14.1", 13, 16, "é 水", "rules"});
      }
      p.labels.needs_review = i % 6 == 0;
      if (i % 6 == 0) p.labels.review_reasons = {"low_confidence"};
      if (i % 12 == 0) p.labels.review_reasons.push_back("no_article14");
      r.passages.push_back(p);
    }
    r.passage_count = static_cast<int>(r.passages.size());
    for (size_t i = 0; i < r.passages.size(); ++i) {
      std::string line = PassageJson(r, i);
      if (i % 10 == 0) {  // decided: off the list
        const std::string rules = "\"labels_from\":\"rules\"";
        line.replace(line.find(rules), rules.size(),
                     "\"labels_from\":\"reviewer\"");
      }
      passages += line + "\n";
    }
    documents += DocumentJson(r) + "\n";
    if (d == 2) {
      r.path = "copy-of-letter-2.pdf";
      documents += DocumentJson(r) + "\n";
    }
  }
  ASSERT_TRUE(WriteFileAtomically(PassagesFile(dir), passages).ok());
  ASSERT_TRUE(WriteFileAtomically(DocumentsFile(dir), documents).ok());
}

// The files are written as the passages are read again, one at a time;
// they must be the bytes of the whole list made from the records in memory.
TEST(ReviewFilesTest, StreamedFilesAreThoseOfTheWholeList) {
  const std::string dir = testing::MakeTempDir("review-streamed");
  WriteVariedRecords(dir);
  for (std::uint64_t seed : {1, 2, 9}) {
    ReviewListOptions options;
    options.seed = seed;
    options.sample_fraction = 0.1;
    long long listed = -1;
    ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
    OutputRecords records;
    ASSERT_TRUE(LoadOutputRecords(dir, &records).ok());
    std::vector<ReviewItem> items = ChooseForReview(records, options);
    EXPECT_EQ(listed, static_cast<long long>(items.size()));
    EXPECT_EQ(testing::ReadFileOrDie(ReviewCsvFile(dir)), ReviewCsv(items))
        << "seed " << seed;
    EXPECT_EQ(testing::ReadFileOrDie(ReviewHtmlFile(dir)), ReviewPage(items))
        << "seed " << seed;
  }
}

TEST(ReviewFilesTest, AnEmptyListIsAWholePage) {
  const std::string dir = testing::MakeTempDir("review-empty");
  ASSERT_TRUE(WriteFileAtomically(PassagesFile(dir), "").ok());
  ASSERT_TRUE(WriteFileAtomically(DocumentsFile(dir), "").ok());
  long long listed = -1;
  ASSERT_TRUE(WriteReviewList(dir, ReviewListOptions(), &listed).ok());
  EXPECT_EQ(listed, 0);
  EXPECT_EQ(testing::ReadFileOrDie(ReviewHtmlFile(dir)), ReviewPage({}));
  EXPECT_EQ(testing::ReadFileOrDie(ReviewCsvFile(dir)), ReviewCsv({}));
}

TEST(ReviewFilesTest, ABadRecordNamesItsLineAndKeepsTheOldList) {
  const std::string dir = testing::MakeTempDir("review-bad");
  WriteRecords(dir, 2);
  long long listed = -1;
  ASSERT_TRUE(WriteReviewList(dir, ReviewListOptions(), &listed).ok());
  const std::string html = testing::ReadFileOrDie(ReviewHtmlFile(dir));
  std::ofstream(PassagesFile(dir), std::ios::app) << "{not json\n";
  Status s = WriteReviewList(dir, ReviewListOptions(), &listed);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("passages.jsonl:21:"), std::string::npos)
      << s.message();
  EXPECT_EQ(testing::ReadFileOrDie(ReviewHtmlFile(dir)), html);
}

}  // namespace
}  // namespace intake

namespace intake {
namespace {

// Page items are written directly, not through a JSON tree: the same
// bytes as the tree's dump, for every kind of text and number a record
// can hold.
TEST(ReviewPageTest, ItemsAreTheBytesOfTheirJsonTree) {
  OutputDocument document;
  document.path = "mail/\xC3\xA9t\xC3\xA9 \"quoted\".pdf";
  document.submitter_name = "C\xC3\xB4te d'Ivoire";
  struct Case {
    std::string text;
    std::vector<std::pair<std::string, double>> confidence;
  } cases[] = {
      {"plain", {{"article14:14.1", 0.5}}},
      {"tab\there \\ \"q\" </script> \x01\x1f", {{"stance:other", 1.0}}},
      {"bad utf-8 \xC3( and \xF0\x9F\x98\x80 emoji",
       {{"theme:asgm", 0.123456789}, {"stance:need", 1e-7}}},
      {"", {}},
      {"twice", {{"a", 0.1}, {"b", 0.2}, {"a", 0.3}}},
      {"numbers", {{"x", 0.0}, {"y", 100.0}, {"z", 2.5e-5}}},
  };
  int rank = 0;
  for (const Case& c : cases) {
    OutputPassage passage;
    passage.doc_id = "d";
    passage.passage_id = "d-p0001";
    passage.page = 3;
    passage.kind = "paragraph";
    passage.text = c.text;
    passage.article14 = {"14.1", "14.4b"};
    passage.stance = "need";
    passage.confidence = c.confidence;
    passage.evidence = {
        {"article14:14.1", 0, 5},
        {"stance:need", 7, 12},
        {"stance:need", 0, 0, "paragraph above: " + std::string(c.text)}};
    ReviewItem item;
    item.passage = &passage;
    item.document = rank % 2 == 0 ? &document : nullptr;
    item.text_sha256 = "abc";
    item.reasons = {"low_confidence", "sample"};
    ++rank;
    std::string item_text = ReviewPageItem(item, rank);
    if (rank > 1) item_text.erase(0, 1);  // the comma between items
    std::string json = ReviewPageItemJson(item, rank);
    // ReviewPageItem also hides '<', '>' and '&' from the page's parser.
    for (auto [from, to] :
         {std::pair{"<", "\\u003c"}, {">", "\\u003e"}, {"&", "\\u0026"}}) {
      for (size_t at = json.find(from); at != std::string::npos;
           at = json.find(from, at + std::string(to).size())) {
        json.replace(at, 1, to);
      }
    }
    EXPECT_EQ(item_text, json) << c.text;
  }
}

}  // namespace
}  // namespace intake
