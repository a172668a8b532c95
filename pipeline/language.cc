#include "pipeline/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <climits>

namespace intake {
namespace {

// Below this many bytes CLD2 guesses more than it knows.
constexpr size_t kMinBytes = 24;

}  // namespace

std::string DetectLanguage(std::string_view utf8, std::string_view fallback) {
  if (utf8.size() < kMinBytes) return std::string(fallback);
  bool reliable = false;
  int length = utf8.size() > INT_MAX ? INT_MAX : static_cast<int>(utf8.size());
  CLD2::Language lang =
      CLD2::DetectLanguage(utf8.data(), length, /*is_plain_text=*/true,
                           &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) {
    return std::string(fallback);
  }
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 names traditional Chinese "zh-Hant"; records use the 639-1 part.
  size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  return code;
}

}  // namespace intake
