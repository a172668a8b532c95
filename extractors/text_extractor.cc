#include "extractors/text_extractor.h"

#include "extractors/text_decode.h"

namespace intake {

Status ExtractText(std::string_view bytes, Extraction* out) {
  out->meta.extraction = "plain-text";
  DecodedText decoded = DecodeText(bytes);
  if (decoded.guessed) {
    out->warnings.push_back("not UTF-8: decoded as " + decoded.charset +
                            " (detected)");
  }
  std::string_view data = decoded.utf8;
  std::string current;
  auto flush = [&] {
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) {
      Block b;
      b.text = current;
      out->blocks.push_back(std::move(b));
    }
    current.clear();
  };
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      flush();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
    pos = nl + 1;
  }
  flush();
  return Status::Ok();
}

}  // namespace intake
