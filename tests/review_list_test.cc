// The review list: CSV that a spreadsheet opens safely and that reads
// back the same, the choice and order of passages, and the page's escaping.
#include "review/review_list.h"

#include <gtest/gtest.h>

#include "review/csv.h"
#include "review/review_csv.h"
#include "review/review_page.h"

namespace intake {
namespace {

TEST(ReviewCsvTest, NeutralisesWhatASpreadsheetWouldRun) {
  struct Case {
    const char* cell;
    const char* written;
  } cases[] = {
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"+1", "'+1"},
      {"-2+3", "'-2+3"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"\rx", "\"'\rx\""},
      {"plain, with comma", "\"plain, with comma\""},
      {"a=b", "a=b"},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CsvRow({c.cell}), std::string(c.written) + "\r\n") << c.cell;
    std::vector<CsvRecord> records;
    ASSERT_TRUE(ParseCsv(CsvRow({c.cell, "next"}), &records).ok());
    ASSERT_EQ(records.size(), 1u) << c.cell;
    EXPECT_EQ(Unneutralise(records[0].cells[0]), c.cell);
    EXPECT_EQ(records[0].cells[1], "next");
  }
}

TEST(ReviewCsvTest, ParsesQuotedLineBreaksAndCountsLines) {
  std::vector<CsvRecord> records;
  std::string data = std::string(kUtf8Bom) + "a,b\r\n\"x\r\ny\",z\r\nlast,row";
  ASSERT_TRUE(ParseCsv(data, &records).ok());
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].cells[0], "a");
  EXPECT_EQ(records[1].cells[0], "x\r\ny");
  EXPECT_EQ(records[2].line, 4);
  EXPECT_FALSE(ParseCsv("\"never closed", &records).ok());
}

OutputPassage Passage(const std::string& id, bool flagged, double confidence) {
  OutputPassage p;
  p.doc_id = "d";
  p.passage_id = id;
  p.kind = "paragraph";
  p.text = "text of " + id + " </script><b>";
  p.stance = "other";
  p.needs_review = flagged;
  if (flagged) p.review_reasons = {"low_confidence"};
  p.confidence = {{"stance:other", confidence}};
  p.labels_from = "rules";
  return p;
}

TEST(ReviewListTest, FlaggedMostDoubtfulFirstThenASeededSample) {
  OutputRecords records;
  records.documents.push_back({});
  records.documents[0].doc_id = "d";
  records.passages.push_back(Passage("p1", true, 0.6));
  records.passages.push_back(Passage("p2", true, 0.2));
  for (int i = 3; i < 103; ++i) {
    records.passages.push_back(Passage("p" + std::to_string(i), false, 1));
  }
  records.passages.push_back(Passage("decided", true, 0.1));
  records.passages.back().labels_from = "reviewer";
  ReviewListOptions options;
  std::vector<ReviewItem> items = ChooseForReview(records, options);
  ASSERT_EQ(items.size(), 2u + 5u);  // 5% of 100
  EXPECT_EQ(items[0].passage->passage_id, "p2");
  EXPECT_EQ(items[1].passage->passage_id, "p1");
  EXPECT_EQ(items[2].reasons, std::vector<std::string>{"sample"});
  // Same seed, same sample; another seed, another.
  std::vector<ReviewItem> again = ChooseForReview(records, options);
  options.seed = 2;
  std::vector<ReviewItem> other = ChooseForReview(records, options);
  std::string a, b, c;
  for (size_t i = 2; i < items.size(); ++i) {
    a += items[i].passage->passage_id + " ";
    b += again[i].passage->passage_id + " ";
    c += other[i].passage->passage_id + " ";
  }
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);

  std::string page = ReviewPage(items);
  EXPECT_EQ(page.find("</script><b>"), std::string::npos);
  EXPECT_NE(page.find("\\u003c/script\\u003e\\u003cb\\u003e"),
            std::string::npos);
  std::string csv = ReviewCsv(items);
  EXPECT_EQ(csv.substr(0, 3), kUtf8Bom);
}

}  // namespace
}  // namespace intake
