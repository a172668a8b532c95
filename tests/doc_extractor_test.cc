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

#include "extractors/doc_lists.h"
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
using testing::kBullet;
using testing::kHdrFtr;
using testing::kHead;
using testing::kList;
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
      // fixtures/docx/numbering.docx through LibreOffice: the labels the
      // DOCX reader gives for the same file, but for two that the .doc
      // holds otherwise (LibreOffice reads its file back the same way):
      // the second num of one abstractNum became a list of its own, and
      // w:isLgl is not kept.
      {"numbering.doc",
       {{kHead, "Article 1", "Scope", 1},
        {kList, "1.", "First point"},
        {kList, "(a)", "Sub a"},
        {kList, "(b)", "Sub b"},
        {kList, "(i)", "Sub sub i"},
        {kList, "(ii)", "Sub sub ii"},
        {kList, "(iii)", "Sub sub iii"},
        {kList, "2.", "Second point"},
        {kList, "(a)", "Sub a again"},
        {kList, "1.", "Third point through another num"},
        {kList, "1.", "Restarted list"},
        {kList, kBullet, "Bullet one"},
        {kList, kBullet, "Bullet nested"},
        {kList, "I.", "Roman one"},
        {kList, "II.", "Roman two"},
        {kList, "II.1", "Legal style"},
        {kList, "01.", "Zero padded"},
        {kBody, "", "No label"},
        {kHead, "Article 2", "Definitions", 1}}},
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
// paragraph, heading, list item with its number, row and note reads the
// same, in the same order.
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
    ASSERT_EQ(doc.blocks.size(), docx.blocks.size());
    int numbered = 0;
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
      const Block& a = doc.blocks[i];
      const Block& b = docx.blocks[i];
      // Page fields in footers keep the result each writer stored.
      if (b.kind == kHdrFtr) {
        EXPECT_EQ(a.kind, kHdrFtr) << i << ": " << a.text;
        continue;
      }
      EXPECT_EQ(a.text, b.text) << i;
      EXPECT_EQ(a.kind, b.kind) << i << ": " << a.text;
      EXPECT_EQ(a.heading_level, b.heading_level) << i;
      EXPECT_EQ(a.number, b.number) << i << ": " << a.text;
      numbered += !b.number.empty();
    }
    // The letters are mostly numbered paragraphs: the comparison is not
    // vacuous.
    EXPECT_GE(numbered, 10);
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
    AppendDocStory(story, no_properties, nullptr, &blocks);
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

TEST(DocParagraphsTest, ListModifiers) {
  struct Case {
    uint32_t ilfo;
    uint32_t ilvl;
    int want_ilfo;
    int want_ilvl;
  };
  const Case cases[] = {
      {3, 2, 3, 2},
      // 0xF801 cancels a style's list: not numbered.
      {0xF801, 0, 0, 0},
      // A level past the nine Word has is ignored.
      {1, 9, 1, 0},
  };
  for (const Case& c : cases) {
    std::string g;
    PutLe(&g, 0, 2);       // istd: Normal
    PutLe(&g, 0x460B, 2);  // sprmPIlfo
    PutLe(&g, c.ilfo, 2);
    PutLe(&g, 0x260A, 2);  // sprmPIlvl
    PutLe(&g, c.ilvl, 1);
    ParagraphProps p = ParsePapxGrpprl(g);
    EXPECT_EQ(p.ilfo, c.want_ilfo) << c.ilfo;
    EXPECT_EQ(p.ilvl, c.want_ilvl) << c.ilvl;
  }
}

// --- List tables, on hand-built bytes.

TEST(DocListsTest, LevelTextFromXst) {
  struct Case {
    std::u16string xst;
    std::string places;  // rgbxchNums, 1-based, ending at 0
    std::string want;
  };
  const Case cases[] = {
      {std::u16string(u"\x00.", 2), std::string("\x01\0", 2), "%1."},
      {u"(\x01)", std::string("\x02\0", 2), "(%2)"},
      {std::u16string(u"\x00.\x01", 3), std::string("\x01\x03\0", 3), "%1.%2"},
      // A unit below 9 at no named place is text, as is a digit.
      {u"\x01-1", std::string(1, '\0'), "\x01-1"},
      {u"\xF0B7", std::string(1, '\0'), "\xEF\x82\xB7"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LevelTextFromXst(c.xst, c.places), c.want) << c.want;
  }
}

