// ODT extraction over the generated fixtures in fixtures/odt (see
// scripts/fixtures/make_odt_cases.py): hand-written documents block by
// block, LibreOffice conversions of the letters against the DOCX reader on
// their sources, hostile files by status, a cross-check against pandoc, and
// a robustness pass over the shared real-document corpus when present.
#include "extractors/odt_extractor.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extractors/docx_extractor.h"
#include "extractors/odt_styles.h"
#include "pipeline/identify.h"
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
using testing::JoinedText;
using testing::kBody;
using testing::kBullet;
using testing::kHdrFtr;
using testing::kHead;
using testing::kList;
using testing::kNote;
using testing::kRow;
using testing::ReadFileOrDie;
using testing::RealDocsFailure;
using testing::RealDocsRun;
using testing::RunPandoc;
using testing::RunRealDocs;

Status ExtractFixture(const std::string& name, Extraction* out) {
  return ExtractOdt(ReadFileOrDie(Fixture("odt/" + name)), ExtractLimits{},
                    out);
}

const std::vector<GoodCase>& GoodCases() {
  static const auto* cases = new std::vector<GoodCase>{
      {"basic.odt",
       {{kHead, "1.", "Background", 1},
        {kBody, "", "We write to comment on the draft guidance."},
        {kHead, "1.1", "Details", 2},
        {kBody, "", "Emissions from artisanal gold mining remain high."},
        {kHead, "1.2", "More details", 2},
        {kHead, "2.", "Annex", 1},
        {kHead, "", "Unnumbered heading", 1},
        {kBody, "", "Yours sincerely,"}}},
      {"lists.odt",
       {{kHead, "", "Lists", 1},
        {kList, "1.", "First point"},
        {kList, "(a)", "Sub a"},
        {kList, "(b)", "Sub b"},
        {kList, "(i)", "Sub sub i"},
        {kList, "(ii)", "Sub sub ii"},
        {kList, "2.", "Second point"},
        {kList, "(a)", "Sub a again"},
        {kList, "3.", "Third point"},
        {kBody, "", "Its second paragraph."},
        {kBody, "", "Interrupting paragraph."},
        {kList, "4.", "Fourth point continued"},
        {kList, "1.", "Restarted list"},
        {kList, "5.", "Fifth point via continue-list"},
        {kList, "10.", "Tenth by start value"},
        {kList, "11.", "Eleventh"},
        {kList, "2.", "After an empty item"},
        {kList, kBullet, "Bullet one"},
        {kList, kBullet, "Bullet nested"},
        {kList, "1.", "Legal one"},
        {kList, "1.1", "Legal one point one"},
        {kList, "1.2", "Legal one point two"},
        {kBody, "", "No number here"},
        {kList, "IV.", "Roman four"},
        {kList, "A)", "Letter A"},
        {kList, "B)", "Letter B"},
        {kList, "V.", "Roman five"},
        {kBody, "", "A list header"},
        {kList, "1.", "Numbered after header"},
        {kList, "1.", "Style from the paragraph"}}},
      {"spaces.odt",
       {{kBody, "", "Name:\tJane\nLine two"},
        {kBody, "", "Three   spaces"},
        {kBody, "", "Collapsed white space"},
        {kBody, "", "a b"},
        {kBody, "", "Before after"},
        {kBody, "", "Kept text"},
        {kBody, "", "Kept inserted text."},
        {kBody, "", "Anchor paragraph."},
        {kBody, "", "Boxed text"},
        {kBody, "", "Page 1"}}},
      // text:c="1000000000": capped, not a gigabyte of spaces.
      {"wide_space.odt", {{kBody, "", "Wide" + std::string(64, ' ') + "gap"}}},
      {"tables.odt",
       {{kBody, "", "Before the table."},
        {kRow, "", "Country | Sector | Tonnes"},
        {kRow, "", "Ghana | Gold mining | 12.5"},
        {kRow, "", "inner 00 | inner 01"},
        {kRow, "", "inner 10 | inner 11"},
        {kRow, "", "Peru | Merged sector"},
        {kRow, "", "Chlor-alkali | 7"},
        {kBody, "", "After the table."}}},
      {"notes.odt",
       {{kBody, "", "Mercury is toxic."},
        {kBody, "", "Amalgam is used in mining."},
        {kBody, "", "See the annex."},
        {kNote, "", "First footnote.\nIts second paragraph."},
        {kNote, "", "Second footnote."},
        {kNote, "", "An endnote."}}},
      {"headers.odt",
       {{kHdrFtr, "", "ACME Environmental Trust"},
        {kBody, "", "Body of the first section."},
        {kBody, "", "Body of the second section."},
        {kHdrFtr, "", "Registered charity 12345"},
        {kHdrFtr, "", "Second footer"}}},
      {"template.ott", {{kBody, "", "A letter template."}}},
      {"compressed_mimetype.odt", {{kBody, "", "A letter template."}}},
  };
  return *cases;
}

