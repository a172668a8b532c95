// The RTF lexer, one table of inputs and the token streams they give, plus
// the depth limit. Token streams are written compactly: { } for groups,
// \word or \wordN for control words, \~ for symbols, "text" for runs,
// 'hh for \'hh bytes, U+XXXX for \uN, bin(N) for \bin data.
#include "extractors/rtf_tokenizer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace intake {
namespace {

std::string Render(std::string_view rtf, int max_depth = 256) {
  RtfTokenizer tokenizer(rtf, max_depth);
  std::string out;
  for (;;) {
    RtfToken t = tokenizer.Next();
    if (t.kind == RtfTokenKind::kEnd) break;
    if (!out.empty()) out += ' ';
    char buf[32];
    switch (t.kind) {
      case RtfTokenKind::kGroupStart:
        out += '{';
        break;
      case RtfTokenKind::kGroupEnd:
        out += '}';
        break;
      case RtfTokenKind::kControlWord:
        out += '\\' + std::string(t.text);
        if (t.has_param) out += std::to_string(t.param);
        break;
      case RtfTokenKind::kControlSymbol:
        out += '\\';
        out += t.symbol;
        break;
      case RtfTokenKind::kText:
        out += '"' + std::string(t.text) + '"';
        break;
      case RtfTokenKind::kByte:
        std::snprintf(buf, sizeof buf, "'%02x", static_cast<unsigned>(t.param));
        out += buf;
        break;
      case RtfTokenKind::kUnicode:
        std::snprintf(buf, sizeof buf, "U+%04X",
                      static_cast<unsigned>(t.param));
        out += buf;
        break;
      case RtfTokenKind::kBinary:
        out += "bin(" + std::to_string(t.text.size()) + ")";
        break;
      case RtfTokenKind::kEnd:
        break;
    }
  }
  return out;
}

TEST(RtfTokenizerTest, Table) {
  struct Case {
    const char* rtf;
    const char* tokens;
  } cases[] = {
      // Control words: parameter, negative parameter, the space delimiter.
      {R"({\rtf1\ansi Hello})", R"({ \rtf1 \ansi "Hello" })"},
      {R"(\li-360 x)", R"(\li-360 "x")"},
      {R"(\b0\i text)", R"(\b0 \i "text")"},
      {R"(\fi- x)", R"(\fi "- x")"},  // '-' without digits is text
      {"\\par  two spaces", "\\par \" two spaces\""},
      // Saturated parameters stay in range.
      {R"(\li99999999999999 )", R"(\li2147483647)"},
      // Control symbols, and a backslash before a line end meaning \par.
      {R"(\~\-\_\*\{\}\\)", R"(\~ \- \_ \* \{ \} \\)"},
      {"a\\\nb", R"("a" \par "b")"},
      // CR and LF are not text.
      {"one\r\ntwo\n", R"("one" "two")"},
      // Hex escapes, and a broken one that shows nothing.
      {R"(\'e9\'FCx)", R"('e9 'fc "x")"},
      {R"(\'zzok)", R"(\' "zzok")"},
      // \uN: fallback skipped (\uc1 by default), negative units folded.
      {R"(\u233?x)", R"(U+00E9 "x")"},
      {R"(\u-3913?)", R"(U+F0B7)"},
      {R"(\uc2\u233\'e9\'e9x)", R"(\uc2 U+00E9 "x")"},
      {R"(\uc0\u233 x)", R"(\uc0 U+00E9 "x")"},
      // The skip counts a control word as one, and a group ends it.
      {R"(\u233\b x)", R"(U+00E9 "x")"},
      {R"({\u233}?)", R"({ U+00E9 } "?")"},
      // \uc is restored when its group closes.
      {R"({\uc3 a}\u233?b)", R"({ \uc3 "a" } U+00E9 "b")"},
      // Out-of-range units become U+FFFD; a huge \uc skips to the group end.
      {R"(\u99999999999 x)", R"(U+FFFD)"},
      {R"({\uc2147483647\u65 all of this}z)",
       R"({ \uc2147483647 U+0041 } "z")"},
      // \bin data is raw, braces and backslashes included.
      {"{\\bin5 }{\\\\}x", R"({ bin(5) "x")"},
      {"{\\bin99 ab", "{ bin(2)"},
      {"{\\bin-4 x}", R"({ bin(0) "x" })"},
      // A backslash at the very end.
      {"x\\", R"("x")"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Render(c.rtf), c.tokens) << c.rtf;
  }
}

TEST(RtfTokenizerTest, DepthLimitStopsAndSays) {
  RtfTokenizer tokenizer("{{{{x}}}}", 3);
  int starts = 0;
  for (RtfToken t = tokenizer.Next(); t.kind != RtfTokenKind::kEnd;
       t = tokenizer.Next()) {
    if (t.kind == RtfTokenKind::kGroupStart) ++starts;
  }
  EXPECT_EQ(starts, 3);
  EXPECT_EQ(tokenizer.status().code(), Status::Code::kLimitExceeded);
}

TEST(RtfTokenizerTest, DepthCountsOpenGroups) {
  RtfTokenizer tokenizer("{a{b}}}{{c", 10);
  while (tokenizer.Next().kind != RtfTokenKind::kEnd) {
  }
  EXPECT_TRUE(tokenizer.status().ok());
  EXPECT_EQ(tokenizer.depth(), 2) << "a stray } does not go below zero";
}

TEST(RtfTokenizerTest, BinaryPastTheEndIsFlagged) {
  RtfTokenizer tokenizer("{\\bin10 abc}", 10);
  while (tokenizer.Next().kind != RtfTokenKind::kEnd) {
  }
  EXPECT_TRUE(tokenizer.binary_truncated());
}

}  // namespace
}  // namespace intake