// One list of nine levels ("1.", "(a)", then decimal) and one override
// that restarts level 0 at 5, with where they lie.
std::string ListTable(FcLcb* lst, FcLcb* lfo) {
  std::string t = "pad";
  lst->fc = static_cast<uint32_t>(t.size());
  PutLe(&t, 1, 2);               // cLst
  PutLe(&t, 0x1234, 4);          // lsid
  PutLe(&t, 0, 4);               // tplc
  t += std::string(18, '\xFF');  // rgistdPara
  t += '\0';                     // not simple
  t += '\0';
  lst->lcb = static_cast<uint32_t>(t.size() - lst->fc);
  for (int level = 0; level < 9; ++level) {
    PutLe(&t, 1, 4);                             // iStartAt
    t += static_cast<char>(level == 1 ? 4 : 0);  // lowerLetter, decimal
    t += '\0';
    std::string places(9, '\0');
    places[0] = level == 1 ? 2 : 1;
    t += places;
    t += std::string(9, '\0');  // ixchFollow .. unused2
    t += '\0';                  // cbGrpprlChpx
    t += '\x02';                // cbGrpprlPapx
    t += std::string(2, '\0');
    t += "pp";
    std::u16string xst =
        level == 1 ? std::u16string(u"(\x01)") : std::u16string(u"\x00.", 2);
    xst[level == 1 ? 1 : 0] = static_cast<char16_t>(level);
    PutLe(&t, static_cast<uint32_t>(xst.size()), 2);
    for (char16_t u : xst) PutLe(&t, u, 2);
  }
  lfo->fc = static_cast<uint32_t>(t.size());
  PutLe(&t, 2, 4);  // lfoMac
  for (int i = 0; i < 2; ++i) {
    PutLe(&t, 0x1234, 4);
    PutLe(&t, 0, 4);                         // unused1
    PutLe(&t, 0, 4);                         // unused2
    t += static_cast<char>(i == 1 ? 1 : 0);  // clfolvl
    t += std::string(3, '\0');
  }
  PutLe(&t, 0, 4);  // LFOData of the first: no levels
  PutLe(&t, 0, 4);  // LFOData of the second: one level
  PutLe(&t, 5, 4);
  PutLe(&t, 0x10, 4);  // iLvl 0, fStartAt
  lfo->lcb = static_cast<uint32_t>(t.size() - lfo->fc);
  return t;
}

TEST(DocListsTest, ListsAndOverrides) {
  FcLcb lst;
  FcLcb lfo;
  const std::string table = ListTable(&lst, &lfo);
  NumberingDefs defs = ParseDocLists(table, lst, lfo);
  EXPECT_TRUE(defs.warnings.empty());
  Numbering n(defs);
  EXPECT_EQ(n.Next(1, 0), "1.");
  EXPECT_EQ(n.Next(1, 1), "(a)");
  EXPECT_EQ(n.Next(1, 1), "(b)");
  EXPECT_EQ(n.Next(1, 0), "2.");
  EXPECT_EQ(n.Next(2, 0), "5.");  // the override restarts its own list
  EXPECT_EQ(n.Next(3, 0), "");    // no such override
}

// Every cut of the list tables gives fewer lists and a warning, never a
// read past the end (ASan in the fuzz build) or a crash.
TEST(DocListsTest, TruncatedTablesWarn) {
  FcLcb lst;
  FcLcb lfo;
  const std::string table = ListTable(&lst, &lfo);
  for (size_t size = 0; size < table.size(); ++size) {
    NumberingDefs defs = ParseDocLists(table.substr(0, size), lst, lfo);
    EXPECT_FALSE(defs.warnings.empty()) << size;
    Numbering n(defs);
    (void)n.Next(1, 0);
    (void)n.Next(2, 3);
  }
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
