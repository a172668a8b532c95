// RTF extraction over the generated fixtures in fixtures/rtf (see
// scripts/fixtures/make_rtf_cases.py): hand-written edge cases block by
// block, the LibreOffice letters against the DOCX they came from, hostile
// files by status, large hostile inputs built in memory, a cross-check
// against pandoc, and a pass over the shared real-document corpus.
#include "extractors/rtf_extractor.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "extractors/docx_extractor.h"
#include "extractors/registry.h"
#include "tests/extractor_test_util.h"
#include "tests/pandoc_plain.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::Collapse;
using testing::ExpectGoodFixtures;
using testing::ExpectHostile;
using testing::ExpectPandocChunksIn;
using testing::Fixture;
using testing::GoodCase;
using testing::HavePandoc;
using testing::HostileCase;
using testing::kBody;
using testing::kHdrFtr;
using testing::kHead;
using testing::kList;
using testing::kNote;
using testing::kRow;
using testing::PandocDifference;
using testing::ReadFileOrDie;
using testing::RealDocsFailure;
using testing::RealDocsRun;
using testing::RunPandoc;
using testing::RunRealDocs;

Status ExtractFixture(const std::string& name, Extraction* out,
                      const ExtractLimits& limits = ExtractLimits{}) {
  return ExtractRtf(ReadFileOrDie(Fixture("rtf/" + name)), limits, out);
}

const std::vector<GoodCase>& GoodCases() {
  static const auto* cases = new std::vector<GoodCase>{
      {"cp1251.rtf",
       {{kBody, "",
         "\xD0\x9F\xD0\xB8\xD1\x81\xD1\x8C\xD0\xBC\xD0\xBE \xD0\xBE "
         "\xD1\x80\xD1\x82\xD1\x83\xD1\x82\xD0\xB8"},  // Письмо о ртути
        {kBody, "", "Caf\xC3\xA9 in cp1252"}}},
      {"unicode.rtf",
       {{kBody, "", "Gr\xC3\xBCn \xE8\xAB\x90ok"},
        {kBody, "", "\xCE\xBCg"},
        {kBody, "", "\xF0\x9F\x98\x80\xE2\x82\xAC?"},
        {kBody, "", "\xE2\x80\x9C\xE2\x80\x9C"}}},
      {"tables.rtf",
       {{kBody, "", "Before the table."},
        {kRow, "", "Country | Tonnes"},
        {kRow, "", "Ghana | 12.5"},
        {kRow, "", "Outer | Peru"},
        {kRow, "", "inner 00 | inner 01"},
        {kRow, "", "inner 10 | inner 11"},
        {kBody, "", "After the table."}}},
      {"lists.rtf",
       {{kHead, "", "Article 1", 1},
        {kHead, "", "Scope", 2},
        {kHead, "", "Outlined by style", 2},
        {kHead, "", "Outlined directly", 3},
        {kList, "1.", "First point"},
        {kList, "(a)", "Sub a"},
        {kList, "\xE2\x80\xA2", "Bullet"},
        {kBody, "", "No label"}}},
      {"various.rtf",
       {{kHdrFtr, "", "ACME Environmental Trust"},
        {kBody, "", "Name:\tJane\nLine two"},
        {kBody, "",
         "Dash\xE2\x80\x94"
         "done\xE2\x80\x93"
         "5\xC2\xA0\xCE\xBCg"},
        {kBody, "",
         "\xE2\x80\x98single\xE2\x80\x99 \xE2\x80\x9C"
         "double\xE2\x80\x9D \xE2\x80\xA2 non-stop recycling"},
        {kBody, "", "Mercury is toxic."},
        {kBody, "", "Visible text"},
        {kBody, "", "Literal {braces} and \\backslash"},
        {kBody, "", "Last"},
        {kHdrFtr, "", "Registered charity 12345"},
        {kNote, "", "First footnote.\nIts second paragraph."}}},
      {"empty.rtf", {}},
  };
  return *cases;
}

TEST(RtfExtractorTest, GoodFixturesBlockByBlock) {
  ExpectGoodFixtures("rtf", ExtractRtf, "rtf", GoodCases());
}

// Small documents written inline: one behaviour per row, blocks rendered
// as "kind:number:text" joined by " / " (kind b body, h heading, l list,
// r row, n note, f header or footer).
std::string Render(const Extraction& ex) {
  std::string out;
  for (const Block& b : ex.blocks) {
    if (!out.empty()) out += " / ";
    const char* kinds = "bhlrnf";
    out += kinds[static_cast<int>(b.kind)];
    out += ":" + b.number + ":" + b.text;
  }
  return out;
}

