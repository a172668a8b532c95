// Which Tesseract languages read a page, from the script Tesseract's
// orientation and script detection (OSD) sees on it. A page read with the
// wrong language data comes out as nonsense in the right script at best:
// letters in Arabic, Russian or Chinese need ara, rus or chi_sim, and
// reading every page with all six UN languages would cost several times
// the time on the Latin pages that are most of the mail. Only the choice;
// pdf_ocr.h runs the engines.
#ifndef INTAKE_EXTRACTORS_OCR_SCRIPTS_H_
#define INTAKE_EXTRACTORS_OCR_SCRIPTS_H_

#include <string>
#include <string_view>

namespace intake {

// Below this OSD script confidence the script is a guess: a page of a few
// words, a stamp, a signature.
inline constexpr float kMinScriptConfidence = 0.5f;

// The languages for a page whose script OSD named `script` ("Latin",
// "Arabic", "Cyrillic", "Han", ...) with `confidence`: the script's UN
// language with English (addresses, names and references are often in
// Latin letters), or `latin_languages` for Latin, any other script, or a
// confidence below kMinScriptConfidence.
std::string OcrLanguagesForScript(std::string_view script, float confidence,
                                  const std::string& latin_languages);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_OCR_SCRIPTS_H_
