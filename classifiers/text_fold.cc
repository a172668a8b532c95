#include "classifiers/text_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>

namespace intake {
namespace {

// Characters folded by hand, before ICU: the ones NFKD leaves alone but a
// reader (and a rules author) treats as the same letter or mark. An empty
// replacement drops the character. Sorted by code point for binary search.
struct Special {
  UChar32 c;
  const char16_t* replacement;
};
constexpr Special kSpecials[] = {
    {0x00AD, u""},  // soft hyphen: an invisible break, not a word break
    {0x00B4, u"'"}, {0x00C6, u"ae"}, {0x00D8, u"o"},  {0x00E6, u"ae"},
    {0x00F8, u"o"}, {0x0110, u"d"},  {0x0111, u"d"},  {0x0141, u"l"},
    {0x0142, u"l"}, {0x0152, u"oe"}, {0x0153, u"oe"}, {0x02BC, u"'"},
    {0x200B, u""},  {0x200C, u""},   {0x200D, u""},   {0x2010, u"-"},
    {0x2011, u"-"}, {0x2012, u"-"},  {0x2013, u"-"},  {0x2014, u"-"},
    {0x2015, u"-"}, {0x2018, u"'"},  {0x2019, u"'"},  {0x201B, u"'"},
    {0x2032, u"'"}, {0x2060, u""},   {0x2212, u"-"},  {0xFE58, u"-"},
    {0xFE63, u"-"}, {0xFEFF, u""},   {0xFF0D, u"-"},
};

const Special* FindSpecial(UChar32 c) {
  const Special* end = std::end(kSpecials);
  const Special* it = std::lower_bound(
      std::begin(kSpecials), end, c,
      [](const Special& s, UChar32 value) { return s.c < value; });
  return it != end && it->c == c ? it : nullptr;
}

void Append(char16_t unit, int32_t cp, FoldedText* out) {
  out->folded.push_back(unit);
  out->origin.push_back(cp);
}

// Folds one non-ASCII code point of the original (index `cp`).
void AppendFoldedNonAscii(UChar32 c, int32_t cp, const icu::Normalizer2* nfkd,
                          FoldedText* out) {
  if (const Special* s = FindSpecial(c)) {
    for (const char16_t* p = s->replacement; *p; ++p) Append(*p, cp, out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = nfkd->normalize(icu::UnicodeString(c), status);
  if (U_FAILURE(status)) u = icu::UnicodeString(c);
  u.foldCase();
  // Case folding can compose again (U+1E9E) or produce new marks (U+0130);
  // decompose once more so the marks below are dropped.
  status = U_ZERO_ERROR;
  if (!nfkd->isNormalized(u, status)) {
    status = U_ZERO_ERROR;
    u = nfkd->normalize(icu::UnicodeString(u), status);
  }
  for (int32_t i = 0; i < u.length();) {
    UChar32 d = u.char32At(i);
    int32_t next = u.moveIndex32(i, 1);
    if ((U_GET_GC_MASK(d) & U_GC_MN_MASK) == 0) {
      const Special* s = d >= 0x80 ? FindSpecial(d) : nullptr;
      if (s != nullptr) {
        for (const char16_t* p = s->replacement; *p; ++p) Append(*p, cp, out);
      } else {
        for (int32_t j = i; j < next; ++j) Append(u.charAt(j), cp, out);
      }
    }
    i = next;
  }
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_ND_MASK | U_GC_M_MASK)) != 0;
}

void Tokenize(FoldedText* text) {
  const std::u16string& f = text->folded;
  const int32_t n = static_cast<int32_t>(f.size());
  int32_t sentence = 0;
  bool sentence_ended = false;
  int32_t i = 0;
  while (i < n) {
    int32_t begin = i;
    UChar32 c;
    U16_NEXT(f.data(), i, n, c);
    if (IsWordChar(c)) {
      int32_t end = i;
      while (end < n) {
        int32_t j = end;
        U16_NEXT(f.data(), j, n, c);
        if (!IsWordChar(c)) break;
        end = j;
      }
      if (sentence_ended && !text->tokens.empty()) ++sentence;
      sentence_ended = false;
      text->tokens.push_back({begin, end, sentence});
      i = end;
    } else if (c == '!' || c == '?' || c == ';') {
      sentence_ended = true;
    } else if (c == '.') {
      // "art. 8" and "e.g. " end a sentence here too; negation scope only
      // gets shorter for it, which is the safe side.
      if (i == n || u_isUWhiteSpace(f[i])) sentence_ended = true;
    }
  }
}

}  // namespace

FoldedText FoldText(std::string_view utf8) {
  FoldedText out;
  out.folded.reserve(utf8.size());
  out.origin.reserve(utf8.size() + 1);
  out.cp_byte.reserve(utf8.size() + 1);
  UErrorCode status = U_ZERO_ERROR;
  // A process-wide immutable singleton owned by ICU, safe across threads.
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  int32_t cp = 0;
  while (i < length) {
    out.cp_byte.push_back(i);
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if (c == '`') c = '\'';
      Append(static_cast<char16_t>(c), cp, &out);
    } else if (U_FAILURE(status)) {
      Append(0xFFFD, cp, &out);
    } else {
      AppendFoldedNonAscii(c, cp, nfkd, &out);
    }
    ++cp;
  }
  out.cp_byte.push_back(length);
  out.origin.push_back(cp);
  Tokenize(&out);
  return out;
}

std::string FoldToUtf8(std::string_view utf8) {
  FoldedText text = FoldText(utf8);
  std::string out;
  icu::UnicodeString(false, text.folded.data(),
                     static_cast<int32_t>(text.folded.size()))
      .toUTF8String(out);
  return out;
}

std::vector<int32_t> FoldedUnitOfByte(const FoldedText& folded) {
  std::vector<int32_t> unit;
  unit.reserve(folded.folded.size() * 2 + 1);
  for (size_t i = 0; i < folded.folded.size(); ++i) {
    char16_t c = folded.folded[i];
    int bytes = c < 0x80                      ? 1
                : c < 0x800                   ? 2
                : (c >= 0xD800 && c < 0xDC00) ? 4  // with its low surrogate
                : (c >= 0xDC00 && c < 0xE000) ? 0
                                              : 3;
    for (int b = 0; b < bytes; ++b) unit.push_back(static_cast<int32_t>(i));
  }
  unit.push_back(static_cast<int32_t>(folded.folded.size()));
  return unit;
}

namespace {

// Zero-width characters and soft hyphens fold to nothing, so a span that
// ends (or starts) next to one would carry it into the evidence text.
bool IsInvisible(std::string_view cp) {
  static constexpr std::string_view kInvisible[] = {
      "\xC2\xAD",      // soft hyphen
      "\xE2\x80\x8B",  // zero width space
      "\xE2\x80\x8C",  // zero width non-joiner
      "\xE2\x80\x8D",  // zero width joiner
      "\xE2\x81\xA0",  // word joiner
      "\xEF\xBB\xBF",  // zero width no-break space
  };
  return std::find(std::begin(kInvisible), std::end(kInvisible), cp) !=
         std::end(kInvisible);
}

}  // namespace

void TrimInvisibleEnds(std::string_view text, const FoldedText& folded,
                       int32_t* start, int32_t* end) {
  auto cp = [&](int32_t k) {
    return text.substr(folded.cp_byte[k],
                       folded.cp_byte[k + 1] - folded.cp_byte[k]);
  };
  while (*end - *start > 1 && IsInvisible(cp(*end - 1))) --*end;
  while (*end - *start > 1 && IsInvisible(cp(*start))) ++*start;
}

}  // namespace intake
