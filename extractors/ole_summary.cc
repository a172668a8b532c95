#include "extractors/ole_summary.h"

#include <string>

#include "extractors/doc_fib.h"
#include "extractors/mail_text.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

constexpr uint32_t kPidCodePage = 1;
constexpr uint32_t kPidTitle = 2;
constexpr uint32_t kPidAuthor = 4;
constexpr uint32_t kVtI2 = 2;
constexpr uint32_t kVtLpstr = 30;
constexpr int kUtf8CodePage = 65001;
constexpr size_t kMaxProperties = 1024;

// An 8-bit string property: size, then bytes ending in NUL.
std::string Lpstr(std::string_view section, size_t at, int code_page) {
  uint32_t size = ReadLe(section, at + 4, 4);
  if (at + 8 > section.size() || section.size() - at - 8 < size) return "";
  std::string_view raw = section.substr(at + 8, size);
  while (!raw.empty() && raw.back() == '\0') raw.remove_suffix(1);
  if (code_page == kUtf8CodePage) return ToValidUtf8(raw);
  std::string ignored;
  return MailTextToUtf8(raw, "cp" + std::to_string(code_page), &ignored);
}

}  // namespace

OleSummary ParseSummaryInformation(std::string_view s) {
  OleSummary summary;
  // Header (28 bytes), then the first section's FMTID (16) and offset (4).
  uint32_t offset = ReadLe(s, 44, 4);
  if (s.size() < 48 || offset > s.size() - 8) return summary;
  uint32_t size = ReadLe(s, offset, 4);
  if (size > s.size() - offset) size = static_cast<uint32_t>(s.size() - offset);
  std::string_view section = s.substr(offset, size);
  size_t count = ReadLe(section, 4, 4);
  if (count > kMaxProperties || 8 + count * 8 > section.size()) return summary;
  int code_page = 1252;
  uint32_t title_at = 0;
  uint32_t author_at = 0;
  for (size_t i = 0; i < count; ++i) {
    uint32_t pid = ReadLe(section, 8 + i * 8, 4);
    uint32_t at = ReadLe(section, 12 + i * 8, 4);
    uint32_t type = ReadLe(section, at, 4);
    if (pid == kPidCodePage && type == kVtI2) {
      code_page = static_cast<int>(ReadLe(section, at + 4, 2));
    } else if (pid == kPidTitle && type == kVtLpstr) {
      title_at = at;
    } else if (pid == kPidAuthor && type == kVtLpstr) {
      author_at = at;
    }
  }
  if (title_at != 0) summary.title = Lpstr(section, title_at, code_page);
  if (author_at != 0) summary.author = Lpstr(section, author_at, code_page);
  return summary;
}

}  // namespace intake
