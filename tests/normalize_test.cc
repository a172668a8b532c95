#include "pipeline/normalize.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/unicode_text.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

struct CleanCase {
  const char* raw;
  const char* clean;
};

TEST(CleanTextTest, Table) {
  const CleanCase cases[] = {
      {"e\xCC\x81valuation", "\xC3\xA9valuation"},  // NFD -> NFC
      {"\xEF\xAC\x81nancial", "financial"},         // fi ligature
      {"e\xEF\xAC\x83"
       "cient",
       "efficient"},  // ffi ligature
      {"capa\xC2\xAD"
       "city",
       "capacity"},  // soft hyphen
      {"a\xC2\xA0"
       "b",
       "a b"},                                     // no-break space
      {"zero\xE2\x80\x8Bwidth", "zerowidth"},      // zero-width space
      {"bad \xFF byte", "bad \xEF\xBF\xBD byte"},  // invalid UTF-8
      {"tab\there", "tab here"},
      {"line\r\nbreak", "line\n\nbreak"},
      {"bell\x07", "bell"},
  };
  for (const CleanCase& c : cases) {
    EXPECT_EQ(CleanText(c.raw), c.clean) << c.raw;
  }
}

// CleanText as it was first written, through ICU's UTF-16 strings: the
// reference for the UTF-8 one.
std::string CleanTextThroughUtf16(std::string_view raw) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(ToValidUtf8(raw));
  icu::UnicodeString mapped;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (c >= 0xFB00 && c <= 0xFB06) {
      static const char16_t* const kLigatures[] = {u"ff",  u"fi", u"fl", u"ffi",
                                                   u"ffl", u"st", u"st"};
      mapped.append(kLigatures[c - 0xFB00]);
    } else if (c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D ||
               c == 0x2060 || c == 0xFEFF) {
      continue;
    } else if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 ||
               c == 0x0B || c == 0x0C) {
      mapped.append(u'\n');
    } else if (c == '\t' || u_charType(c) == U_SPACE_SEPARATOR) {
      mapped.append(u' ');
    } else if (u_iscntrl(c) || u_charType(c) == U_UNASSIGNED) {
      continue;
    } else {
      mapped.append(c);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString normal = nfc->normalize(mapped, status);
  std::string out;
  normal.toUTF8String(out);
  return out;
}

// The UTF-8 CleanText against the UTF-16 one: every development passage,
// and text that NFC reorders, composes or leaves apart, in every script
// the submissions come in, with bad bytes and unassigned code points.
TEST(CleanTextTest, SameAsThroughUtf16) {
  std::vector<std::string> texts = {
      "",
      "plain",
      "e\xCC\x81 a\xCC\x8A\xCC\x81 q\xCC\xA3\xCC\x87 \xE1\x84\x80\xE1\x85\xA1",
      "\xEF\xAC\x80\xEF\xAC\x86 \xEF\xAD\x8F \xEF\xBF\xBE \xF3\xA0\x80\x81 "
      "\xF0\x9F\x98\x80",
      "\xE2\x80\xA8\xE2\x80\xA9\x0B\x0C\r\t\x01\x7F\xC2\x85\xC2\xA0\xE3\x80"
      "\x80",
      "\xED\xA0\x80 \xC0\xAF \xF4\x90\x80\x80 \xE2\x82 cut",
      "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 "
      "\xE4\xB8\xAD\xE6\x96\x87 "
      "\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 "
      "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82",
      "\xEF\xBC\xA1\xE2\x84\xAB\xE2\x84\xA6 \xC3\x85\xCC\x81 "
      "\xE0\xBD\xB3\xE0\xBE\x81",
  };
  for (const char* file :
       {"dev/dev.en.jsonl", "dev/dev.es.jsonl", "dev/dev.fr.jsonl"}) {
    std::ifstream in(testing::Fixture(file));
    std::string line;
    while (std::getline(in, line)) {
      texts.push_back(nlohmann::json::parse(line).at("text"));
    }
  }
  ASSERT_GT(texts.size(), 200u);
  for (const std::string& text : texts) {
    EXPECT_EQ(CleanText(text), CleanTextThroughUtf16(text)) << text;
  }
}

struct JoinCase {
  const char* text;
  const char* joined;
};

TEST(JoinLinesTest, Table) {
  std::set<std::string> hyphenated = {"capacity-building"};
  const JoinCase cases[] = {
      {"techni-\ncal assistance", "technical assistance"},
      {"capacity-\nbuilding", "capacity-building"},
      {"Capacity-\nbuilding", "Capacity-building"},
      {"ends with a dash -\nnext", "ends with a dash - next"},
      {"a  b\n\n  c   ", "a b c"},
      {"2019-\n2021", "2019-2021"},  // a range broken at its dash
      {"\u63d0\u4ea4\u8d44\u6599\u3002\n\u672c\u90e8",
       "\u63d0\u4ea4\u8d44\u6599\u3002\u672c\u90e8"},  // Chinese: no space
      {"\u6c5e\nMercury", "\u6c5e Mercury"},
      {"BCRC-\nCaribbean", "BCRC-Caribbean"},
      {"", ""},
  };
  for (const JoinCase& c : cases) {
    EXPECT_EQ(JoinLines(c.text, hyphenated), c.joined) << c.text;
  }
}

// The dictionaries are loaded once for all cases, as a run does.
const WordLists& Words() {
  static const WordLists* words = [] {
    std::unique_ptr<const WordLists> loaded;
    Status s = WordLists::Load(WordLists::kDebianDir, &loaded);
    EXPECT_TRUE(s.ok()) << s.message();
    return loaded.release();
  }();
  return *words;
}

struct DictionaryJoinCase {
  const char* lang;
  const char* text;
  const char* joined;
};

