// The text-quality gate of PDF pages, and OCR of scanned letters: image-only
// PDFs made from a committed letter (scripts/fixtures/make_scan_cases.py)
// must read back as the letter's own text.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "extractors/ocr_margins.h"
#include "extractors/pdf_extractor.h"
#include "extractors/pdf_text_quality.h"
#include "pipeline/normalize.h"
#include "pipeline/segment.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

struct GateCase {
  const char* name;
  std::string text;
  PageTextVerdict verdict;
};

TEST(PdfTextQualityTest, GateJudgesPageText) {
  const std::string paragraph =
      "The Government of Samoa has the honour to submit its needs for "
      "technical assistance under Article 14 of the Minamata Convention.";
  const std::vector<GateCase> cases = {
      {"empty page", "", PageTextVerdict::kNoText},
      {"page number and stamp", "  12  \n RECEIVED 2021 ",
       PageTextVerdict::kNoText},
      {"private-use glyphs", Repeat("\xEE\x80\x81", 40),  // U+E001
       PageTextVerdict::kUnmappedGlyphs},
      {"replacement characters among words",
       paragraph + " " + Repeat("\xEF\xBF\xBD", 30),  // U+FFFD
       PageTextVerdict::kUnmappedGlyphs},
      {"consonant garbage", "xkcd qwrtz pfft bcdf ghjk lmnp qrst vwxz bcd",
       PageTextVerdict::kNotWords},
      {"symbol garbage", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~!\"#$%&'()*+",
       PageTextVerdict::kNotWords},
      {"normal paragraph", paragraph, PageTextVerdict::kOk},
      {"table of figures", "2019 2020 2021 12.5 13.0 14.2 100 200 300 400",
       PageTextVerdict::kOk},
      {"Chinese text", "汞的水俣公约缔约方大会第四次会议决定设立技术援助方案。",
       PageTextVerdict::kOk},
      {"Russian text", "Правительство Российской Федерации имеет честь",
       PageTextVerdict::kOk},
  };
  for (const GateCase& c : cases) {
    EXPECT_EQ(PageTextVerdictName(JudgePageText(c.text)),
              PageTextVerdictName(c.verdict))
        << c.name;
  }
}

// Lower-case words of four letters or more (ASCII letters; other bytes
// end a word), as a set.
std::set<std::string> LongWords(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  for (char ch : text + " ") {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
      word += static_cast<char>(ch | 0x20);
      continue;
    }
    if (word.size() >= 4) words.insert(word);
    word.clear();
  }
  return words;
}

std::string TextOf(const Extraction& e, int max_page) {
  std::string text;
  for (const Block& b : e.blocks) {
    if (b.page <= max_page) text += b.text + "\n";
  }
  return text;
}

struct ScanCase {
  const char* fixture;
  int pages;  // of the original letter, in the scan
};

