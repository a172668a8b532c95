#include "extractors/pdf_extractor.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

#include "extractors/pdf_columns.h"
#include "extractors/pdf_layout.h"
#include "tests/pdf_test_words.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::W;

TEST(PdfLayoutTest, WordsOfOneBaselineMakeOneLineLeftToRight) {
  // Poppler may hand table cells column by column; lines go by position.
  std::vector<PdfWord> words = {W("2019", 300, 100, 330, 112),
                                W("GEF", 100, 100, 130, 112),
                                W("Next", 100, 120, 130, 132)};
  std::vector<PdfLine> lines = GroupLines(words);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "GEF 2019");
  EXPECT_EQ(lines[1].text, "Next");
}

TEST(PdfLayoutTest, ArabicLinesReadRightToLeft) {
  // "وزارة البيئة" set right to left: the first word is the rightmost.
  std::vector<PdfWord> words = {
      W("\u0627\u0644\u0628\u064a\u0626\u0629", 100, 100, 150, 112),
      W("\u0648\u0632\u0627\u0631\u0629", 160, 100, 200, 112),
      W("2021", 60, 100, 90, 112)};
  std::vector<PdfLine> lines = GroupLines(words);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text,
            "\u0648\u0632\u0627\u0631\u0629 "
            "\u0627\u0644\u0628\u064a\u0626\u0629 2021");
  EXPECT_EQ(lines[0].x0, 60);
  EXPECT_EQ(lines[0].x1, 200);
}

TEST(PdfLayoutTest, ChineseWordsJoinWithoutSpaces) {
  std::vector<PdfWord> words = {W("\u6c5e\u7684", 100, 100, 124, 112),
                                W("\u6c34\u4fe3", 126, 100, 150, 112),
                                W("Minamata", 160, 100, 210, 112)};
  std::vector<PdfLine> lines = GroupLines(words);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "\u6c5e\u7684\u6c34\u4fe3 Minamata");
}

TEST(PdfLayoutTest, BlocksSplitAtGapsShortLinesAndNumbers) {
  std::vector<PdfLine> lines = {
      {"A full line of text that runs to the right", 72, 100, 540, 112, 12},
      {"margin and goes on.", 72, 114, 300, 126, 12},
      {"After a short line a new block starts here and", 72, 128, 540, 140, 12},
      {"1. A numbered paragraph starts a new block", 72, 142, 540, 154, 12},
      {"and continues here to the right margin fully", 72, 156, 540, 168, 12},
      {"after a wide gap", 72, 200, 540, 212, 12},
  };
  TextGeometry g = MeasureText({lines});
  std::vector<Block> blocks = GroupBlocks(lines, 3, 792, g);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].text,
            "A full line of text that runs to the right\nmargin and goes on.");
  EXPECT_EQ(blocks[1].text, "After a short line a new block starts here and");
  EXPECT_EQ(blocks[2].text.substr(0, 2), "1.");
  EXPECT_EQ(blocks[3].text, "after a wide gap");
  EXPECT_EQ(blocks[0].page, 3);
  EXPECT_NEAR(blocks[0].top, 100.0 / 792, 1e-9);
}

// A page of two columns of 30 lines, words 40pt wide, a centred title.
std::vector<PdfWord> TwoColumnPage(double gutter) {
  std::vector<PdfWord> words;
  words.push_back(W("Title", 250, 50, 300, 62));
  words.push_back(W("spanning", 305, 50, 360, 62));
  for (int line = 0; line < 30; ++line) {
    double y = 100 + 14 * line;
    for (int i = 0; i < 5; ++i) {
      double x = 72 + 45 * i;
      words.push_back(W("left", x, y, x + 40, y + 12));
      words.push_back(
          W("right", x + 225 + gutter, y, x + 265 + gutter, y + 12));
    }
  }
  words.push_back(W("sideways", 20, 300, 32, 400));
  words.back().rotated = true;
  return words;
}

TEST(PdfColumnsTest, TwoColumnsReadColumnByColumn) {
  std::vector<std::vector<PdfWord>> groups = SplitColumns(TwoColumnPage(20));
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].size(), 2u);  // the title
  for (const PdfWord& w : groups[1]) EXPECT_EQ(w.text, "left");
  for (const PdfWord& w : groups[2]) EXPECT_EQ(w.text, "right");
  EXPECT_EQ(groups[3].front().text, "sideways");
}

TEST(PdfColumnsTest, NoGutterMeansOneColumn) {
  // Right words start where the left ones end: no gutter.
  std::vector<std::vector<PdfWord>> groups = SplitColumns(TwoColumnPage(-43));
  EXPECT_EQ(groups.size(), 2u);  // the page and the sideways word
}

