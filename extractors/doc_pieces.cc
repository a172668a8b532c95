#include "extractors/doc_pieces.h"

#include <algorithm>

namespace intake {
namespace {

constexpr uint8_t kClxPrc = 0x01;   // a Prc: property modifiers, skipped
constexpr uint8_t kClxPcdt = 0x02;  // the piece table itself
constexpr uint32_t kFcCompressed = 0x40000000;
constexpr uint32_t kFcMask = 0x3FFFFFFF;
constexpr size_t kPcdSize = 8;

// Windows-1252 0x80..0x9F; elsewhere compressed text is Latin-1 ([MS-DOC]
// 2.4.1 lists the same mapping). Undefined bytes keep their C1 value.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char16_t FromCp1252(unsigned char byte) {
  if (byte >= 0x80 && byte <= 0x9F) return kCp1252High[byte - 0x80];
  return byte;
}

// The PlcPcd inside the Clx, skipping the Prc entries before it.
Status FindPlcPcd(std::string_view table, FcLcb clx, std::string_view* plc) {
  if (clx.lcb == 0 || clx.fc > table.size() ||
      table.size() - clx.fc < clx.lcb) {
    return Status::Corrupt(
        "Word piece table missing or outside the table "
        "stream: damaged file");
  }
  std::string_view c = table.substr(clx.fc, clx.lcb);
  size_t pos = 0;
  while (pos < c.size()) {
    uint8_t type = static_cast<uint8_t>(c[pos]);
    if (type == kClxPrc) {
      pos += 3 + static_cast<int16_t>(ReadLe(c, pos + 1, 2));
    } else if (type == kClxPcdt) {
      uint32_t lcb = ReadLe(c, pos + 1, 4);
      if (pos + 5 > c.size() || c.size() - pos - 5 < lcb) break;
      *plc = c.substr(pos + 5, lcb);
      return Status::Ok();
    } else {
      break;
    }
  }
  return Status::Corrupt("Word piece table is malformed: damaged file");
}

}  // namespace

Status ReadPieces(std::string_view wd, std::string_view table, FcLcb clx,
                  uint64_t cp_count, std::vector<DocChar>* out,
                  std::vector<std::string>* warnings) {
  std::string_view plc;
  Status s = FindPlcPcd(table, clx, &plc);
  if (!s.ok()) return s;
  // n+1 CPs, then n 8-byte piece descriptors.
  if (plc.size() < 4 || (plc.size() - 4) % (4 + kPcdSize) != 0) {
    return Status::Corrupt("Word piece table has a wrong size: damaged file");
  }
  const size_t n = (plc.size() - 4) / (4 + kPcdSize);
  // Every character takes at least a byte of the stream; a count beyond
  // that is a damaged or hostile header, not a reason to allocate.
  if (cp_count > wd.size()) {
    return Status::Corrupt("Word document declares " +
                           std::to_string(cp_count) +
                           " characters, more than the file holds: damaged "
                           "file");
  }
  out->reserve(static_cast<size_t>(cp_count));
  for (size_t i = 0; i < n && out->size() < cp_count; ++i) {
    uint32_t cp_start = ReadLe(plc, i * 4, 4);
    uint32_t cp_end = ReadLe(plc, (i + 1) * 4, 4);
    if (cp_start != out->size() || cp_end < cp_start) {
      warnings->push_back(
          "Word piece table out of order: text cut at "
          "character " +
          std::to_string(out->size()));
      return Status::Ok();
    }
    uint64_t count =
        std::min<uint64_t>(cp_end - cp_start, cp_count - out->size());
    uint32_t fc = ReadLe(plc, (n + 1) * 4 + i * kPcdSize + 2, 4);
    bool compressed = (fc & kFcCompressed) != 0;
    uint64_t start = compressed ? (fc & kFcMask) / 2 : fc & kFcMask;
    uint64_t width = compressed ? 1 : 2;
    if (start > wd.size() || (wd.size() - start) / width < count) {
      warnings->push_back(
          "Word text runs past the end of the file: text "
          "cut at character " +
          std::to_string(out->size()));
      return Status::Ok();
    }
    for (uint64_t k = 0; k < count; ++k) {
      uint32_t at = static_cast<uint32_t>(start + k * width);
      char16_t unit = compressed
                          ? FromCp1252(static_cast<unsigned char>(wd[at]))
                          : static_cast<char16_t>(ReadLe(wd, at, 2));
      out->push_back({unit, at});
    }
  }
  if (out->size() < cp_count) {
    warnings->push_back("Word piece table covers " +
                        std::to_string(out->size()) + " of " +
                        std::to_string(cp_count) + " characters");
  }
  return Status::Ok();
}

}  // namespace intake
