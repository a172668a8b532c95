// Text of a mail body part to UTF-8 paragraphs: the declared charset when
// ICU knows it, detection (text_decode.h) when it is missing, wrong or
// unknown, and blank-line paragraph splitting. Not MIME parsing: the bytes
// come here already decoded from their transfer encoding.
#ifndef INTAKE_EXTRACTORS_MAIL_TEXT_H_
#define INTAKE_EXTRACTORS_MAIL_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace intake {

// `charset` is the part's charset parameter ("" when absent). Bytes that do
// not fit it are decoded by detection; `warning` then says so, else it is
// left empty.
std::string MailTextToUtf8(std::string_view bytes, std::string_view charset,
                           std::string* warning);

// Paragraphs separated by blank lines, CRLF folded to LF, each trimmed of
// surrounding blank lines; lines inside a paragraph keep their breaks (and
// quoted "> " prefixes).
std::vector<std::string> SplitParagraphs(std::string_view text);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_MAIL_TEXT_H_