TEST(PdfColumnsTest, NarrowTableCellsAreNotColumns) {
  std::vector<PdfWord> words;
  for (int row = 0; row < 30; ++row) {
    double y = 100 + 14 * row;
    words.push_back(W("2019", 72, y, 100, y + 12));
    words.push_back(W("USD", 400, y, 430, y + 12));
  }
  EXPECT_EQ(SplitColumns(words).size(), 1u);
}

std::string AllText(const Extraction& e) {
  std::string all;
  for (const Block& b : e.blocks) all += b.text + "\n";
  return all;
}

TEST(PdfExtractorTest, LetterTextAndMetadata) {
  std::string data =
      testing::ReadFileOrDie(testing::Fixture("letters/samoa-needs.pdf"));
  Extraction e;
  ASSERT_TRUE(ExtractPdf(data, ExtractLimits(), &e).ok());
  EXPECT_EQ(e.meta.pages, 2);
  EXPECT_EQ(e.meta.extraction, "poppler-text");
  EXPECT_FALSE(e.meta.title.empty());
  EXPECT_EQ(e.meta.created.substr(0, 10), "2021-07-02");
  std::string all = AllText(e);
  EXPECT_NE(all.find("Dear Ms. Stankiewicz,"), std::string::npos);
  EXPECT_NE(all.find("Yours sincerely,"), std::string::npos);
  EXPECT_EQ(e.blocks.front().page, 1);
  EXPECT_EQ(e.blocks.back().page, 2);
}

// Cross-check with pdftotext: every word it finds, we find too.
TEST(PdfExtractorTest, SameWordsAsPdftotext) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "pdftotext not installed";
  }
  for (const char* name :
       {"letters/samoa-needs.pdf", "letters/cambodia-long.pdf",
        "letters/bcrc-caribbean-training.pdf",
        "letters/switzerland-contributions.pdf",
        "letters/ghana-technology-transfer.pdf"}) {
    std::string path = testing::Fixture(name);
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(
        popen(("pdftotext -enc UTF-8 '" + path + "' -").c_str(), "r"), pclose);
    ASSERT_TRUE(pipe);
    std::string reference;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe.get())) > 0)
      reference.append(buf, n);

    Extraction e;
    ASSERT_TRUE(
        ExtractPdf(testing::ReadFileOrDie(path), ExtractLimits(), &e).ok());
    std::map<std::string, int> ours;
    std::istringstream our_words(AllText(e));
    for (std::string w; our_words >> w;) ++ours[w];
    std::istringstream their_words(reference);
    int total = 0, missing = 0;
    for (std::string w; their_words >> w;) {
      ++total;
      if (ours[w]-- <= 0) ++missing;
    }
    EXPECT_GT(total, 200) << name;
    EXPECT_LE(missing, total / 50) << name << ": " << missing << " of " << total
                                   << " pdftotext words not found";
  }
}

TEST(PdfExtractorTest, BrokenFiles) {
  struct Case {
    const char* fixture;
    Status::Code code;
    const char* message;
  } cases[] = {
      {"broken/truncated.pdf", Status::Code::kCorrupt, "damaged or truncated"},
      {"broken/encrypted-user-password.pdf", Status::Code::kEncrypted,
       "password protected"},
      {"broken/random-bytes.bin", Status::Code::kCorrupt, "not a readable PDF"},
  };
  for (const Case& c : cases) {
    Extraction e;
    Status s = ExtractPdf(testing::ReadFileOrDie(testing::Fixture(c.fixture)),
                          ExtractLimits(), &e);
    EXPECT_EQ(s.code(), c.code) << c.fixture;
    EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
  }
}

TEST(PdfExtractorTest, OwnerPasswordOnlyIsReadable) {
  Extraction e;
  Status s = ExtractPdf(testing::ReadFileOrDie(testing::Fixture(
                            "broken/encrypted-owner-only.pdf")),
                        ExtractLimits(), &e);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(e.blocks.empty());
}

TEST(PdfExtractorTest, PageLimit) {
  ExtractLimits limits;
  limits.max_pages = 1;
  Extraction e;
  Status s = ExtractPdf(
      testing::ReadFileOrDie(testing::Fixture("letters/samoa-needs.pdf")),
      limits, &e);
  EXPECT_EQ(s.code(), Status::Code::kLimitExceeded);
  EXPECT_NE(s.message().find("2 pages"), std::string::npos) << s.message();
}

// Every prefix of a real PDF: never a crash, always a status.
TEST(PdfExtractorTest, TruncationsNeverCrash) {
  std::string data = testing::ReadFileOrDie(
      testing::Fixture("letters/ghana-technology-transfer.pdf"));
  for (size_t cut = 0; cut < data.size(); cut += data.size() / 23 + 1) {
    Extraction e;
    Status s =
        ExtractPdf(std::string_view(data).substr(0, cut), ExtractLimits(), &e);
    if (!s.ok()) {
      EXPECT_EQ(s.code(), Status::Code::kCorrupt) << cut;
    }
  }
}

}  // namespace
}  // namespace intake
