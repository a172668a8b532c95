// Footnote reference marks in PDFs: dropped from the body text (as the
// DOCX reader drops them), on made-up words and on the fixture letters
// whose footnotes are real (fixtures/README.md: switzerland-contributions,
// cambodia-long).
#include "extractors/pdf_note_marks.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "extractors/pdf_extractor.h"
#include "tests/pdf_test_words.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::W;

struct MarkCase {
  const char* what;
  std::vector<PdfWord> words;
  std::string text;  // the words kept, joined by spaces
};

TEST(PdfNoteMarksTest, RaisedSmallDigitsAfterAWordAreDropped) {
  // Body words 15.6 high with their foot at 432; a superscript 9 high
  // with its foot at 425.6 (the sizes LibreOffice sets a 12 pt letter in).
  const MarkCase cases[] = {
      {"mark after a full stop",
       {W("table", 272, 416.5, 295.5, 432.1),
        W("below.", 298.5, 416.5, 330.8, 432.1),
        W("1", 330.9, 416.6, 334.4, 425.6)},
       "table below."},
      {"mark in a table cell",
       {W("2020", 76.4, 496.9, 96.4, 509.9), W("2", 96.4, 497.0, 99.3, 504.5)},
       "2020"},
      {"two-digit mark and a dagger",
       {W("Convention", 100, 100, 160, 115.6), W("12", 160.2, 100, 166, 109),
        W("Parties", 170, 100, 200, 115.6), W("\u2020", 200.1, 100, 203, 109)},
       "Convention Parties"},
      // The note's own number opens its line: it stays.
      {"number opening a line",
       {W("period.", 229, 717, 262.8, 732.7), W("1", 71, 742.5, 77, 758.1),
        W("Amounts", 79.5, 744.4, 116.2, 757.4)},
       "period. 1 Amounts"},
      // Same size and baseline: a number in the text.
      {"number on the baseline",
       {W("article", 100, 100, 140, 115.6), W("14", 143, 100, 155, 115.6)},
       "article 14"},
      // Small and raised, but after a one-letter symbol: an exponent.
      {"exponent",
       {W("x", 100, 100, 106, 115.6), W("2", 106.1, 100, 110, 109)},
       "x 2"},
      // After a formula's letter: a prime written as a raised 0.
      {"prime in a formula",
       {W("d(A", 100, 100, 118, 115.6), W("0", 118.1, 100, 122, 109)},
       "d(A 0"},
      // Small and raised, but far from the word: not its mark.
      {"apart from the word",
       {W("below.", 298.5, 416.5, 330.8, 432.1),
        W("1", 345, 416.6, 348.5, 425.6)},
       "below. 1"},
      // Lowered, as a subscript: not a note mark.
      {"subscript",
       {W("CO", 100, 100, 115, 115.6), W("2", 115.1, 108, 119, 117)},
       "CO 2"},
  };
  for (const MarkCase& c : cases) {
    std::vector<PdfWord> words = c.words;
    DropNoteMarks(&words);
    std::string text;
    for (const PdfWord& w : words) text += (text.empty() ? "" : " ") + w.text;
    EXPECT_EQ(text, c.text) << c.what;
  }
}

// The word keeps the space that followed its mark.
TEST(PdfNoteMarksTest, WordTakesTheMarksSpace) {
  std::vector<PdfWord> words = {W("below.", 298.5, 416.5, 330.8, 432.1),
                                W("1", 330.9, 416.6, 334.4, 425.6)};
  words[0].space_after = false;
  words[1].space_after = true;
  DropNoteMarks(&words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_TRUE(words[0].space_after);
}

TEST(PdfNoteMarksTest, LettersWithFootnotesReadWithoutGluedDigits) {
  struct Case {
    const char* fixture;
    std::vector<std::string> phrases;  // in the body, without the mark
    int notes;
  };
  const Case cases[] = {
      {"letters/switzerland-contributions.pdf",
       {"set out in the table below.", "2020 | 36 900 000"},
       2},
      {"letters/cambodia-long.pdf", {"completed in 2019 with"}, 2},
  };
  // A word, then a digit with nothing between: "below.1", "20202" is
  // caught as a digit after a four-digit year below.
  const std::regex glued(R"([A-Za-z]{3,}[.,;:]?[0-9]\b|\b(19|20)[0-9]{3}\b)");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.fixture);
    Extraction e;
    ASSERT_TRUE(ExtractPdf(testing::ReadFileOrDie(testing::Fixture(c.fixture)),
                           ExtractLimits(), &e)
                    .ok());
    std::string body;
    int notes = 0;
    for (const Block& b : e.blocks) {
      // Footnotes are found later (pipeline/footnotes.h); here a note is
      // a block that opens with its number in the lower part of the page.
      if (b.top > 0.8 &&
          std::regex_search(b.text, std::regex("^[0-9] [A-Z]"))) {
        ++notes;
        continue;
      }
      body += b.text + "\n";
      EXPECT_FALSE(std::regex_search(b.text, glued)) << b.text;
    }
    for (const std::string& phrase : c.phrases) {
      EXPECT_NE(body.find(phrase), std::string::npos) << phrase;
    }
    EXPECT_EQ(notes, c.notes);
  }
}

}  // namespace
}  // namespace intake