TEST(OdtExtractorTest, GoodFixturesBlockByBlock) {
  ExpectGoodFixtures("odt", ExtractOdt, "odt-xml", GoodCases());
}

TEST(OdtExtractorTest, MetadataPrefersTheInitialCreator) {
  Extraction ex;
  ASSERT_TRUE(ExtractFixture("basic.odt", &ex).ok());
  EXPECT_EQ(ex.meta.title, "Submission on mercury");
  EXPECT_EQ(ex.meta.author, "Jane Doe");  // not dc:creator, the last editor
  EXPECT_EQ(ex.meta.created, "2021-05-20T10:31:00");
  Extraction plain;
  ASSERT_TRUE(ExtractFixture("notes.odt", &plain).ok());
  EXPECT_EQ(plain.meta.author, "Fixture Author");  // dc:creator fallback
}

TEST(OdtExtractorTest, BrokenStylesAreAWarning) {
  Extraction ex;
  Status s = ExtractFixture("broken_styles.odt", &ex);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(ex.warnings.size(), 1u);
  EXPECT_NE(ex.warnings[0].find("styles.xml unreadable: corrupt"),
            std::string::npos)
      << ex.warnings[0];
  ASSERT_EQ(ex.blocks.size(), 1u);
  EXPECT_EQ(ex.blocks[0].text, "Body survives broken styles.");
}

// --- LibreOffice's own ODT, converted from the letter DOCX files.

struct WantSomewhere {
  const char* file;
  BlockKind kind;
  const char* number;
  const char* text_start;
  int heading_level = 0;
};

TEST(OdtExtractorTest, LibreOfficeLettersHaveTheirStructure) {
  const WantSomewhere cases[] = {
      {"cambodia-long.odt", kHdrFtr, "",
       "Ministry of Environment \xE2\x80\x93 Submission on decision MC-3/8"},
      {"cambodia-long.odt", kHead, "", "I. Introduction", 1},
      {"cambodia-long.odt", kList, "1.", "Cambodia acceded to the Minamata"},
      {"cambodia-long.odt", kList, "3.", "Cambodia has received the following"},
      {"cambodia-long.odt", kRow, "", "Project | Funding | Agency | Period"},
      {"cambodia-long.odt", kList, "(a)", "A review of the legal framework"},
      {"cambodia-long.odt", kList, "(iii)",
       "a draft procedure for the consent"},
      {"cambodia-long.odt", kList, "14.", "Cambodia thanks the Global"},
      {"cambodia-long.odt", kHdrFtr, "", "Page 3 of 3"},
      {"cambodia-long.odt", kNote, "", "The report of the Minamata initial"},
      {"honduras-mia-nap.odt", kList, "(c)", "Los talleres de inicio"},
      {"honduras-mia-nap.odt", kList, "6.", "Honduras recomienda que"},
      {"honduras-mia-nap.odt", kNote, "", "Informe de la evaluaci"},
  };
  for (const WantSomewhere& c : cases) {
    SCOPED_TRACE(std::string(c.file) + ": " + c.text_start);
    Extraction ex;
    ASSERT_TRUE(ExtractFixture(c.file, &ex).ok());
    int found = 0;
    for (const Block& b : ex.blocks) {
      if (b.text.starts_with(c.text_start) && b.kind == c.kind &&
          b.number == c.number && b.heading_level == c.heading_level) {
        ++found;
      }
    }
    EXPECT_EQ(found, 1) << "want exactly one such block";
  }
}

// Word numbering read by the DOCX reader and LibreOffice's conversion of
// it into list styles read by the ODT reader must give the same labels.
TEST(OdtExtractorTest, LabelsAgreeWithTheDocxReaderOnTheSameLetter) {
  for (const char* name : {"cambodia-long", "honduras-mia-nap"}) {
    SCOPED_TRACE(name);
    Extraction docx, odt;
    ASSERT_TRUE(ExtractDocx(ReadFileOrDie(Fixture("letters/") + name + ".docx"),
                            ExtractLimits{}, &docx)
                    .ok());
    ASSERT_TRUE(ExtractFixture(std::string(name) + ".odt", &odt).ok());
    auto labelled = [](const Extraction& ex) {
      std::vector<std::string> out;
      for (const Block& b : ex.blocks) {
        if (b.kind == BlockKind::kListItem)
          out.push_back(b.number + " " + Collapse(b.text));
      }
      return out;
    };
    std::vector<std::string> want = labelled(docx);
    EXPECT_FALSE(want.empty());
    EXPECT_EQ(labelled(odt), want);
    auto kinds = [](const Extraction& ex, BlockKind kind) {
      return std::count_if(ex.blocks.begin(), ex.blocks.end(),
                           [&](const Block& b) { return b.kind == kind; });
    };
    EXPECT_EQ(kinds(odt, kNote), kinds(docx, kNote));
    EXPECT_EQ(kinds(odt, kRow), kinds(docx, kRow));
    EXPECT_EQ(kinds(odt, kHdrFtr), kinds(docx, kHdrFtr));
  }
}

