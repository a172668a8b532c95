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

// The code points [start, end) of `utf8`, clamped to its length.
// REQUIRES: valid UTF-8.
std::string SliceCodePoints(std::string_view utf8, int start, int end);

// Words as a reader counts them: runs of characters between spaces.
int CountWords(std::string_view text);

}  // namespace intake

#endif  // INTAKE_PIPELINE_UNICODE_TEXT_H_
