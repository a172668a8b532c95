#include "extractors/mail_text.h"

#include <unicode/unistr.h>

#include <cctype>

#include "extractors/story_blocks.h"
#include "extractors/text_decode.h"

namespace intake {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Charsets whose bytes DecodeText already reads right when they are what
// they claim, and detects from when they are not (8-bit bytes in a part
// that says us-ascii are common).
bool IsUtf8OrAscii(const std::string& charset) {
  return charset.empty() || charset == "utf-8" || charset == "utf8" ||
         charset == "us-ascii" || charset == "ascii";
}

std::string Detected(std::string_view bytes, const std::string& why,
                     std::string* warning) {
  DecodedText decoded = DecodeText(bytes);
  if (decoded.guessed) {
    *warning = why + "decoded as " + decoded.charset + " (guessed)";
  }
  return decoded.utf8;
}

}  // namespace

std::string MailTextToUtf8(std::string_view bytes, std::string_view charset,
                           std::string* warning) {
  warning->clear();
  std::string name = Lower(charset);
  if (IsUtf8OrAscii(name)) {
    std::string why = name.empty() ? "text without a charset: "
                                   : "text declared " + name + " is not: ";
    return Detected(bytes, why, warning);
  }
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()),
                          name.c_str());
  if (text.isBogus()) {
    return Detected(
        bytes, "unknown charset \"" + std::string(charset) + "\": ", warning);
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    while (!current.empty() && current.back() == '\n') current.pop_back();
    if (!IsBlank(current)) paragraphs.push_back(std::move(current));
    current.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (IsBlank(line)) {
      flush();
      continue;
    }
    current.append(line);
    current.push_back('\n');
  }
  flush();
  return paragraphs;
}

}  // namespace intake