// One OCR per fixture: each takes a second or two.
TEST(PdfOcrTest, ScannedLettersReadBackAsTheirText) {
  Extraction original;
  ASSERT_TRUE(ExtractPdf(testing::ReadFileOrDie(
                             testing::Fixture("letters/samoa-needs.pdf")),
                         ExtractLimits(), &original)
                  .ok());
  EXPECT_TRUE(original.meta.ocr_pages.empty()) << "a text PDF is not OCRed";
  EXPECT_EQ(original.meta.extraction, "poppler-text");
  const std::vector<ScanCase> cases = {
      {"scans/samoa-needs-scan.pdf", 2},
      {"scans/samoa-needs-rotated90.pdf", 1},
      {"scans/samoa-needs-rotated180.pdf", 1},
      {"scans/samoa-needs-skewed.pdf", 1},
  };
  // Turned or crooked, a page reads as well as upright.
  double upright_recall = -1;
  double upright_confidence = -1;
  for (const ScanCase& c : cases) {
    SCOPED_TRACE(c.fixture);
    Extraction e;
    ASSERT_TRUE(ExtractPdf(testing::ReadFileOrDie(testing::Fixture(c.fixture)),
                           ExtractLimits(), &e)
                    .ok());
    EXPECT_EQ(e.meta.extraction, "ocr");
    ASSERT_EQ(e.meta.ocr_pages.size(), static_cast<size_t>(c.pages));
    for (const PageOcr& page : e.meta.ocr_pages) {
      EXPECT_EQ(page.reason, "no_text");
      EXPECT_GT(page.confidence, 0.6);
    }
    std::string text = TextOf(e, c.pages);
    for (const char* phrase :
         {"Samoa", "Minamata Convention on Mercury", "sphygmomanometers"}) {
      EXPECT_NE(text.find(phrase), std::string::npos) << phrase;
    }
    std::set<std::string> want = LongWords(TextOf(original, c.pages));
    std::set<std::string> got = LongWords(text);
    int found = 0;
    for (const std::string& w : want) found += got.count(w);
    double recall = static_cast<double>(found) / want.size();
    EXPECT_GE(recall, 0.85) << found << " of " << want.size();
    std::printf("%s: recall %.3f (%d of %zu words)\n", c.fixture, recall, found,
                want.size());
    if (upright_recall < 0) {
      upright_recall = recall;
      upright_confidence = e.meta.ocr_pages[0].confidence;
    }
    EXPECT_GE(recall, upright_recall - 0.02);
    EXPECT_GE(e.meta.ocr_pages[0].confidence, upright_confidence - 0.02);
    ASSERT_FALSE(e.blocks.empty());
    for (const Block& b : e.blocks) {
      EXPECT_GE(b.ocr_confidence, 0) << b.text;
      EXPECT_LE(b.ocr_confidence, 1) << b.text;
    }
    if (c.pages == 2) {
      EXPECT_NE(text.find("laboratory"), std::string::npos);
      std::vector<Passage> passages = Segment(NormalizeBlocks(e.blocks));
      ASSERT_FALSE(passages.empty());
      for (const Passage& p : passages) {
        EXPECT_GE(p.ocr_confidence, 0) << p.text;
      }
    }
  }
}

// Tesseract's layout analysis drops a number alone at the left margin
// ("2." a hanging indent away from its text) and misreads some ("1." as
// "L"); the margin pass reads them again. Every numbered paragraph of the
// scanned letters must carry its number once, as in the text PDF.
TEST(PdfOcrTest, ParagraphNumbersAtTheMarginAreRead) {
  struct Case {
    const char* fixture;
    std::vector<std::string> numbers;  // in order
  } cases[] = {
      {"scans/samoa-needs-scan.pdf",
       {"1.", "2.", "3.", "(a)", "(b)", "(c)", "(d)", "4.", "5.", "6."}},
      {"scans/samoa-needs-rotated180.pdf", {"1.", "2.", "3.", "(a)"}},
      {"scans/samoa-needs-rotated90.pdf", {"1.", "2.", "3.", "(a)"}},
      {"scans/honduras-mia-nap-scan.pdf",
       {"1.", "2.", "(a)", "(b)", "(c)", "3.", "4.", "5.", "(a)", "(b)", "(c)",
        "6."}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.fixture);
    Extraction e;
    ASSERT_TRUE(ExtractPdf(testing::ReadFileOrDie(testing::Fixture(c.fixture)),
                           ExtractLimits(), &e)
                    .ok());
    std::vector<std::string> numbers;
    for (const Passage& p : Segment(NormalizeBlocks(e.blocks))) {
      if (p.number.empty()) continue;
      numbers.push_back(p.number);
      // Not "3. 3.": a number Tesseract did read is not added again.
      EXPECT_FALSE(p.text.starts_with(p.number + " " + p.number)) << p.text;
    }
    EXPECT_EQ(numbers, c.numbers);
  }
}

TEST(PdfOcrTest, MarginNumbersAreThoseOfParagraphsAndLists) {
  struct Case {
    const char* text;
    bool number;
  } cases[] = {
      {"2.", true},   {"12.", true},  {"3)", true},     {"(a)", true},
      {"b)", true},   {"(iv)", true}, {"iv.", true},    {"(12)", true},
      {"2", false},   {"L", false},   {"1234.", false}, {"(ab)", false},
      {"a.b", false}, {"", false},    {"..", false},    {"(a", false},
      {"y)", false},  {"(z)", false}, {"p)", true},     {"(x)", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsMarginNumber(c.text), c.number) << c.text;
  }
}

