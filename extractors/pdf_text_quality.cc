#include "extractors/pdf_text_quality.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace intake {
namespace {

// Shares above which (unmapped) or below which (words, letters) a page is
// judged unreadable. Generous: the gate only has to catch pages that are
// clearly not text; a page that OCR cannot improve keeps its text anyway.
constexpr double kMaxUnmappedShare = 0.10;
constexpr double kMinWordShare = 0.5;
constexpr double kMinLetterOrDigitShare = 0.5;

bool IsUnmapped(UChar32 c) {
  if (c < 0 || c == 0xFFFD) return true;
  if (c == '\t' || c == '\n' || c == '\r') return false;
  int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_PRIVATE_USE_CHAR ||
         type == U_UNASSIGNED || type == U_SURROGATE;
}

bool IsLatinVowel(UChar32 c) {
  switch (u_tolower(c)) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      // Accented Latin letters (é, ü, ø...) are vowels far more often than
      // not; treating them all as vowels keeps the rule free of tables.
      return c >= 0xC0 && c < 0x250 && u_isalpha(c);
  }
}

struct TokenStats {
  int letters = 0;
  bool vowel = false;
  bool other_script = false;
};

bool IsWord(const TokenStats& t) {
  return t.other_script || (t.letters >= 2 && t.vowel);
}

template <typename Fn>
void ForEachCodePoint(std::string_view s, Fn fn) {
  int32_t i = 0;
  int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    fn(c);
  }
}

struct PageStats {
  int non_space = 0;
  int unmapped = 0;
  int letters_or_digits = 0;
  int tokens_with_letters = 0;
  int words = 0;
};

PageStats Measure(std::string_view utf8) {
  PageStats page;
  TokenStats token;
  auto end_token = [&] {
    if (token.letters > 0) {
      ++page.tokens_with_letters;
      if (IsWord(token)) ++page.words;
    }
    token = TokenStats{};
  };
  ForEachCodePoint(utf8, [&](UChar32 c) {
    if (c >= 0 && u_isUWhiteSpace(c)) {
      end_token();
      return;
    }
    ++page.non_space;
    if (IsUnmapped(c)) {
      ++page.unmapped;
      return;
    }
    if (u_isdigit(c)) ++page.letters_or_digits;
    if (!u_isalpha(c)) return;
    ++page.letters_or_digits;
    ++token.letters;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_LATIN) {
      token.vowel = token.vowel || IsLatinVowel(c);
    } else if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
      token.other_script = true;
    }
  });
  end_token();
  return page;
}

}  // namespace

std::string_view PageTextVerdictName(PageTextVerdict verdict) {
  switch (verdict) {
    case PageTextVerdict::kOk:
      return "ok";
    case PageTextVerdict::kNoText:
      return "no_text";
    case PageTextVerdict::kUnmappedGlyphs:
      return "unmapped_glyphs";
    case PageTextVerdict::kNotWords:
      return "not_words";
  }
  return "ok";
}

PageTextVerdict JudgePageText(std::string_view utf8) {
  PageStats page = Measure(utf8);
  if (page.non_space < kMinPageChars) return PageTextVerdict::kNoText;
  if (page.unmapped > kMaxUnmappedShare * page.non_space) {
    return PageTextVerdict::kUnmappedGlyphs;
  }
  if (page.letters_or_digits < kMinLetterOrDigitShare * page.non_space) {
    return PageTextVerdict::kNotWords;
  }
  // A page of figures (a table of numbers) has few tokens with letters;
  // it is text all the same.
  if (page.tokens_with_letters > 0 &&
      page.words < kMinWordShare * page.tokens_with_letters) {
    return PageTextVerdict::kNotWords;
  }
  return PageTextVerdict::kOk;
}

int CountWordLikeTokens(std::string_view utf8) { return Measure(utf8).words; }

}  // namespace intake
