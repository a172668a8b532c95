#include "extractors/text_extractor.h"

#include <gtest/gtest.h>

#include "extractors/text_decode.h"

namespace intake {
namespace {

using namespace std::string_literals;

TEST(DecodeTextTest, Table) {
  struct Case {
    std::string bytes;
    const char* utf8;
    const char* charset;
    bool guessed;
  } cases[] = {
      {"Se\xC3\xB1ora", "Se\xC3\xB1ora", "UTF-8", false},
      {"\xEF\xBB\xBFSe\xC3\xB1ora", "Se\xC3\xB1ora", "UTF-8", false},
      {"\xFF\xFES\0e\0\xF1\0o\0r\0a\0"s, "Se\xC3\xB1ora", "UTF-16LE", false},
      {"\xFE\xFF\0S\0e\0\xF1\0o\0r\0a"s, "Se\xC3\xB1ora", "UTF-16BE", false},
      {"La Se\xF1ora de la Secretar\xED" "a recibi\xF3 el caf\xE9 y la "
       "informaci\xF3n sobre el mercurio en Honduras.",
       "La Se\xC3\xB1ora de la Secretar\xC3\xAD" "a recibi\xC3\xB3 el caf\xC3\xA9 y la "
       "informaci\xC3\xB3n sobre el mercurio en Honduras.",
       "ISO-8859-1", true},
  };
  for (const Case& c : cases) {
    DecodedText d = DecodeText(c.bytes);
    EXPECT_EQ(d.utf8, c.utf8) << c.charset;
    EXPECT_EQ(d.guessed, c.guessed) << c.charset;
    if (!c.guessed) {
      EXPECT_EQ(d.charset, c.charset);
    }
  }
}

TEST(ExtractTextTest, ParagraphsAndWarnings) {
  Extraction e;
  ASSERT_TRUE(ExtractText("First line\r\nsame paragraph\r\n\r\n  \r\nSecond\n",
                          &e)
                  .ok());
  ASSERT_EQ(e.blocks.size(), 2u);
  EXPECT_EQ(e.blocks[0].text, "First line\nsame paragraph");
  EXPECT_EQ(e.blocks[1].text, "Second");
  EXPECT_TRUE(e.warnings.empty());

  Extraction latin;
  ASSERT_TRUE(ExtractText("Caf\xE9 \xE0 Gen\xE8ve", &latin).ok());
  ASSERT_EQ(latin.warnings.size(), 1u);
  EXPECT_NE(latin.warnings[0].find("not UTF-8: decoded as"), std::string::npos);
}

TEST(ExtractTextTest, Utf16ParagraphBreaksSurvive) {
  Extraction e;
  ASSERT_TRUE(ExtractText("\xFF\xFE" "a\0\n\0\n\0b\0"s, &e).ok());
  ASSERT_EQ(e.blocks.size(), 2u);
  EXPECT_EQ(e.blocks[1].text, "b");
}

}  // namespace
}  // namespace intake
