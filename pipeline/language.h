// Language identification of documents and passages, through CLD2.
//
// Short texts (a signature, a date line) do not carry enough signal; the
// caller passes the document's language as the fallback for those.
#ifndef INTAKE_PIPELINE_LANGUAGE_H_
#define INTAKE_PIPELINE_LANGUAGE_H_

#include <string>
#include <string_view>

namespace intake {

// ISO 639-1 code ("en", "es", "fr", "ar", "zh", "ru", ...) of `utf8`, or
// `fallback` when the text is too short, CLD2 is not confident, or the
// fallback is among CLD2's three best guesses (it acts as a prior: pass the
// document's language when detecting a passage's).
// REQUIRES: valid UTF-8. Thread-safe.
std::string DetectLanguage(std::string_view utf8, std::string_view fallback);

}  // namespace intake

#endif  // INTAKE_PIPELINE_LANGUAGE_H_
