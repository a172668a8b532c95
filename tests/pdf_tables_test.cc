// Tables found from word boxes: made-up pages (wrapped cells, rows of one
// line, what is not a table, hostile input) and the LibreOffice tables of
// fixtures/letters.
#include "extractors/pdf_tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/pdf_extractor.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

// Words of `text` set from x on line `line` (12 points apart, 10 high),
// 6 points a character, 2.5 a space.
void Set(const std::string& text, double x, int line,
         std::vector<PdfWord>* words) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    PdfWord w;
    w.text = text.substr(pos, end - pos);
    w.x0 = x;
    w.x1 = x + 6.0 * static_cast<double>(w.text.size());
    w.y0 = 100 + 12.0 * line;
    w.y1 = w.y0 + 10;
    w.font_size = 10;
    words->push_back(w);
    x = w.x1 + 2.5;
    pos = end + 1;
  }
}

std::vector<std::string> Texts(const std::vector<PdfLine>& lines,
                               bool rows_only) {
  std::vector<std::string> out;
  for (const PdfLine& l : lines) {
    if (!rows_only || l.table_row) out.push_back(l.text);
  }
  return out;
}

TEST(PdfTablesTest, WrappedCellsMakeOneRowEach) {
  std::vector<PdfWord> words;
  Set("The centre reports the following courses and their", 100, 0, &words);
  Set("Dates", 100, 2, &words);
  Set("Subject", 200, 2, &words);
  Set("People", 400, 2, &words);
  Set("10-12 March", 100, 3, &words);  // wraps: "2020" did not fit
  Set("Mercury trade and", 200, 3, &words);
  Set("28", 400, 3, &words);
  Set("2020", 100, 4, &words);
  Set("customs codes", 200, 4, &words);
  Set("8 May", 100, 5, &words);  // would have fitted after "2020"
  Set("Waste", 200, 5, &words);
  Set("35", 400, 5, &words);
  Set("The centre thanks the secretariat for its support in", 100, 8, &words);
  std::vector<PdfLine> lines = GroupLinesAndTables(words);
  EXPECT_EQ(Texts(lines, false),
            (std::vector<std::string>{
                "The centre reports the following courses and their",
                "Dates | Subject | People",
                "10-12 March\n2020 | Mercury trade and\ncustoms codes | 28",
                "8 May | Waste | 35",
                "The centre thanks the secretariat for its support in"}));
  EXPECT_EQ(Texts(lines, true).size(), 3u);
}

TEST(PdfTablesTest, RowsOfOneLineEach) {
  std::vector<PdfWord> words;
  Set("Year", 100, 0, &words);
  Set("Amount", 300, 0, &words);
  Set("2018", 100, 1, &words);
  Set("36 800", 300, 1, &words);
  Set("2019", 100, 2, &words);
  Set("37 100", 300, 2, &words);
  EXPECT_EQ(Texts(GroupLinesAndTables(words), true),
            (std::vector<std::string>{"Year | Amount", "2018 | 36 800",
                                      "2019 | 37 100"}));
}

TEST(PdfTablesTest, WhatIsNotATable) {
  struct Case {
    const char* name;
    std::vector<std::pair<double, std::string>> lines;  // x, text per line
  } cases[] = {
      {"prose", {{100, "one two three four"}, {100, "five six seven"}}},
      // A numbered paragraph's number hangs in the margin.
      {"numbered paragraphs",
       {{100, "1."},
        {130, "The centre trained officials"},
        {130, "of five countries."}}},
      {"one line with a gap", {{100, "Ref. 12"}}},
  };
  for (const Case& c : cases) {
    std::vector<PdfWord> words;
    for (size_t i = 0; i < c.lines.size(); ++i) {
      // The number and its text share a line.
      int line = std::string(c.name) == "numbered paragraphs" && i > 0
                     ? static_cast<int>(i) - 1
                     : static_cast<int>(i);
      Set(c.lines[i].second, c.lines[i].first, line, &words);
    }
    EXPECT_TRUE(Texts(GroupLinesAndTables(words), true).empty()) << c.name;
  }
}

TEST(PdfTablesTest, HostileInput) {
  EXPECT_TRUE(GroupLinesAndTables({}).empty());
  // A thousand-column row (no table: too many columns) and words with no
  // width or height.
  std::vector<PdfWord> words;
  for (int c = 0; c < 1000; ++c) {
    Set("x", 100 + 20.0 * c, 0, &words);
    Set("y", 100 + 20.0 * c, 1, &words);
  }
  PdfWord flat;
  flat.text = "flat";
  words.push_back(flat);
  std::vector<PdfLine> lines = GroupLinesAndTables(words);
  EXPECT_FALSE(lines.empty());
}

TEST(PdfTablesTest, LibreOfficeTablesOfTheLetters) {
  struct Case {
    const char* fixture;
    std::vector<std::string> rows;
  } cases[] = {
      {"letters/bcrc-caribbean-training.pdf",
       {"Dates | Venue | Subject | Participants | Countries",
        "10\u201312 March\n2020 | Kingston,\nJamaica | Mercury trade: consent "
        "forms and\ncustoms codes (article 3) | 28 | 6",
        "15\u201317\nSeptember 2020 | Online | Environmentally sound\n"
        "management of mercury waste\nand the Basel technical guidelines | 41 "
        "| 11",
        "8 December\n2020 | Online | Phasing out mercury-added\nproducts in "
        "health care:\nalternatives | 35 | 9",
        "23\u201325 March\n2021 | Castries, Saint\nLucia | National inventory "
        "of mercury\nwaste and storage (national\ntraining) | 19 | 1",
        "Total |  |  | 123 | "}},
      {"letters/switzerland-contributions.pdf",
       {"Year | GEF Trust Fund | Specific International Programme | Special "
        "Programme",
        "2018 | 36 800 000 | 500 000 | 300 000",
        "2019 | 37 100 000 | 750 000 | 300 000",
        // The cell's footnote mark is dropped (pdf_note_marks.h).
        "2020 | 36 900 000 | 750 000 | 350 000",
        "Total | 110 800 000 | 2 000 000 | 950 000"}},
  };
  for (const Case& c : cases) {
    Extraction e;
    ASSERT_TRUE(ExtractPdf(testing::ReadFileOrDie(testing::Fixture(c.fixture)),
                           ExtractLimits(), &e)
                    .ok());
    std::vector<std::string> rows;
    for (const Block& b : e.blocks) {
      if (b.kind == BlockKind::kTableRow) rows.push_back(b.text);
    }
    EXPECT_EQ(rows, c.rows) << c.fixture;
  }
}

}  // namespace
}  // namespace intake
