// Word 97-2003 extraction over the fixtures in fixtures/doc (see
// scripts/fixtures/make_doc.py): LibreOffice's .doc output block by block,
// the piece table and the special characters on hand-built bytes, broken
// and damaged files by status, and a robustness pass over the shared
// real-document corpus when it is present.
#include "extractors/doc_extractor.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "extractors/doc_paragraphs.h"
#include "extractors/doc_pieces.h"
#include "extractors/doc_story.h"
#include "extractors/docx_extractor.h"
#include "extractors/registry.h"
#include "tests/extractor_test_util.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::ExpectGoodFixtures;
using testing::ExpectHostile;
using testing::Fixture;
using testing::GoodCase;
using testing::HostileCase;
using testing::kBody;
using testing::kHdrFtr;
using testing::kHead;
using testing::kNote;
using testing::kRow;
using testing::ReadFileOrDie;
using testing::RealDocsFailure;
using testing::RealDocsRun;
using testing::RunRealDocs;

constexpr char kExtraction[] = "doc-piece-table";

Status ExtractFixture(const std::string& name, Extraction* out) {
  return ExtractDoc(ReadFileOrDie(Fixture("doc/" + name)), ExtractLimits{},
                    out);
}

int Count(const Extraction& ex, BlockKind kind) {
  int n = 0;
  for (const Block& b : ex.blocks) n += b.kind == kind;
  return n;
}

// --- LibreOffice's .doc output, block by block.

TEST(DocExtractorTest, GoodFixturesBlockByBlock) {
  const std::vector<GoodCase> cases = {
      {"letter_es.doc",
       {{kHdrFtr, "", "República de Chile – Ministerio del Medio Ambiente"},
        {kHead, "", "Observaciones sobre el artículo 14", 1},
        // The footnote's reference mark is dropped, as in DOCX.
        {kBody, "",
         "La Secretaría recibió nuestra comunicación el año pasado."},
        {kBody, "", "Las cifras de importación son las siguientes:"},
        {kRow, "", "Año | Mercurio (kg) | Fuente"},
        {kRow, "", "2019 | 1.250 | Aduanas"},
        // An empty cell stays a cell: rows end by their row mark.
        {kRow, "", "2020 |  | Estimación"},
        // A hyperlink field: its result, not its code.
        {kBody, "", "Véase el sitio de la Convención para más detalles."},
        {kBody, "", "Atentamente,"},
        // The footer's page field gives its result.
        {kHdrFtr, "", "Página 1"},
        {kNote, "", "Nota verbal n.º 123 del 5 de junio de 2021."},
        {kNote, "", "Datos provisionales."}}},
      {"letter_fr.doc",
       {{kHdrFtr, "", "République du Sénégal"},
        {kBody, "", "Monsieur le Secrétaire exécutif,"},
        {kBody, "",
         "Nous avons l’honneur de vous transmettre le « plan d’action "
         "national » révisé, élaboré à Thiès et à Kédougou."},
        {kBody, "",
         "Veuillez agréer l’expression de notre très haute considération."},
        {kHdrFtr, "", "Dakar"}}},
  };
  ExpectGoodFixtures("doc", ExtractDoc, kExtraction, cases);
}

TEST(DocExtractorTest, Metadata) {
  Extraction ex;
  ASSERT_TRUE(ExtractFixture("letter_es.doc", &ex).ok());
  EXPECT_EQ(ex.meta.title, "Observaciones de Chile");
  EXPECT_EQ(ex.meta.author, "Intake fixtures");
}

// The .doc is LibreOffice's export of the letter's DOCX: every body
// paragraph, heading, row and note reads the same, in the same order.
// List numbers are the one known difference: the .doc reader does not
// render Word numbering yet, so list items come as body text.
TEST(DocExtractorTest, AgreesWithTheDocxItCameFrom) {
  for (const char* letter : {"cambodia-long", "honduras-mia-nap"}) {
    SCOPED_TRACE(letter);
    Extraction doc;
    Extraction docx;
    ASSERT_TRUE(ExtractFixture(std::string(letter) + ".doc", &doc).ok());
    ASSERT_TRUE(
        ExtractDocx(ReadFileOrDie(Fixture("letters/") + letter + ".docx"),
                    ExtractLimits{}, &docx)
            .ok());
    EXPECT_TRUE(doc.warnings.empty());
    std::vector<const Block*> a;
    std::vector<const Block*> b;
    for (const Block& x : doc.blocks) a.push_back(&x);
    for (const Block& x : docx.blocks) b.push_back(&x);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      // Page fields in footers keep the result each writer stored.
      if (b[i]->kind == kHdrFtr) {
        EXPECT_EQ(a[i]->kind, kHdrFtr) << i << ": " << a[i]->text;
        continue;
      }
      EXPECT_EQ(a[i]->text, b[i]->text) << i;
      if (b[i]->kind == BlockKind::kListItem) {
        EXPECT_EQ(a[i]->kind, kBody) << i << ": " << a[i]->text;
      } else {
        EXPECT_EQ(a[i]->kind, b[i]->kind) << i << ": " << a[i]->text;
        EXPECT_EQ(a[i]->heading_level, b[i]->heading_level) << i;
      }
    }
  }
}