TEST(RtfExtractorTest, InlineCases) {
  struct Case {
    const char* rtf;
    const char* blocks;
  } cases[] = {
      // Fields: the instruction is skipped, the result kept.
      {R"({\rtf1 See {\field{\*\fldinst HYPERLINK "x"}{\fldrslt the site}}.\par})",
       "b::See the site."},
      // \upr: the \ud twin is read, the ANSI text is not.
      {R"({\rtf1{\info{\upr{\title Ansi}{\*\ud{\title Uni\u233?}}}}x\par})",
       "b::x"},
      // A stray \* in the middle of a group hides nothing.
      {R"({\rtf1{\b\*\cs7 kept}\par})", "b::kept"},
      // Unknown \* destinations are skipped, unknown plain words ignored.
      {R"({\rtf1 a{\*\foo skipped}{\foo shown}\par})", "b::ashown"},
      // Hidden and deleted text is not shown.
      {R"({\rtf1 a{\v hidden}b{\deleted gone}c\v0 d\par})", "b::abcd"},
      // \pntext numbers, as older writers put them.
      {R"({\rtf1{\pntext 3.\tab}Third\par})", "l:3.:Third"},
      // A font named Symbol is a symbol font whatever its charset says.
      {R"({\rtf1{\fonttbl{\f1\fcharset0 Symbol;}}{\listtext\f1 \'b7\tab}Dot\par})",
       "l:\xE2\x80\xA2:Dot"},
      // \cpg wins over \fcharset; \fcharset1 means the document's code page.
      {R"({\rtf1\ansicpg1251{\fonttbl{\f0\fcharset1 A;}{\f1\fcharset0\cpg1253 B;}}\f0 \'e4{\f1 \'e4}\par})",
       "b::\xD0\xB4\xCE\xB4"},
      // A double-byte code page, lead and trail byte as two escapes.
      {R"({\rtf1\ansicpg932 \'82\'a0\par})", "b::\xE3\x81\x82"},
      // Text after the last brace is still read (with a warning).
      {R"({\rtf1 one\par}} two\par)", "b::one / b::two"},
      // A table left without \row still gives its row before the next text.
      {R"({\rtf1\intbl a\cell b\cell\pard after\par})", "r::a | b / b::after"},
      // A cell's paragraphs become one line; list numbers stay in front.
      {R"({\rtf1\intbl one\par two\cell{\listtext 1.\tab}three\cell\row})",
       "r::one two | 1. three"},
      // Empty rows and blank paragraphs give nothing.
      {R"({\rtf1\intbl \cell \cell\row \par \par})", ""},
      // Endnotes are notes too, after the body; \chftn marks show nothing.
      {R"({\rtf1 a{\chftn}{\footnote\ftnalt{\chftn} End.}\par b\par})",
       "b::a / b::b / n::End."},
      // Headers repeated by every section come once, before the body.
      {R"({\rtf1{\header H\par}x\sect{\header H\par}y\par})",
       "f::H / b::x / b::y"},
      // \line and \tab inside a paragraph; \page and \sect end it.
      {R"({\rtf1 a\line b\tab c\page d\sect e})", "b::a\nb\tc / b::d / b::e"},
  };
  for (const Case& c : cases) {
    Extraction ex;
    Status s = ExtractRtf(c.rtf, ExtractLimits{}, &ex);
    ASSERT_TRUE(s.ok()) << c.rtf << ": " << s.ToString();
    EXPECT_EQ(Render(ex), c.blocks) << c.rtf;
  }
}

