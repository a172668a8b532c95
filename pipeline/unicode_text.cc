#include "pipeline/unicode_text.h"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace intake {

std::string ToValidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes.substr(begin, i - begin));
    }
  }
  return out;
}

int CountCodePoints(std::string_view utf8) {
  int n = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::string_view Utf16Charset(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
  std::string_view head = bytes.substr(0, 256);
  size_t pairs = head.size() / 2;
  if (pairs < 8) return "";
  size_t zero_even = 0;
  size_t zero_odd = 0;
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    if (head[i] == '\0') ++zero_even;
    if (head[i + 1] == '\0') ++zero_odd;
  }
  // Latin text in UTF-16 has a zero in nearly every high byte and almost
  // none in the low ones.
  if (zero_odd * 10 >= pairs * 9 && zero_even * 10 < pairs) return "UTF-16LE";
  if (zero_even * 10 >= pairs * 9 && zero_odd * 10 < pairs) return "UTF-16BE";
  return "";
}

std::string Utf16ToUtf8(std::string_view bytes, std::string_view charset) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    bytes.remove_prefix(2);
  }
  std::string name(charset);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()),
                          name.c_str());
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace intake
