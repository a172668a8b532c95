#include "extractors/rtf_codepage.h"

#include <unicode/utf16.h>

#include <vector>

namespace intake {
namespace {

struct CharsetRow {
  int charset;
  int code_page;
};

// From the RTF 1.9.1 specification's \fcharset table.
constexpr CharsetRow kCharsets[] =
    {
        {0, 1252},   {2, kSymbolCodePage}, {77, 10000},
        {78, 932},  // Mac Japanese: Shift-JIS is the closest ICU has
        {79, 10003}, {80, 10008},          {81, 10002},
        {83, 10005}, {84, 10004},          {85, 10006},
        {86, 10081}, {87, 10021},          {88, 10029},
        {89, 10007}, {128, 932},           {129, 949},
        {130, 1361}, {134, 936},           {136, 950},
        {161, 1253}, {162, 1254},          {163, 1258},
        {177, 1255}, {178, 1256},          {186, 1257},
        {204, 1251}, {222, 874},           {238, 1250},
        {254, 437},  {255, 850},
};

struct SymbolRow {
  unsigned byte;
  char32_t c;
};

// Bullets as Word writes them in Symbol and Wingdings list labels.
constexpr SymbolRow kSymbols[] = {
    {0xB7, U'\u2022'}, {0xA7, U'\u25AA'}, {0x6C, U'\u25CF'}, {0x6E, U'\u25A0'},
    {0x6F, U'\u25A1'}, {0x71, U'\u2751'}, {0x76, U'\u2756'}, {0xD8, U'\u27A2'},
    {0xFC, U'\u2713'}, {0x2D, U'-'},
};

// ICU knows the Windows code pages as "windows-N" (Mac ones too, as
// windows-10000...); a few only under another alias.
std::vector<std::string> IcuNames(int code_page) {
  std::string n = std::to_string(code_page);
  if (code_page == 65001) return {"UTF-8"};
  return {"windows-" + n, "cp" + n, "ibm-" + n};
}

}  // namespace

int CodePageOfCharset(int charset) {
  for (const CharsetRow& row : kCharsets) {
    if (row.charset == charset) return row.code_page;
  }
  return 0;
}

void AppendUtf8(char32_t c, std::string* out) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

char32_t SymbolFontChar(unsigned byte) {
  if (byte >= 0xF000 && byte <= 0xF0FF) byte -= 0xF000;
  for (const SymbolRow& row : kSymbols) {
    if (row.byte == byte) return row.c;
  }
  return 0;
}

UConverter* CodePageDecoder::Converter(int code_page) {
  auto it = converters_.find(code_page);
  if (it != converters_.end()) return it->second.get();
  ConverterPtr converter;
  for (const std::string& name : IcuNames(code_page)) {
    UErrorCode status = U_ZERO_ERROR;
    converter.reset(ucnv_open(name.c_str(), &status));
    if (U_SUCCESS(status) && converter != nullptr) break;
    converter.reset();
  }
  UConverter* raw = converter.get();
  converters_.emplace(code_page, std::move(converter));
  return raw;
}

bool CodePageDecoder::Decode(int code_page, std::string_view bytes,
                             std::string* out) {
  if (bytes.empty()) return true;
  bool known = true;
  if (code_page == kSymbolCodePage) {
    std::string rest;
    for (char b : bytes) {
      char32_t c = SymbolFontChar(static_cast<unsigned char>(b));
      if (c == 0) {
        rest.push_back(b);
        continue;
      }
      Decode(kDefaultCodePage, rest, out);
      rest.clear();
      AppendUtf8(c, out);
    }
    return Decode(kDefaultCodePage, rest, out);
  }
  UConverter* converter = Converter(code_page);
  if (converter == nullptr) {
    known = false;
    converter = Converter(kDefaultCodePage);
    if (converter == nullptr) return false;
  }
  ucnv_reset(converter);
  std::vector<UChar> units(bytes.size() * 2 + 4);
  UChar* target = units.data();
  const char* source = bytes.data();
  UErrorCode status = U_ZERO_ERROR;
  ucnv_toUnicode(converter, &target, units.data() + units.size(), &source,
                 bytes.data() + bytes.size(), nullptr, /*flush=*/true, &status);
  int32_t length = static_cast<int32_t>(target - units.data());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U16_NEXT(units.data(), i, length, c);
    // ICU substitutes U+001A for bytes a single-byte code page lacks.
    if (c == 0x1A) c = 0xFFFD;
    if (c < 0x20 && c != '\t') continue;
    AppendUtf8(static_cast<char32_t>(c), out);
  }
  return known;
}

}  // namespace intake
