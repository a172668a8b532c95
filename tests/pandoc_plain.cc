#include "tests/pandoc_plain.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <regex>

namespace intake::testing {

bool HavePandoc() {
  return std::system("pandoc --version >/dev/null 2>&1") == 0;
}

std::string RunPandoc(const std::string& path, const std::string& from) {
  std::string command = "pandoc " + (from.empty() ? "" : "-f " + from + " ") +
                        "-t plain --wrap=none '" + path + "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"),
                                             pclose);
  std::string out;
  if (pipe == nullptr) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0)
    out.append(buffer, n);
  return out;
}

std::string Collapse(const std::string& text) {
  static const std::regex kSpace("\\s+");
  std::string s = std::regex_replace(text, kSpace, " ");
  size_t b = s.find_first_not_of(' ');
  size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> PandocChunks(const std::string& plain) {
  static const std::regex kMarker("^\\s*(-|\\(?[0-9A-Za-z]{1,6}[.)])\\s+");
  static const std::regex kNoteMark("\\[[0-9]+\\]|\\^\\([^)]*\\)");
  static const std::regex kCellSplit("\\||  +");
  std::string text = std::regex_replace(plain, std::regex("\xE2\x80\x91"), "-");
  text = std::regex_replace(text, std::regex("\xC2\xAD"), "");
  std::vector<std::string> chunks;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    // Tight lists put several items in one paragraph: a marker may open
    // any line.
    std::string para;
    std::string block = text.substr(start, end - start);
    size_t line_start = 0;
    while (line_start <= block.size()) {
      size_t line_end = block.find('\n', line_start);
      if (line_end == std::string::npos) line_end = block.size();
      para +=
          std::regex_replace(block.substr(line_start, line_end - line_start),
                             kMarker, "") +
          "\n";
      line_start = line_end + 1;
    }
    para = std::regex_replace(para, kNoteMark, "");
    std::sregex_token_iterator it(para.begin(), para.end(), kCellSplit, -1),
        last;
    for (; it != last; ++it) {
      std::string chunk = Collapse(*it);
      if (chunk.find_first_not_of("-=+ ") != std::string::npos)
        chunks.push_back(chunk);
    }
    start = end + 2;
  }
  return chunks;
}

}  // namespace intake::testing
