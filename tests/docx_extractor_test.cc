// DOCX extraction over the generated fixtures in fixtures/docx (see
// scripts/fixtures/make_docx_cases.py): good documents block by block,
// hostile ones by status, a cross-check against pandoc, and a robustness
// pass over the shared real-document corpus when it is present.
#include "extractors/docx_extractor.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "extractors/xml_doc.h"
#include "extractors/zip_reader.h"
#include "tests/extractor_test_util.h"
#include "tests/pandoc_plain.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::BlockExpectation;
using testing::ExpectBlocks;
using testing::ExpectGoodFixtures;
using testing::ExpectHostile;
using testing::ExpectPandocChunksIn;
using testing::Fixture;
using testing::GoodCase;
using testing::HavePandoc;
using testing::HostileCase;
using testing::JoinedText;
using testing::kBody;
using testing::kBullet;
using testing::kHdrFtr;
using testing::kHead;
using testing::kList;
using testing::kNote;
using testing::kRow;
using testing::PandocChunks;
using testing::PandocDifference;
using testing::ReadFileOrDie;
using testing::RealDocsRun;
using testing::RunPandoc;
using testing::RunRealDocs;
using testing::TextMatch;

Status ExtractFixture(const std::string& name, Extraction* out,
                      const ExtractLimits& limits = ExtractLimits{}) {
  std::string data = ReadFileOrDie(Fixture("docx/" + name));
  return ExtractDocx(data, limits, out);
}

const std::vector<GoodCase>& GoodCases() {
  static const auto* cases = new std::vector<GoodCase>{
      {"basic.docx",
       {{kHead, "", "Mercury and the Minamata Convention", 1},
        {kHead, "", "Background", 1},
        {kBody, "", "We write to comment on the draft guidance."},
        {kHead, "", "Details", 2},
        {kBody, "", "Emissions from artisanal gold mining remain high."},
        {kBody, "", "Yours sincerely,"}}},
      {"numbering.docx",
       {{kHead, "Article 1", "Scope", 1},
        {kList, "1.", "First point"},
        {kList, "(a)", "Sub a"},
        {kList, "(b)", "Sub b"},
        {kList, "(i)", "Sub sub i"},
        {kList, "(ii)", "Sub sub ii"},
        {kList, "(iii)", "Sub sub iii"},
        {kList, "2.", "Second point"},
        {kList, "(a)", "Sub a again"},
        {kList, "3.", "Third point through another num"},
        {kList, "1.", "Restarted list"},
        {kList, kBullet, "Bullet one"},
        {kList, kBullet, "Bullet nested"},
        {kList, "I.", "Roman one"},
        {kList, "II.", "Roman two"},
        {kList, "2.1", "Legal style"},
        {kList, "01.", "Zero padded"},
        {kBody, "", "No label"},
        {kHead, "Article 2", "Definitions", 1}}},
      {"tables.docx",
       {{kBody, "", "Before the table."},
        {kRow, "", "Country | Sector | Tonnes"},
        {kRow, "", "Ghana | Gold mining | 12.5"},
        {kRow, "", "inner 00 | inner 01"},
        {kRow, "", "inner 10 | inner 11"},
        {kRow, "", "Peru | Merged sector | 7"},
        {kRow, "", "Chile |  | 3"},
        {kBody, "", "After the table."}}},
      {"notes.docx",
       {{kBody, "", "Mercury is toxic."},
        {kBody, "", "Amalgam is used in mining."},
        {kBody, "", "See the annex."},
        {kNote, "", "First footnote.\nIts second paragraph."},
        {kNote, "", "Second by id."},
        {kNote, "", "An endnote."}}},
      {"headers.docx",
       {{kHdrFtr, "", "ACME Environmental Trust"},
        {kBody, "", "Body of the first section."},
        {kBody, "", "Body of the second section."},
        {kHdrFtr, "", "Registered charity 12345"},
        {kHdrFtr, "", "Second footer"}}},
      {"runs.docx",
       {{kBody, "", "Name:\tJane\nLine two"},
        {kBody, "", "non-stop recycling"},
        {kBody, "",
         "Dash\xE2\x80\x94"
         "done, 5 \xCE\xBCg"},
        {kBody, "", "Kept inserted"},
        {kBody, "", "Date: 20 May 2021"},
        {kBody, "", "See page 1 and the website"},
        {kBody, "", "Anchor paragraph."},
        {kBody, "", "Boxed text"},
        {kBody, "", "Inside a content control"}}},
      {"altpath.docx",
       {{kHead, "", "Mercury and the Minamata Convention", 1},
        {kHead, "", "Background", 1},
        {kBody, "", "We write to comment on the draft guidance."},
        {kHead, "", "Details", 2},
        {kBody, "", "Emissions from artisanal gold mining remain high."},
        {kBody, "", "Yours sincerely,"}}},
  };
  return *cases;
}