// --- Hostile and broken files.

TEST(OdtExtractorTest, HostileAndBrokenFilesFailCleanly) {
  const HostileCase cases[] = {
      {"not_a_zip.odt", Status::Code::kCorrupt, "not a zip archive"},
      {"no_content.odt", Status::Code::kCorrupt,
       "no content.xml: not an OpenDocument text"},
      {"xxe.odt", Status::Code::kCorrupt, "DTD not allowed in content.xml"},
      {"billion_laughs.odt", Status::Code::kCorrupt,
       "DTD not allowed in content.xml"},
      {"malformed.odt", Status::Code::kCorrupt, "content.xml line 3:"},
      {"encrypted.odt", Status::Code::kEncrypted, "ODT is password protected"},
      {"deep_nesting.odt", Status::Code::kLimitExceeded,
       "nesting deeper than 256"},
      {"zip_bomb.odt", Status::Code::kLimitExceeded, "content.xml"},
      {"spreadsheet.odt", Status::Code::kUnsupported,
       "OpenDocument spreadsheet, not a text document"},
  };
  ExpectHostile("odt", ExtractOdt, cases);
}

// --- Identify: real ODT packages, including the ones whose mimetype
// member is compressed and so not visible in the raw bytes.

TEST(OdtExtractorTest, IdentifiedAsOdt) {
  std::unique_ptr<Identifier> identifier;
  ASSERT_TRUE(Identifier::Open(&identifier).ok());
  for (const char* name : {"basic.odt", "template.ott",
                           "compressed_mimetype.odt", "cambodia-long.odt"}) {
    Identity id = identifier->Identify(ReadFileOrDie(Fixture("odt/") + name));
    EXPECT_EQ(id.format, Format::kOdt) << name << " " << id.mime;
  }
}

// --- List label rendering.

TEST(OdtStylesTest, FormatOdtNumber) {
  struct Case {
    int value;
    const char* format;
    bool sync;
    const char* want;
  };
  const Case cases[] = {
      {3, "1", false, "3"},       {4, "i", false, "iv"},
      {14, "I", false, "XIV"},    {1, "a", false, "a"},
      {26, "a", false, "z"},      {27, "a", false, "aa"},
      {28, "A", false, "AB"},     {28, "a", true, "bb"},
      {0, "i", false, "0"},       {5, "\xD9\xA1", false, "5"},
      {4000, "I", false, "4000"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatOdtNumber(c.value, c.format, c.sync), c.want)
        << c.value << " " << c.format;
  }
}

// --- Cross-check against pandoc: every paragraph pandoc sees, we see too.

TEST(OdtExtractorTest, AgreesWithPandoc) {
  if (!HavePandoc()) GTEST_SKIP() << "pandoc not installed";
  std::vector<std::string> files = {"cambodia-long.odt",
                                    "honduras-mia-nap.odt"};
  for (const GoodCase& c : GoodCases()) {
    // pandoc reads neither templates nor, in reasonable time, a billion
    // spaces.
    std::string file = c.file;
    if (file.ends_with(".odt") && file != "wide_space.odt")
      files.push_back(file);
  }
  for (const std::string& file : files) {
    SCOPED_TRACE(file);
    Extraction ex;
    ASSERT_TRUE(ExtractFixture(file, &ex).ok());
    std::string plain = RunPandoc(Fixture("odt/") + file);
    EXPECT_FALSE(plain.empty());
    ExpectPandocChunksIn(JoinedText(ex), plain, file);
  }
}

// --- The shared corpus: every file ends in ok or a clear status.

TEST(OdtExtractorTest, RealDocumentsNeverCrash) {
  RealDocsRun run = RunRealDocs("odt", ".odt", ExtractOdt, "odt-xml");
  if (!run.present) GTEST_SKIP() << "no shared real-docs corpus";
  for (const RealDocsFailure& f : run.failures) {
    Status::Code code = f.status.code();
    EXPECT_TRUE(code == Status::Code::kCorrupt ||
                code == Status::Code::kEncrypted ||
                code == Status::Code::kUnsupported)
        << f.file << ": " << f.status.ToString();
  }
  EXPECT_GT(run.files, 0);
  EXPECT_GE(run.ok, run.files - 2)
      << "only the encrypted and the not-a-zip may fail";
}

}  // namespace
}  // namespace intake