TEST(JoinLinesTest, DictionaryTellsBrokenWordsFromCompounds) {
  const DictionaryJoinCase cases[] = {
      {"en", "the envi-\nronment", "the environment"},
      {"en", "mercury-\nfree products", "mercury-free products"},
      {"en", "Asia-\nPacific region", "Asia-Pacific region"},
      {"en", "multi-\nstakeholder", "multi-stakeholder"},
      {"en", "long-\nterm", "long-term"},
      {"en", "submis-\nsions", "submissions"},
      {"en", "pro-\ngramme", "programme"},  // British spelling
      {"en", "non-govern-\nmental", "non-governmental"},
      {"en", "Minama-\ntaesque", "Minamataesque"},  // unknown: joined
      {"fr", "l'environ-\nnement", "l'environnement"},
      {"fr", "sans-\nmercure", "sans-mercure"},
      {"es", "medio-\nambiente", "medioambiente"},
      {"es", "capaci-\ndades nacionales", "capacidades nacionales"},
      // Hostile or odd: a hyphen alone, a very long token, bad bytes.
      {"en", "-\nfree", "- free"},
      {"en", "a-\n-b", "a--b"},
      {"en", "x-\n\xFF\xFE", "x-\xFF\xFE"},
  };
  for (const DictionaryJoinCase& c : cases) {
    const Dictionary* dictionary = Words().For(c.lang);
    ASSERT_NE(dictionary, nullptr) << c.lang;
    EXPECT_EQ(JoinLines(c.text, {}, dictionary), c.joined) << c.text;
  }
  std::string endless(100000, 'a');
  std::string text = endless + "-\n" + endless;
  EXPECT_EQ(JoinLines(text, {}, Words().For("en")), endless + endless);
}

TEST(WordListsTest, KnowsTheThreeLanguagesOnly) {
  EXPECT_NE(Words().For("en"), nullptr);
  EXPECT_NE(Words().For("es"), nullptr);
  EXPECT_NE(Words().For("fr"), nullptr);
  EXPECT_EQ(Words().For("ar"), nullptr);
  EXPECT_EQ(Words().For("und"), nullptr);
  EXPECT_FALSE(Words().For("en")->IsWord(""));
  EXPECT_TRUE(Words().For("en")->IsWord("Environment"));
}

TEST(WordListsTest, MissingDictionaryNamesThePackage) {
  std::unique_ptr<const WordLists> words;
  Status s = WordLists::Load("/nonexistent", &words);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("hunspell-en-us"), std::string::npos)
      << s.message();
}

TEST(NormalizeBlocksTest, JudgesHyphensInTheDocumentsLanguage) {
  std::vector<Block> blocks(1);
  blocks[0].text =
      "The Government reports that the national action plan protects the "
      "envi-\nronment and promotes mercury-\nfree products in artisanal and "
      "small-scale gold mining, with the support of the regional centre.";
  std::vector<Block> out = NormalizeBlocks(blocks, &Words());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].text.find("the environment and"), std::string::npos)
      << out[0].text;
  EXPECT_NE(out[0].text.find("mercury-free products"), std::string::npos)
      << out[0].text;
  // Without dictionaries the rule alone joins both.
  out = NormalizeBlocks(blocks);
  EXPECT_NE(out[0].text.find("mercuryfree"), std::string::npos);
}

TEST(CollectHyphenatedWordsTest, FindsWordsWrittenWithHyphenWithinLines) {
  std::vector<Block> blocks(1);
  blocks[0].text = "Small-scale gold mining and capa-\ncity and mercury-free";
  std::set<std::string> words = CollectHyphenatedWords(blocks);
  EXPECT_EQ(words, (std::set<std::string>{"mercury-free", "small-scale"}));
}

// A PDF body block in 11-point type between `top` and `bottom`.
Block BodyBlock(int page, std::string text, double top, double bottom) {
  Block b;
  b.page = page;
  b.text = std::move(text);
  b.top = top;
  b.bottom = bottom;
  b.font_size = 11;
  return b;
}

TEST(NormalizeBlocksTest, JoinsParagraphCutByPageBreak) {
  std::vector<Block> blocks(4);
  blocks[0] = BodyBlock(1, "The centre trained officials of", 0.80, 0.85);
  blocks[1] = BodyBlock(1, "Page 1", 0.95, 0.96);
  blocks[2] = BodyBlock(2, "Page 2", 0.95, 0.96);
  blocks[3] = BodyBlock(2, "five countries in 2020.", 0.10, 0.12);
  std::vector<Block> out = NormalizeBlocks(blocks);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].text,
            "The centre trained officials of five countries in 2020.");
  EXPECT_EQ(out[0].page, 1);
  EXPECT_EQ(out[1].kind, BlockKind::kHeaderFooter);
  EXPECT_EQ(out[2].kind, BlockKind::kHeaderFooter);
}

TEST(NormalizeBlocksTest, DoesNotJoinFinishedSentenceOrNumberedParagraph) {
  std::vector<Block> blocks(3);
  blocks[0] = BodyBlock(1, "First paragraph ends.", 0.5, 0.6);
  blocks[1] = BodyBlock(2, "Not ending with a full stop", 0.1, 0.2);
  blocks[2] = BodyBlock(3, "12. Numbered paragraph", 0.1, 0.2);
  std::vector<Block> out = NormalizeBlocks(blocks);
  ASSERT_EQ(out.size(), 3u) << out[0].text;
}

TEST(NormalizeBlocksTest, DropsBlocksLeftEmpty) {
  std::vector<Block> blocks(2);
  blocks[0].text = "\xE2\x80\x8B \xC2\xAD";
  blocks[1].text = "kept";
  std::vector<Block> out = NormalizeBlocks(blocks);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].text, "kept");
}

}  // namespace
}  // namespace intake