TEST(DocxExtractorTest, GoodFixturesBlockByBlock) {
  ExpectGoodFixtures("docx", ExtractDocx, "docx-xml", GoodCases());
}

TEST(DocxExtractorTest, CoreProperties) {
  Extraction ex;
  ASSERT_TRUE(ExtractFixture("basic.docx", &ex).ok());
  EXPECT_EQ(ex.meta.title, "Submission on mercury");
  EXPECT_EQ(ex.meta.author, "Jane Doe");
  EXPECT_EQ(ex.meta.created, "2021-05-20T10:31:00Z");
}

TEST(DocxExtractorTest, BrokenOptionalPartIsAWarning) {
  Extraction ex;
  Status s = ExtractFixture("broken_footnotes.docx", &ex);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(ex.warnings.size(), 1u);
  EXPECT_NE(ex.warnings[0].find("word/footnotes.xml unreadable: corrupt"),
            std::string::npos)
      << ex.warnings[0];
  ASSERT_EQ(ex.blocks.size(), 4u);  // body plus the endnote
  EXPECT_EQ(ex.blocks[0].text, "Mercury is toxic.");
  EXPECT_EQ(ex.blocks[3].kind, BlockKind::kFootnote);
}

TEST(DocxExtractorTest, HostileAndBrokenFilesFailCleanly) {
  const HostileCase cases[] = {
      {"not_a_zip.docx", Status::Code::kCorrupt, "not a zip archive"},
      {"truncated.docx", Status::Code::kCorrupt, "not a zip archive"},
      {"no_document.docx", Status::Code::kCorrupt,
       "no word/document.xml: not a Word document"},
      {"xxe.docx", Status::Code::kCorrupt,
       "DTD not allowed in word/document.xml"},
      {"billion_laughs.docx", Status::Code::kCorrupt,
       "DTD not allowed in word/document.xml"},
      {"malformed.docx", Status::Code::kCorrupt, "word/document.xml line 2:"},
      {"deep_nesting.docx", Status::Code::kLimitExceeded,
       "nesting deeper than 256"},
      {"zip_bomb.docx", Status::Code::kLimitExceeded, "word/document.xml"},
      {"lying_size.docx", Status::Code::kLimitExceeded, "word/document.xml"},
  };
  ExpectHostile("docx", ExtractDocx, cases);
}

TEST(DocxExtractorTest, ZipBombCaughtByRatioWhenSizeIsAllowed) {
  ExtractLimits limits;
  limits.max_member_bytes = 1LL << 30;
  limits.max_xml_part_bytes = 1LL << 30;
  Extraction ex;
  Status s = ExtractFixture("zip_bomb.docx", &ex, limits);
  EXPECT_EQ(s.code(), Status::Code::kLimitExceeded);
  EXPECT_NE(s.message().find("compression ratio"), std::string::npos)
      << s.ToString();
}