TEST(RtfExtractorTest, Metadata) {
  struct Case {
    const char* file;
    const char* title;
    const char* author;
    const char* created;
  } cases[] = {
      {"various.rtf", "Mercury \xE2\x80\x93 a note", "Jane Doe",
       "2021-05-20T10:31:00"},
      {"cambodia-long.rtf",
       "Cambodia \xE2\x80\x93 submission on decision MC-3/8",
       "Ministry of Environment, Kingdom of Cambodia", "2021-09-27T07:30:00"},
      {"honduras-mia-nap.rtf",
       "Honduras \xE2\x80\x93 informaci\xC3\xB3n sobre la decisi\xC3\xB3n "
       "MC-3/8",
       "Secretar\xC3\xAD"
       "a de Recursos Naturales y Ambiente (MiAmbiente+)",
       "2021-08-09T16:00:00"},
      {"tables.rtf", "", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    Extraction ex;
    ASSERT_TRUE(ExtractFixture(c.file, &ex).ok());
    EXPECT_EQ(ex.meta.title, c.title);
    EXPECT_EQ(ex.meta.author, c.author);
    EXPECT_EQ(ex.meta.created, c.created);
    EXPECT_EQ(ex.meta.pages, 0);
  }
}

int Count(const Extraction& ex, BlockKind kind) {
  int n = 0;
  for (const Block& b : ex.blocks) n += b.kind == kind;
  return n;
}

TEST(RtfExtractorTest, CambodiaLetterFromLibreOffice) {
  Extraction ex;
  ASSERT_TRUE(ExtractFixture("cambodia-long.rtf", &ex).ok());
  EXPECT_TRUE(ex.warnings.empty());
  ASSERT_FALSE(ex.blocks.empty());
  // The header once, first; the footer once, before the notes.
  EXPECT_EQ(ex.blocks.front().kind, kHdrFtr);
  EXPECT_EQ(ex.blocks.front().text,
            "Ministry of Environment \xE2\x80\x93 Submission on decision "
            "MC-3/8");
  EXPECT_EQ(Count(ex, kHdrFtr), 2);
  EXPECT_EQ(Count(ex, kHead), 4);
  EXPECT_EQ(Count(ex, kRow), 6);
  EXPECT_EQ(Count(ex, kNote), 2);
  // Footnotes come last, apart from the body.
  size_t n = ex.blocks.size();
  EXPECT_EQ(ex.blocks[n - 2].kind, kNote);
  EXPECT_EQ(ex.blocks[n - 1].kind, kNote);
  EXPECT_EQ(ex.blocks[n - 1].text.rfind("Contact point:", 0), 0u);
  for (const Block& b : ex.blocks) {
    if (b.kind == kBody || b.kind == kList) {
      EXPECT_EQ(b.text.find("initial assessment of Cambodia is available"),
                std::string::npos)
          << "note text leaked into the body";
    }
  }
  // Numbers as rendered, without the tab, in order.
  std::vector<std::string> numbers;
  for (const Block& b : ex.blocks) {
    if (b.kind == kList) numbers.push_back(b.number);
  }
  std::vector<std::string> want = {"1.",  "2.",  "3.",   "4.",    "5.",  "6.",
                                   "(a)", "(i)", "(ii)", "(iii)", "(b)", "(c)",
                                   "7.",  "8.",  "9.",   "10.",   "11.", "12.",
                                   "13.", "(a)", "(b)",  "(c)",   "14."};
  EXPECT_EQ(numbers, want);
  bool found = false;
  for (const Block& b : ex.blocks) {
    if (b.kind == kHead && b.text == "I. Introduction") {
      found = true;
      EXPECT_EQ(b.heading_level, 1);
    }
    if (b.kind == kRow && b.text.rfind("Project | ", 0) == 0) {
      EXPECT_EQ(b.text, "Project | Funding | Agency | Period | Status");
    }
  }
  EXPECT_TRUE(found);
}

// The RTF is LibreOffice's export of the letter's DOCX: body, headings,
// lists, rows and notes must read the same through both extractors.
TEST(RtfExtractorTest, AgreesWithTheDocxItCameFrom) {
  for (const char* letter : {"cambodia-long", "honduras-mia-nap"}) {
    SCOPED_TRACE(letter);
    Extraction rtf;
    Extraction docx;
    ASSERT_TRUE(ExtractFixture(std::string(letter) + ".rtf", &rtf).ok());
    ASSERT_TRUE(
        ExtractDocx(ReadFileOrDie(Fixture("letters/") + letter + ".docx"),
                    ExtractLimits{}, &docx)
            .ok());
    std::vector<const Block*> a;
    std::vector<const Block*> b;
    for (const Block& x : rtf.blocks) {
      if (x.kind != kHdrFtr) a.push_back(&x);
    }
    for (const Block& x : docx.blocks) {
      if (x.kind != kHdrFtr) b.push_back(&x);
    }
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i]->kind, b[i]->kind) << i << ": " << a[i]->text;
      EXPECT_EQ(a[i]->number, b[i]->number) << i << ": " << a[i]->text;
      EXPECT_EQ(a[i]->text, b[i]->text) << i;
      EXPECT_EQ(a[i]->heading_level, b[i]->heading_level) << i;
    }
  }
}