// The words of `text` (split at spaces, punctuation trimmed), or for
// Chinese its characters, as a set.
std::set<std::string> Units(const std::string& text, bool characters) {
  std::set<std::string> units;
  if (characters) {
    for (size_t i = 0; i < text.size();) {
      size_t n = 1;
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c >= 0xF0)
        n = 4;
      else if (c >= 0xE0)
        n = 3;
      else if (c >= 0xC0)
        n = 2;
      if (n == 3) units.insert(text.substr(i, n));  // the CJK ideographs
      i += n;
    }
    units.erase("\u3002");
    units.erase("\u3001");
    return units;
  }
  std::string word;
  auto flush = [&] {
    while (!word.empty() &&
           std::string(".,:;").find(word.back()) != std::string::npos) {
      word.pop_back();
    }
    if (word.size() > 2) units.insert(word);
    word.clear();
  };
  for (char ch : text) {
    if (ch == ' ' || ch == '\n') {
      flush();
    } else {
      word += ch;
    }
  }
  flush();
  return units;
}

// Letters in Arabic, Russian and Chinese characters, scanned
// (scripts/fixtures/make_script_scans.py): the page's script picks the
// language data, so each reads back as its text.
TEST(PdfOcrTest, NonLatinScansAreReadWithTheirScriptsLanguage) {
  struct Case {
    const char* name;
    bool characters;
    double min_recall;
  } cases[] = {
      {"arabic-letter-scan", false, 0.85},
      {"russian-letter-scan", false, 0.9},
      {"chinese-letter-scan", true, 0.85},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string base = std::string("scans/") + c.name;
    Extraction e;
    ASSERT_TRUE(
        ExtractPdf(testing::ReadFileOrDie(testing::Fixture(base + ".pdf")),
                   ExtractLimits(), &e)
            .ok());
    ASSERT_EQ(e.meta.ocr_pages.size(), 1u);
    std::set<std::string> want = Units(
        testing::ReadFileOrDie(testing::Fixture(base + ".txt")), c.characters);
    std::string text;
    for (const Passage& p : Segment(NormalizeBlocks(e.blocks))) {
      text += p.text + "\n";
    }
    std::set<std::string> got = Units(text, c.characters);
    int found = 0;
    for (const std::string& w : want) found += got.count(w);
    double recall = static_cast<double>(found) / want.size();
    EXPECT_GE(recall, c.min_recall) << found << " of " << want.size();
    std::printf("%s: recall %.3f (%d of %zu)\n", c.name, recall, found,
                want.size());
  }
}

// A short paragraph scanned upside down, from another project's tests:
// OSD finds it turned but is unsure (confidence about 2), and Tesseract
// alone read it as upside-down letters ("oseoed paule]uoJ", confidence
// 0.44). Read both ways, the page reads as well as when it is sideways.
TEST(PdfOcrTest, RealPagesTurnedAnyWayReadAlike) {
  std::string corpus = testing::RealDocsDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/real-docs not present";
  for (const char* turn : {"90", "180", "270"}) {
    SCOPED_TRACE(turn);
    Extraction e;
    ASSERT_TRUE(
        ExtractPdf(
            testing::ReadFileOrDie(
                corpus + "/pdf/docling-project__docling__ocr_test_rotated_" +
                turn + ".pdf"),
            ExtractLimits(), &e)
            .ok());
    ASSERT_EQ(e.meta.ocr_pages.size(), 1u);
    EXPECT_GT(e.meta.ocr_pages[0].confidence, 0.9);
    EXPECT_NE(TextOf(e, 1).find("Docling bundles PDF document conversion"),
              std::string::npos)
        << TextOf(e, 1);
  }
}

TEST(PdfOcrTest, PagesBeyondTheLimitAreNotOcred) {
  ExtractLimits limits;
  limits.max_ocr_pages = 0;
  Extraction e;
  ASSERT_TRUE(ExtractPdf(testing::ReadFileOrDie(testing::Fixture(
                             "scans/samoa-needs-rotated90.pdf")),
                         limits, &e)
                  .ok());
  EXPECT_TRUE(e.blocks.empty());
  EXPECT_TRUE(e.meta.ocr_pages.empty());
  EXPECT_EQ(e.meta.extraction, "poppler-text");
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_NE(e.warnings[0].find("not OCRed"), std::string::npos);
}

}  // namespace
}  // namespace intake
