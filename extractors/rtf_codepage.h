// Code pages of RTF text: which Windows code page an RTF font charset
// (\fcharsetN) or document (\ansicpgN, \mac, \pc) names, and bytes in that
// code page to UTF-8 through ICU converters.
//
// RTF carries non-ASCII text as bytes (\'hh or raw) in the code page of the
// current font, so a Cyrillic font in a Latin document switches decoding
// mid-sentence. This module is only the decoding; which font is current is
// rtf_extractor.cc's business. Not thread-safe: one decoder per document.
#ifndef INTAKE_EXTRACTORS_RTF_CODEPAGE_H_
#define INTAKE_EXTRACTORS_RTF_CODEPAGE_H_

#include <unicode/ucnv.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace intake {

// Windows' own number for symbol fonts (Symbol, Wingdings): their bytes are
// glyph indexes, not characters of any code page.
constexpr int kSymbolCodePage = 42;
// What RTF assumes when a document names nothing (\ansi).
constexpr int kDefaultCodePage = 1252;

// The code page of \fcharsetN; 0 for DEFAULT_CHARSET (1) and for numbers
// this table does not know, meaning "the document's code page".
int CodePageOfCharset(int charset);

// Appends code point `c` as UTF-8. Surrogates and values past U+10FFFF
// become U+FFFD.
void AppendUtf8(char32_t c, std::string* out);

// What a symbol-font byte (or its U+F0xx private-use alias) shows as, for
// the few glyphs letters use as list bullets; 0 when it has no such meaning.
char32_t SymbolFontChar(unsigned byte);

class CodePageDecoder {
 public:
  // Appends `bytes`, in Windows code page `code_page`, to `*out` as UTF-8.
  // Bytes that do not decode become U+FFFD; C0 controls other than tab are
  // dropped. Returns false when ICU has no converter for `code_page`; the
  // bytes are then decoded as windows-1252.
  bool Decode(int code_page, std::string_view bytes, std::string* out);

 private:
  struct ConverterClose {
    void operator()(UConverter* c) const { ucnv_close(c); }
  };
  using ConverterPtr = std::unique_ptr<UConverter, ConverterClose>;

  // The cached converter for `code_page`, or nullptr when there is none.
  UConverter* Converter(int code_page);

  std::map<int, ConverterPtr> converters_;
};

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_RTF_CODEPAGE_H_