TEST(RtfExtractorTest, SpanishAccents) {
  Extraction ex;
  ASSERT_TRUE(ExtractFixture("honduras-mia-nap.rtf", &ex).ok());
  std::string all;
  for (const Block& b : ex.blocks) all += b.text + "\n";
  for (const char* want :
       {"Se\xC3\xB1ora",
        "Secretar\xC3\xAD"
        "a de Estado",
        "Aprovecho la oportunidad para reiterarle las muestras de mi "
        "m\xC3\xA1s alta consideraci\xC3\xB3n."}) {
    EXPECT_NE(all.find(want), std::string::npos) << want;
  }
  EXPECT_EQ(Count(ex, kNote), 1);
}

// --- Hostile and broken files: a clear status, never a crash.

TEST(RtfExtractorTest, HostileFixtures) {
  const HostileCase cases[] = {
      {"not_rtf.rtf", Status::Code::kCorrupt, "not an RTF document", false},
      {"truncated.rtf", Status::Code::kOk, "truncated RTF: 1 group left open",
       true},
      {"truncated_header.rtf", Status::Code::kCorrupt, "truncated RTF", false},
      {"nesting_bomb.rtf", Status::Code::kLimitExceeded, "nested deeper",
       false},
      {"huge_bin.rtf", Status::Code::kOk, "", true},
      {"bin_past_end.rtf", Status::Code::kOk, "\\bin data cut short", true},
      {"escapes.rtf", Status::Code::kOk, "", true},
      {"garbage.rtf", Status::Code::kOk, "truncated RTF", true},
  };
  ExpectHostile("rtf", ExtractRtf, cases);
}

TEST(RtfExtractorTest, TruncatedKeepsWhatWasRead) {
  Extraction ex;
  ASSERT_TRUE(ExtractFixture("truncated.rtf", &ex).ok());
  EXPECT_EQ(ex.meta.author, "Ministry of Environment, Kingdom of Cambodia");
  EXPECT_GE(Count(ex, kList), 3);
}

TEST(RtfExtractorTest, HugeBinDataIsNotText) {
  Extraction ex;
  ASSERT_TRUE(ExtractFixture("huge_bin.rtf", &ex).ok());
  ASSERT_EQ(ex.blocks.size(), 1u);
  EXPECT_EQ(ex.blocks[0].text, "After the picture.");
}

TEST(RtfExtractorTest, DepthLimitComesFromTheLimits) {
  std::string doc = "{\\rtf1 {{{{{{deep}}}}}} text\\par}";
  Extraction ok;
  EXPECT_TRUE(ExtractRtf(doc, ExtractLimits{}, &ok).ok());
  ExtractLimits tight;
  tight.max_xml_depth = 4;
  Extraction ex;
  EXPECT_EQ(ExtractRtf(doc, tight, &ex).code(), Status::Code::kLimitExceeded);
  EXPECT_TRUE(ex.blocks.empty());
}

// Large hostile inputs, built here rather than committed. Each must end
// quickly: a quadratic step would take minutes on 10 MB.
TEST(RtfExtractorTest, LargeHostileInputsStayLinear) {
  constexpr size_t kMiB = 1 << 20;
  struct Case {
    const char* name;
    std::string data;
    Status::Code code;
  };
  std::string hex;
  for (size_t i = 0; i < 2 * kMiB; ++i) hex += "\\'e9";
  std::string pars;
  for (size_t i = 0; i < kMiB; ++i) pars += "x\\par ";
  std::string groups;
  for (size_t i = 0; i < kMiB; ++i) groups += "{\\b x}";
  std::string units;
  for (size_t i = 0; i < kMiB; ++i) units += "\\u-1\\u99999999 ";
  std::string notes;
  for (size_t i = 0; i < 100000; ++i) notes += "{\\footnote n\\par}";
  std::string cells;
  for (size_t i = 0; i < kMiB; ++i) cells += "\\intbl c\\cell ";
  Case cases[] = {
      {"10 MB nesting bomb", "{\\rtf1 " + std::string(10 * kMiB, '{'),
       Status::Code::kLimitExceeded},
      {"5 MB \\bin",
       "{\\rtf1 {\\pict\\bin5242880 " + std::string(5 * kMiB, '{') +
           "}after\\par}",
       Status::Code::kOk},
      {"endless \\'hh", "{\\rtf1\\ansi " + hex + "}", Status::Code::kOk},
      {"many paragraphs", "{\\rtf1 " + pars + "}", Status::Code::kOk},
      {"many groups", "{\\rtf1 " + groups + "}", Status::Code::kOk},
      {"bad \\u values", "{\\rtf1 " + units + "}", Status::Code::kOk},
      {"huge \\uc",
       "{\\rtf1 \\uc2147483647\\u65 " + std::string(kMiB, 'x') + "{y}}",
       Status::Code::kOk},
      {"many footnotes", "{\\rtf1 " + notes + "}", Status::Code::kOk},
      {"one endless row", "{\\rtf1 " + cells + "}", Status::Code::kOk},
      {"long control word", "{\\rtf1 \\" + std::string(kMiB, 'a') + "}",
       Status::Code::kOk},
      {"endless digits", "{\\rtf1 \\u" + std::string(kMiB, '9') + "}",
       Status::Code::kOk},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto start = std::chrono::steady_clock::now();
    Extraction ex;
    Status s = ExtractRtf(c.data, ExtractLimits{}, &ex);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    EXPECT_EQ(s.code(), c.code) << s.ToString();
    EXPECT_LT(seconds, 10.0);
  }
}

