// The text-quality gate of a PDF page: does the text layer Poppler found
// read as text, or should the page be OCRed?
//
// A page fails when it has (almost) no text (a scan), when many of its
// characters are U+FFFD, private-use or control characters (a font whose
// glyphs map to no Unicode), or when its tokens are not words (a font whose
// glyphs map to the wrong letters). The test for words is deliberately
// language-agnostic: a Latin word has two letters and a vowel; any letter
// of another script (Arabic, Cyrillic, Han...) counts as a word as it is.
// Not here: rendering or OCR (pdf_ocr.h), or choosing between the two
// texts (pdf_extractor.cc).
#ifndef INTAKE_EXTRACTORS_PDF_TEXT_QUALITY_H_
#define INTAKE_EXTRACTORS_PDF_TEXT_QUALITY_H_

#include <string_view>

namespace intake {

enum class PageTextVerdict {
  kOk,
  kNoText,          // fewer than kMinPageChars non-space characters
  kUnmappedGlyphs,  // too many U+FFFD / private-use / control characters
  kNotWords,        // the tokens do not read as words
};

// Stable reason codes used in records: "ok", "no_text", "unmapped_glyphs",
// "not_words".
std::string_view PageTextVerdictName(PageTextVerdict verdict);

// A page with fewer non-space characters than this has no text layer worth
// keeping (a scan with a stamp or a page number on it).
inline constexpr int kMinPageChars = 25;

// Judges the text of one page (UTF-8; invalid bytes count as unmapped).
PageTextVerdict JudgePageText(std::string_view utf8);

// Tokens that read as words by the rule above; used to compare the text
// layer with the OCR text of the same page.
int CountWordLikeTokens(std::string_view utf8);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_PDF_TEXT_QUALITY_H_
