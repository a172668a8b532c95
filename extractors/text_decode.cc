#include "extractors/text_decode.h"

#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "pipeline/unicode_text.h"

namespace intake {
namespace {

struct DetectorClose {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string Convert(std::string_view bytes, const char* charset) {
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()),
                          charset);
  std::string out;
  text.toUTF8String(out);
  return out;
}

// ICU's guess, or windows-1252 (a superset of Latin-1 that decodes every
// byte) when it has none.
std::string DetectCharset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> detector(
      ucsdet_open(&status));
  if (U_FAILURE(status)) return "windows-1252";
  ucsdet_setText(detector.get(), bytes.data(),
                 static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "windows-1252";
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return "windows-1252";
  std::string charset = name;
  // A UTF-8 guess for bytes that are not UTF-8 is no help.
  return charset == "UTF-8" ? "windows-1252" : charset;
}

}  // namespace

DecodedText DecodeText(std::string_view bytes) {
  DecodedText out;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string_view utf16 = Utf16Charset(bytes);
  if (!utf16.empty()) {
    out.charset = std::string(utf16);
    out.utf8 = Utf16ToUtf8(bytes, utf16);
  } else if (IsValidUtf8(bytes)) {
    out.charset = "UTF-8";
    out.utf8 = std::string(bytes);
  } else {
    out.charset = DetectCharset(bytes);
    out.guessed = true;
    out.utf8 = Convert(bytes, out.charset.c_str());
  }
  return out;
}

}  // namespace intake
