#include "pipeline/language.h"

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <climits>

namespace intake {
namespace {

// Below this many bytes CLD2 guesses more than it knows.
constexpr size_t kMinBytes = 24;

// A fallback language holding this share of the text is kept.
constexpr int kPriorPercent = 20;

std::string Code(CLD2::Language lang) {
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 names traditional Chinese "zh-Hant"; records use the 639-1 part.
  size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  return code;
}

}  // namespace

std::string DetectLanguage(std::string_view utf8, std::string_view fallback) {
  if (utf8.size() < kMinBytes) return std::string(fallback);
  int length = utf8.size() > INT_MAX ? INT_MAX : static_cast<int>(utf8.size());
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language hint =
      fallback.empty() || fallback == "und"
          ? CLD2::UNKNOWN_LANGUAGE
          : CLD2::GetLanguageFromName(std::string(fallback).c_str());
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      utf8.data(), length, /*is_plain_text=*/true, /*tld_hint=*/"",
      CLD2::UNKNOWN_ENCODING, hint, top3, percent3, &text_bytes, &reliable);
  // The document's language is the prior for its passages: a Spanish
  // paragraph full of names must not become Galician because CLD2 leans
  // that way by a few points.
  for (int i = 0; i < 3; ++i) {
    if (top3[i] != CLD2::UNKNOWN_LANGUAGE && percent3[i] >= kPriorPercent &&
        Code(top3[i]) == fallback) {
      return std::string(fallback);
    }
  }
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) {
    return std::string(fallback);
  }
  return Code(lang);
}

}  // namespace intake