// --- The piece table and the special characters, on hand-built bytes.

void PutLe(std::string* s, uint32_t v, int size) {
  for (int i = 0; i < size; ++i) s->push_back(static_cast<char>(v >> (8 * i)));
}

// A Clx with one Prc to skip and a piece table of `pieces` (cp_end, fc).
std::string Clx(uint32_t first_cp,
                const std::vector<std::pair<uint32_t, uint32_t>>& pieces) {
  std::string plc;
  PutLe(&plc, first_cp, 4);
  for (const auto& [cp, fc] : pieces) PutLe(&plc, cp, 4);
  for (const auto& [cp, fc] : pieces) {
    PutLe(&plc, 0, 2);
    PutLe(&plc, fc, 4);
    PutLe(&plc, 0, 2);
  }
  std::string clx = "\x01";
  PutLe(&clx, 2, 2);
  clx.append(2, '\0');
  clx.push_back(0x02);
  PutLe(&clx, static_cast<uint32_t>(plc.size()), 4);
  return clx + plc;
}

TEST(DocPiecesTest, CompressedAndUnicodePieces) {
  // Piece 1: "d\x92\xE9\x80" as compressed cp1252 at byte 8 (fc 16 with
  // the compressed bit); piece 2: U+1F600 as a surrogate pair at byte 12.
  std::string wd(8, '\0');
  wd += "d\x92\xE9\x80";
  wd += std::string("\x3D\xD8\x00\xDE", 4);
  std::string table = Clx(0, {{4, 0x40000000 | 16}, {6, 12}});
  FcLcb clx{0, static_cast<uint32_t>(table.size())};
  std::vector<DocChar> chars;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPieces(wd, table, clx, 6, &chars, &warnings).ok());
  EXPECT_TRUE(warnings.empty());
  std::u16string units;
  for (const DocChar& c : chars) units += c.unit;
  EXPECT_EQ(Utf16UnitsToUtf8(units), "d’é€😀");
  EXPECT_EQ(chars[1].fc, 9u);
  EXPECT_EQ(chars[5].fc, 14u);
}

TEST(DocPiecesTest, PiecePastTheStreamKeepsWhatCameBefore) {
  std::string wd = "abcd";
  std::string table = Clx(0, {{2, 0x40000000 | 0}, {10, 0x40000000 | 100}});
  std::vector<DocChar> chars;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPieces(wd, table, FcLcb{0, uint32_t(table.size())}, 4, &chars,
                         &warnings)
                  .ok());
  EXPECT_EQ(chars.size(), 2u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("past the end"), std::string::npos);
}

