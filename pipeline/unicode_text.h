// Small UTF-8 utilities shared by the stages: validity, code point counts
// and slices. Everything else Unicode (normalisation, case folding, break
// iteration) goes through ICU directly where it is needed.
#ifndef INTAKE_PIPELINE_UNICODE_TEXT_H_
#define INTAKE_PIPELINE_UNICODE_TEXT_H_

#include <string>
#include <string_view>

namespace intake {

// Returns `bytes` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string ToValidUtf8(std::string_view bytes);

// Number of code points in `utf8`. REQUIRES: valid UTF-8.
int CountCodePoints(std::string_view utf8);

// "UTF-16LE" or "UTF-16BE" when `bytes` look like UTF-16 text: a byte order
// mark, or (Windows tools that write none) zero bytes in most odd or most
// even places of the first 256 bytes. "" otherwise.
std::string_view Utf16Charset(std::string_view bytes);

// UTF-16 bytes in `charset` (as Utf16Charset names it) to UTF-8, a byte
// order mark dropped, unpaired surrogates replaced by U+FFFD.
std::string Utf16ToUtf8(std::string_view bytes, std::string_view charset);

// Words as a reader counts them: runs of characters between spaces.
int CountWords(std::string_view text);

}  // namespace intake

#endif  // INTAKE_PIPELINE_UNICODE_TEXT_H_