TEST(DocxExtractorTest, XmlPartsHaveTheirOwnSmallerLimit) {
  ExtractLimits limits;
  limits.max_xml_part_bytes = 1000;  // basic.docx's document.xml is ~2 KB
  Extraction ex;
  Status s = ExtractFixture("basic.docx", &ex, limits);
  EXPECT_EQ(s.code(), Status::Code::kLimitExceeded);
  EXPECT_NE(s.message().find("word/document.xml: declared size exceeds "
                             "max_xml_part_bytes"),
            std::string::npos)
      << s.ToString();
  EXPECT_EQ(ExtractLimits{}.max_xml_part_bytes, 64LL << 20);
}

// Shapes that cost memory or quadratic time in earlier versions (see
// make_docx_cases.py). The big ones took 13 to 26 s before the fix and
// take well under one here; a regression shows as a CTest timeout.
struct HostileShapeCase {
  const char* file;
  std::vector<BlockExpectation> blocks;  // text compared as a prefix
  const char* warning_part;              // "" for no warning expected
  size_t max_warnings;
};

TEST(DocxExtractorTest, HostileShapesStayBounded) {
  const HostileShapeCase cases[] = {
      {"long_lvltext.docx",
       {{kBody, "", "Malformed level"},
        // "%2" x 32 at 32767 (clamped from 2^31-1), cut to 64 bytes.
        {kList,
         "3276732767327673276732767327673276732767327673276732767327673276",
         "Long label"},
        {kList, "32767.", "Huge start"},
        {kList, "32768.", "Next"}},
       "has a w:lvlText of 4000 bytes; its paragraphs get no number",
       1},
      {"many_sections.docx",
       {{kHdrFtr, "", "Letterhead"}, {kBody, "", "Body after many sections."}},
       "more than 64 header and footer parts: only the first are read",
       64},  // 63 missing header parts and the cap
      {"open_fields.docx",
       {{kBody, "", "Field result\t\t"}, {kBody, "", "Next paragraph"}},
       "",
       0},
      {"self_styles.docx",
       {{kHead, "", "Mercury and the Minamata Convention", 1}},
       "word/document.xml is the main document part, not read again",
       1},
  };
  for (const HostileShapeCase& c : cases) {
    SCOPED_TRACE(c.file);
    Extraction ex;
    Status s = ExtractFixture(c.file, &ex);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ExpectBlocks(ex.blocks, c.blocks, TextMatch::kPrefix);
    EXPECT_LE(ex.warnings.size(), c.max_warnings);
    if (*c.warning_part != '\0') {
      bool found = false;
      for (const std::string& w : ex.warnings)
        found = found || w.find(c.warning_part) != std::string::npos;
      EXPECT_TRUE(found) << c.warning_part;
    }
  }
}

TEST(DocxExtractorTest, UnderstatedSizeStopsWhileInflating) {
  std::string data = ReadFileOrDie(Fixture("docx/lying_size.docx"));
  std::unique_ptr<ZipReader> zip;
  ASSERT_TRUE(ZipReader::Open(data, &zip).ok());
  ExtractLimits limits;
  limits.max_member_bytes = 1 << 20;
  limits.max_compression_ratio = 1e9;
  std::string member;
  Status s = zip->Read("word/document.xml", limits, &member);
  EXPECT_EQ(s.code(), Status::Code::kLimitExceeded);
  EXPECT_NE(s.message().find("expands past max_member_bytes"),
            std::string::npos)
      << s.ToString();
  EXPECT_TRUE(member.empty());
}

