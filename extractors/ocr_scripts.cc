#include "extractors/ocr_scripts.h"

namespace intake {

std::string OcrLanguagesForScript(std::string_view script, float confidence,
                                  const std::string& latin_languages) {
  if (confidence < kMinScriptConfidence) return latin_languages;
  // OSD's script names are those of Tesseract's osd.traineddata; Chinese
  // comes as "Han" (older data) or "HanS"/"HanT".
  if (script == "Arabic") return "ara+eng";
  if (script == "Cyrillic") return "rus+eng";
  if (script == "Han" || script == "HanS" || script == "HanT") {
    return "chi_sim+eng";
  }
  return latin_languages;
}

}  // namespace intake