TEST(RtfExtractorTest, RegistryRoutesRtf) {
  Extraction ex;
  ASSERT_TRUE(ExtractDocument(Format::kRtf,
                              ReadFileOrDie(Fixture("rtf/cp1251.rtf")),
                              ExtractLimits{}, &ex)
                  .ok());
  EXPECT_EQ(ex.blocks.size(), 2u);
}

// --- Cross-check against pandoc: every chunk pandoc sees, we see too.

// pandoc writes a non-breaking space as a plain one.
std::string WithPlainSpaces(const std::string& text) {
  return std::regex_replace(text, std::regex("\xC2\xA0"), " ");
}

// Where pandoc is the one that errs. Each row is a chunk pandoc prints
// that we rightly print otherwise.
constexpr PandocDifference kPandocDifferences[] = {
    // pandoc decodes \'hh by \ansicpg only, not by the font's \fcharset204.
    {"cp1251.rtf",
     "\xC3\x8F\xC3\xA8\xC3\xB1\xC3\xBC\xC3\xAC\xC3\xAE \xC3\xAE "
     "\xC3\xB0\xC3\xB2\xC3\xB3\xC3\xB2\xC3\xA8"},
    // pandoc runs the cells of a nested table together.
    {"tables.rtf", "inner 00inner 01inner 10inner 11"},
    // pandoc shows a Symbol-font bullet as the Latin-1 byte, a middle dot.
    {"lists.rtf", "\xC2\xB7 Bullet"},
};

TEST(RtfExtractorTest, AgreesWithPandoc) {
  if (!HavePandoc()) GTEST_SKIP() << "pandoc not installed";
  for (const char* file : {"cambodia-long.rtf", "honduras-mia-nap.rtf",
                           "cp1251.rtf", "tables.rtf", "lists.rtf"}) {
    SCOPED_TRACE(file);
    Extraction ex;
    ASSERT_TRUE(ExtractFixture(file, &ex).ok());
    std::string ours;
    for (const Block& b : ex.blocks) ours += " " + b.number + " " + b.text;
    std::string plain = RunPandoc(Fixture("rtf/") + file, "rtf");
    if (plain.empty()) continue;  // pandoc could not read it
    ExpectPandocChunksIn(Collapse(WithPlainSpaces(ours)),
                         WithPlainSpaces(plain), file, kPandocDifferences);
  }
}

// --- The shared corpus: every file ends in ok or a clear status.

TEST(RtfExtractorTest, RealDocumentsNeverCrash) {
  RealDocsRun run = RunRealDocs("rtf", "", ExtractRtf, "rtf");
  if (!run.present) GTEST_SKIP() << "no shared real-docs corpus";
  for (const RealDocsFailure& f : run.failures) {
    std::printf("  %s: %s\n", f.file.c_str(), f.status.ToString().c_str());
  }
  std::printf("  real-docs rtf: %d of %d ok\n", run.ok, run.files);
  EXPECT_GT(run.files, 0);
  EXPECT_GE(run.ok, run.files - 1)
      << "only pandoc's headerless fragment may fail";
}

}  // namespace
}  // namespace intake
