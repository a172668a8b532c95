// The review list: CSV that a spreadsheet opens safely and that reads
// back the same, the choice and order of passages, and the page's escaping.
#include "review/review_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "pipeline/sha256.h"
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

// A spreadsheet in French or Spanish saves "CSV" with semicolons; a comma
// inside a cell of such a file is text.
TEST(ReviewCsvTest, ReadsTheSeparatorOfTheFirstLine) {
  struct Case {
    const char* name;
    std::string data;
    std::vector<std::string> second_row;
  };
  const Case cases[] = {
      {"comma", "a,b\r\nx;y,z\r\n", {"x;y", "z"}},
      {"semicolon", "a;b;c\r\n1,5;\"q;r\";s\r\n", {"1,5", "q;r", "s"}},
      {"quoted header", "\"a;x\",b\r\n1,2\r\n", {"1", "2"}},
      {"tab", "a\tb\r\n1,5\t2\r\n", {"1,5", "2"}},
      {"one column", "a\r\n1,2\r\n", {"1", "2"}},
  };
  for (const Case& c : cases) {
    std::vector<CsvRecord> records;
    ASSERT_TRUE(ParseCsv(c.data, &records).ok()) << c.name;
    ASSERT_EQ(records.size(), 2u) << c.name;
    EXPECT_EQ(records[1].cells, c.second_row) << c.name;
  }
}

