// Bytes of a plain-text file to UTF-8: byte order marks honoured (UTF-8,
// UTF-16 LE/BE), valid UTF-8 taken as it is, anything else decoded with the
// charset ICU's detector finds (a Windows-1252 letter from a ministry's
// old PC), with a warning saying which.
#ifndef INTAKE_EXTRACTORS_TEXT_DECODE_H_
#define INTAKE_EXTRACTORS_TEXT_DECODE_H_

#include <string>
#include <string_view>

namespace intake {

struct DecodedText {
  std::string utf8;
  std::string charset;   // "UTF-8", "UTF-16LE", "windows-1252", ...
  bool guessed = false;  // true when the charset came from detection
};

DecodedText DecodeText(std::string_view bytes);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_TEXT_DECODE_H_