TEST(ZipReaderTest, MembersByNameCaseInsensitiveFallback) {
  std::string data = ReadFileOrDie(Fixture("docx/basic.docx"));
  std::unique_ptr<ZipReader> zip;
  ASSERT_TRUE(ZipReader::Open(data, &zip).ok());
  EXPECT_TRUE(zip->Has("word/document.xml"));
  EXPECT_TRUE(zip->Has("WORD/Document.XML"));
  EXPECT_FALSE(zip->Has("word/missing.xml"));
  std::string text;
  EXPECT_EQ(zip->Read("word/missing.xml", ExtractLimits{}, &text).code(),
            Status::Code::kNotFound);
  ASSERT_TRUE(zip->Read("[Content_Types].xml", ExtractLimits{}, &text).ok());
  EXPECT_NE(text.find("<Types"), std::string::npos);
  ExtractLimits tiny;
  tiny.max_member_bytes = 10;
  EXPECT_EQ(zip->Read("[Content_Types].xml", tiny, &text).code(),
            Status::Code::kLimitExceeded);
}

TEST(ParseXmlTest, Table) {
  struct Case {
    const char* xml;
    Status::Code code;
    const char* message_part;
  };
  const Case cases[] = {
      {"<a><b/></a>", Status::Code::kOk, ""},
      {"<a><b></a>", Status::Code::kCorrupt, "part.xml line 1:"},
      {"", Status::Code::kCorrupt, "part.xml"},
      {"<!DOCTYPE a><a/>", Status::Code::kCorrupt,
       "DTD not allowed in part.xml"},
      {"<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\"><a/>",
       Status::Code::kCorrupt, "DTD not allowed"},
      {"<a><b><c><d/></c></b></a>", Status::Code::kLimitExceeded,
       "deeper than 3"},
  };
  ExtractLimits limits;
  limits.max_xml_depth = 3;
  for (const Case& c : cases) {
    XmlDocPtr doc;
    ::testing::internal::CaptureStderr();
    Status s = ParseXml(c.xml, "part.xml", limits, &doc);
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
    EXPECT_EQ(s.code(), c.code) << c.xml << " -> " << s.ToString();
    EXPECT_NE(s.message().find(c.message_part), std::string::npos)
        << s.ToString();
    EXPECT_EQ(doc != nullptr, s.ok());
  }
}

// The first ParseXml of a run may come from several workers at once.
TEST(ParseXmlTest, ParsesFromManyThreadsAtOnce) {
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int k = 0; k < 8; ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < 50; ++i) {
        XmlDocPtr doc;
        if (!ParseXml("<a><b>text</b></a>", "part.xml", ExtractLimits{}, &doc)
                 .ok())
          ++failures[k];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures, std::vector<int>(8, 0));
}

// --- Cross-check against pandoc: every paragraph pandoc sees, we see too.

// Where pandoc is the one that loses text: it drops a w:sym that gives a
// plain Unicode code point in a symbol font, and the result of simple PAGE
// fields. Each row is a chunk pandoc prints that we rightly print otherwise.
constexpr PandocDifference kPandocDifferences[] = {
    {"runs.docx", "Dashdone, 5 \xCE\xBCg"},
    {"runs.docx", "See and the website"},
};

TEST(DocxExtractorTest, AgreesWithPandoc) {
  if (!HavePandoc()) GTEST_SKIP() << "pandoc not installed";
  for (const GoodCase& c : GoodCases()) {
    SCOPED_TRACE(c.file);
    Extraction ex;
    ASSERT_TRUE(ExtractFixture(c.file, &ex).ok());
    std::string plain = RunPandoc(Fixture("docx/") + c.file);
    EXPECT_FALSE(PandocChunks(plain).empty());
    ExpectPandocChunksIn(JoinedText(ex), plain, c.file, kPandocDifferences);
  }
}

// --- The shared corpus: every file ends in ok or a clear status.

TEST(DocxExtractorTest, RealDocumentsNeverCrash) {
  RealDocsRun run = RunRealDocs("docx", ".docx", ExtractDocx, "docx-xml");
  if (!run.present) GTEST_SKIP() << "no shared real-docs corpus";
  EXPECT_GT(run.files, 0);
}

}  // namespace
}  // namespace intake