TEST(DocPiecesTest, MalformedPieceTablesAreCorrupt) {
  std::string wd(64, 'a');
  std::vector<DocChar> chars;
  std::vector<std::string> warnings;
  const std::string bad_type = "\x07\x00\x00\x00";
  EXPECT_EQ(ReadPieces(wd, bad_type, FcLcb{0, 4}, 4, &chars, &warnings).code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(ReadPieces(wd, bad_type, FcLcb{2, 40}, 4, &chars, &warnings).code(),
            Status::Code::kCorrupt);
  std::string table = Clx(0, {{4, 0x40000000}});
  EXPECT_EQ(ReadPieces(wd, table, FcLcb{0, uint32_t(table.size())}, 1000,
                       &chars, &warnings)
                .code(),
            Status::Code::kCorrupt);
}

// Stories without paragraph properties: the special characters alone.
struct StoryCase {
  std::u16string chars;
  std::vector<std::string> texts;
};

TEST(DocStoryTest, SpecialCharacters) {
  const StoryCase cases[] = {
      {u"one\rtwo\r", {"one", "two"}},
      // A field: the code hidden, the result shown; nested fields too.
      {u"see \x13 HYPERLINK \"x\" \x14the site\x15.\r", {"see the site."}},
      {u"\x13 IF \x13 PAGE \x14 1\x15 = 1 \x14yes\x15\r", {"yes"}},
      {u"\x13 TOC \x15gone\r", {"gone"}},
      // A stray separator or end does not hide or crash.
      {u"a\x14\x15"
       u"b\r",
       {"ab"}},
      // Line break, tab, non-breaking hyphen; anchors and optional
      // hyphens dropped; a page break ends the paragraph.
      {u"x\vy\tz\x1Ew\x01\x02\x05\x08\x1F!\x0Cnext", {"x\ny\tz-w!", "next"}},
      // Cell marks; without properties an empty mark after a cell mark
      // ends the row.
      {u"a\x07"
       u"b\x07\x07"
       u"after\r",
       {"a | b", "after"}},
      {u"\r\r  \r", {}},
  };
  ParagraphIndex no_properties("", "", FcLcb{});
  for (const StoryCase& c : cases) {
    std::vector<DocChar> story;
    for (char16_t u : c.chars) story.push_back({u, 0});
    std::vector<Block> blocks;
    AppendDocStory(story, no_properties, &blocks);
    std::vector<std::string> texts;
    for (const Block& b : blocks) texts.push_back(b.text);
    EXPECT_EQ(texts, c.texts) << Utf16UnitsToUtf8(c.chars);
  }
}

TEST(DocParagraphsTest, PapxModifiers) {
  std::string g;
  PutLe(&g, 2, 2);       // istd: Heading 2
  PutLe(&g, 0xC615, 2);  // sprmPChgTabs, variable: 3 bytes follow
  g += std::string("\x03\x00\x00\x00", 4);
  PutLe(&g, 0x2416, 2);  // sprmPFInTable
  g += '\x01';
  PutLe(&g, 0x2417, 2);  // sprmPFTtp
  g += '\x01';
  PutLe(&g, 0xD608, 2);  // sprmTDefTable: cb = 3, 2 more bytes
  g += std::string("\x03\x00\xAA\xBB", 4);
  PutLe(&g, 0x2640, 2);  // sprmPOutLvl 0
  g += '\x00';
  ParagraphProps p = ParsePapxGrpprl(g);
  EXPECT_EQ(p.istd, 2);
  EXPECT_TRUE(p.in_table);
  EXPECT_TRUE(p.row_end);
  EXPECT_EQ(p.outline_level, 0);
  // A modifier running past the end stops the walk, nothing more.
  ParagraphProps cut = ParsePapxGrpprl(g.substr(0, 7));
  EXPECT_EQ(cut.istd, 2);
  EXPECT_FALSE(cut.in_table);
}

// --- Broken and hostile files: a clear status, never a crash.

TEST(DocExtractorTest, HostileFixtures) {
  const HostileCase cases[] = {
      {"truncated.doc", Status::Code::kCorrupt, "compound-file container",
       false},
      {"damaged.doc", Status::Code::kCorrupt, "damaged", false},
      {"no_word_document.doc", Status::Code::kCorrupt,
       "without a readable WordDocument stream", false},
      {"encrypted.doc", Status::Code::kEncrypted, "password-protected", false},
      {"clx_past_end.doc", Status::Code::kCorrupt, "piece table", false},
      {"huge_ccp.doc", Status::Code::kCorrupt, "more than the file holds",
       false},
      {"not_ole.doc", Status::Code::kCorrupt, "compound-file container", false},
  };
  ExpectHostile("doc", ExtractDoc, cases);
}

// Every single-byte change and every truncation of a real .doc ends in a
// Status, never a crash or a hang.
TEST(DocExtractorTest, DamagedCopiesNeverCrash) {
  const std::string good = ReadFileOrDie(Fixture("doc/letter_es.doc"));
  int ok = 0;
  int failed = 0;
  for (size_t pos = 0; pos < good.size(); pos += 7) {
    std::string bad = good;
    bad[pos] = static_cast<char>(bad[pos] ^ 0x5A);
    Extraction ex;
    Status s = ExtractDoc(bad, ExtractLimits{}, &ex);
    (s.ok() ? ok : failed)++;
    if (!s.ok()) {
      EXPECT_FALSE(s.message().empty()) << pos;
      EXPECT_TRUE(ex.blocks.empty()) << pos;
    }
  }
  for (size_t size = 0; size < good.size(); size += 256) {
    Extraction ex;
    Status s = ExtractDoc(good.substr(0, size), ExtractLimits{}, &ex);
    EXPECT_FALSE(s.ok() && ex.blocks.empty() && size > good.size() / 2) << size;
  }
  EXPECT_GT(ok, 0);
  EXPECT_GT(failed, 0);
}

TEST(DocExtractorTest, RegistryRoutesDoc) {
  Extraction ex;
  ASSERT_TRUE(ExtractDocument(Format::kDoc,
                              ReadFileOrDie(Fixture("doc/letter_fr.doc")),
                              ExtractLimits{}, &ex)
                  .ok());
  EXPECT_EQ(ex.meta.extraction, kExtraction);
  EXPECT_EQ(Count(ex, kBody), 3);
}

// --- The shared corpus: every file ends in ok or a clear status.

TEST(DocExtractorTest, RealDocumentsNeverCrash) {
  RealDocsRun run = RunRealDocs("doc", ".doc", ExtractDoc, kExtraction);
  if (!run.present) GTEST_SKIP() << "no shared real-docs corpus";
  for (const RealDocsFailure& f : run.failures) {
    std::printf("  %s: %s\n", f.file.c_str(), f.status.ToString().c_str());
  }
  std::printf("  real-docs doc: %d of %d ok\n", run.ok, run.files);
  EXPECT_GT(run.files, 0);
  // A Word 6 file, a password-protected one and a WordPerfect file named
  // .doc are the ones that may fail.
  EXPECT_GE(run.ok, run.files - 3);
  for (const RealDocsFailure& f : run.failures) {
    EXPECT_NE(f.status.code(), Status::Code::kLimitExceeded) << f.file;
  }
}

}  // namespace
}  // namespace intake
