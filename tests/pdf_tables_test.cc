// Tables found from word boxes: made-up pages (wrapped cells, rows of one
// line, what is not a table, hostile input) and the LibreOffice tables of
// fixtures/letters.
#include "extractors/pdf_tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/pdf_extractor.h"
#include "extractors/pdf_table_text.h"
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

// A display formula split into cases leaves gutters like a table's; its
// lines are maths, not cells. A table with a formula in one row stays.
TEST(PdfTablesTest, FormulasAreNotTables) {
  std::vector<PdfWord> formula;
  Set("\U0001D443(\U0001D446) =", 100, 0, &formula);
  for (int line = 0; line < 3; ++line) {
    Set("(\U0001D449\U0001D451, \U0001D449\U0001D462+)", 200, line, &formula);
    Set("\U0001D456\U0001D453 \U0001D457 \u2208 \U0001D44D, \U0001D446 = " +
            std::to_string(line),
        420, line, &formula);
  }
  EXPECT_TRUE(Texts(GroupLinesAndTables(formula), true).empty());

  std::vector<PdfWord> table;
  const char* rows[][3] = {{"Method", "Steps", "Pulses"},
                           {"SESat", "\u23082\u221A\U0001D45B\u2309", "n+2"},
                           {"Cluster", "O(n)", "2"},
                           {"Robots", "100", "18"}};
  for (int line = 0; line < 4; ++line) {
    for (int c = 0; c < 3; ++c) Set(rows[line][c], 100 + 150 * c, line, &table);
  }
  EXPECT_EQ(Texts(GroupLinesAndTables(table), true).size(), 4u);
}

TEST(PdfTableTextTest, FormulaLinesAgainstCells) {
  struct Case {
    const char* what;
    std::vector<std::vector<std::string>> lines;
    bool table;
  } cases[] = {
      {"figures", {{"Year", "Amount"}, {"2018", "36 800"}}, true},
      {"letters for headings",
       {{"A", "B", "C"}, {"Cell 1", "Cell 2", "Cell 3"}},
       true},
      {"one formula among rows",
       {{"SESat", "\u23082\u221A\U0001D45B\u2309"},
        {"Cluster", "O(n)"},
        {"Robots", "100"}},
       true},
      {"a run of formulas",
       {{"+ \u2212", "\u2212", ""},
        {"L(qi , pi", ", pi,n )", "(2)"},
        {"", "+", ""}},
       false},
      {"two lines, one a formula",
       {{"=", "\u2212 log", "\u2212 ."}, {"", "+ n", "sim(q ,p )"}},
       false},
      {"maths letters",
       {{"j", "\u2032 \u203210",
         "\U0001D464\u210E\U0001D452\U0001D45B \U0001D446 = 2"}},
       false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ReadsAsTableCells(c.lines), c.table) << c.what;
  }
}

// Pages of mathematics from other projects' tests: formulas laid out
// with wide gaps were read as table rows; the real tables beside them
// stay tables.
TEST(PdfTablesTest, RealMathsPagesHoldNoFormulaRows) {
  std::string corpus = testing::RealDocsDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/real-docs not present";
  struct Case {
    const char* file;
    int formula_page;      // a page of formulas and no table
    const char* real_row;  // a row of a real table elsewhere in it
  } cases[] = {
      {"apache__tika__testJournalParser.pdf", 6, "Reconfigurable | YES | NO"},
      {"Unstructured-IO__unstructured__multi-column.pdf", 3,
       "Dataset | Train | Dev | Test"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    Extraction e;
    ASSERT_TRUE(ExtractPdf(testing::ReadFileOrDie(corpus + "/pdf/" + c.file),
                           ExtractLimits(), &e)
                    .ok());
    bool found = false;
    for (const Block& b : e.blocks) {
      if (b.kind != BlockKind::kTableRow) continue;
      found = found || b.text == c.real_row;
      EXPECT_NE(b.page, c.formula_page) << b.text;
    }
    EXPECT_TRUE(found) << c.real_row;
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