// "p7" (written so that GCC 12 sees no overlapping copy in it).
std::string Id(const char* prefix, int n) {
  std::string id = prefix;
  id += std::to_string(n);
  return id;
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

TEST(ReviewCsvTest, EvidenceReadAboveThePassageIsQuoted) {
  // A label the model raised from the paragraph above (a list item's
  // lead-in) has no span in the passage: the list quotes the lead-in.
  OutputPassage p = PassageFromJson(nlohmann::json::parse(R"({
      "doc_id": "d", "passage_id": "d-p0002", "kind": "list_item",
      "text": "(a) Customs officers", "stance": "need",
      "evidence": [
        {"label": "stance:need", "start": 0, "end": 0, "source": "above",
         "text": "3. The following needs:"},
        {"label": "theme:supply_trade", "start": 4, "end": 11,
         "source": "rules", "text": "Customs"}]})"));
  ASSERT_EQ(p.evidence.size(), 2u);
  EXPECT_EQ(p.evidence[0].context, "paragraph above: 3. The following needs:");
  EXPECT_EQ(p.evidence[1].context, "");
  ReviewItem item;
  item.passage = &p;
  item.reasons = {"low_confidence"};
  std::string csv = ReviewCsv({item});
  EXPECT_NE(csv.find("stance:need «paragraph above: 3. The following needs:»; "
                     "theme:supply_trade «Customs»"),
            std::string::npos)
      << csv;
  EXPECT_NE(ReviewPage({item}).find(
                "\"context\":\"paragraph above: 3. The following needs:\""),
            std::string::npos);
}

TEST(ReviewListTest, FlaggedMostDoubtfulFirstThenASeededSample) {
  OutputRecords records;
  records.documents.push_back({});
  records.documents[0].doc_id = "d";
  records.passages.push_back(Passage("p1", true, 0.6));
  records.passages.push_back(Passage("p2", true, 0.2));
  for (int i = 3; i < 103; ++i) {
    records.passages.push_back(Passage(Id("p", i), false, 1));
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
  // The page is made in pieces (head, items, tail) so that it can be
  // streamed; they must join into what dumping the data whole writes.
  const std::string open =
      "<script id=\"review-data\" type=\"application/json\">";
  size_t begin = page.find(open) + open.size();
  std::string data = page.substr(begin, page.find("</script>", begin) - begin);
  using Ordered = nlohmann::ordered_json;
  std::string whole = Ordered::parse(data).dump(
      -1, ' ', /*ensure_ascii=*/false, Ordered::error_handler_t::replace);
  std::string safe;
  for (char ch : whole) {
    safe += ch == '<'   ? "\\u003c"
            : ch == '>' ? "\\u003e"
            : ch == '&' ? "\\u0026"
                        : std::string(1, ch);
  }
  EXPECT_EQ(data, safe);
  EXPECT_EQ(Ordered::parse(data)["items"].size(), items.size());
  std::string csv = ReviewCsv(items);
  EXPECT_EQ(csv.substr(0, 3), kUtf8Bom);
}

// The ids of the flagged passages as the list orders them, no sample.
std::vector<std::string> FlaggedInOrder(const OutputRecords& records) {
  ReviewListOptions options;
  options.min_sample = 0;
  std::vector<std::string> ids;
  for (const ReviewItem& item : ChooseForReview(records, options)) {
    ids.push_back(item.passage->passage_id);
  }
  return ids;
}

// A passage against its letter's direction of support is right about a
// third of the time, however sure its stance: it is ranked so.
TEST(ReviewListTest, MinorityDirectionRanksAsDoubtfulAsItIsRight) {
  OutputRecords records;
  records.documents.push_back({});
  records.documents[0].doc_id = "d";
  records.passages.push_back(Passage("unsure", true, 0.5));
  records.passages.push_back(Passage("against", true, 0.98));
  records.passages.back().review_reasons = {"minority_direction"};
  records.passages.push_back(Passage("very unsure", true, 0.1));
  EXPECT_EQ(FlaggedInOrder(records),
            (std::vector<std::string>{"very unsure", "against", "unsure"}));
}

// A document off the Convention's subject is dismissed once, after the
// submissions: its passages come after every other flagged passage,
// however doubtful, and keep their own order among themselves.
TEST(ReviewListTest, OffTopicPassagesComeAfterAllOthers) {
  OutputRecords records;
  records.documents.push_back({});
  records.documents[0].doc_id = "d";
  records.passages.push_back(Passage("off, very unsure", true, 0.05));
  records.passages.back().review_reasons = {"low_confidence", "off_topic"};
  records.passages.push_back(Passage("sure but flagged", true, 0.99));
  records.passages.push_back(Passage("off, unsure", true, 0.4));
  records.passages.back().review_reasons = {"off_topic"};
  records.passages.push_back(Passage("unsure", true, 0.5));
  EXPECT_EQ(FlaggedInOrder(records),
            (std::vector<std::string>{"unsure", "sure but flagged",
                                      "off, very unsure", "off, unsure"}));
}

// The sample as the list first drew it, with every draw held and sorted:
// the passage ids of the `want` lowest draws, least doubtful last.
std::vector<std::string> SampleBySortingAll(
    const std::vector<OutputPassage>& passages,
    const ReviewListOptions& options) {
  std::vector<std::pair<std::string, size_t>> draws;
  for (size_t i = 0; i < passages.size(); ++i) {
    const OutputPassage& p = passages[i];
    if (p.needs_review || p.kind == "header_footer") continue;
    draws.emplace_back(
        Sha256Hex(std::to_string(options.seed) + ":" + p.passage_id), i);
  }
  std::sort(draws.begin(), draws.end());
  size_t want = static_cast<size_t>(
      std::ceil(options.sample_fraction * static_cast<double>(draws.size())));
  want = std::min(draws.size(),
                  std::max(want, static_cast<size_t>(options.min_sample)));
  draws.resize(want);
  std::stable_sort(draws.begin(), draws.end(), [&](auto& a, auto& b) {
    return passages[a.second].confidence[0].second <
           passages[b.second].confidence[0].second;
  });
  std::vector<std::string> ids;
  for (const auto& [draw, i] : draws) ids.push_back(passages[i].passage_id);
  return ids;
}

TEST(ReviewChoiceTest, DrawsTheSameSampleAsSortingEveryPassage) {
  struct Case {
    int unflagged;
    double fraction;
    int min_sample;
    size_t most_passages_extra;  // a count of lines may be more
  } cases[] = {
      {0, 0.05, 5, 0},    {3, 0.05, 5, 0},   {5, 0.05, 5, 2},
      {6, 0.05, 5, 0},    {100, 0.05, 5, 0}, {101, 0.05, 5, 0},
      {1000, 0.05, 5, 7}, {1000, 0.2, 0, 0}, {250, 1.0, 5, 0},
      {250, 0.0, 0, 0},
  };
  for (const Case& c : cases) {
    ReviewListOptions options;
    options.sample_fraction = c.fraction;
    options.min_sample = c.min_sample;
    options.seed = 3;
    std::vector<OutputPassage> passages;
    for (int i = 0; i < c.unflagged; ++i) {
      // Few distinct confidences: the sample's order relies on ties.
      passages.push_back(Passage(Id("p", i), false, (i % 4) / 4.0));
      if (i % 9 == 0) passages.push_back(Passage(Id("f", i), true, 0.5));
    }
    ReviewChoice choice(options, passages.size() + c.most_passages_extra);
    for (size_t i = 0; i < passages.size(); ++i) {
      choice.Add(passages[i], static_cast<long long>(i));
    }
    std::vector<std::string> sampled;
    for (const ListedPassage& listed : choice.Finish()) {
      if (listed.sample) sampled.push_back(passages[listed.where].passage_id);
    }
    EXPECT_EQ(sampled, SampleBySortingAll(passages, options))
        << c.unflagged << " unflagged, fraction " << c.fraction;
  }
}

}  // namespace
}  // namespace intake
