#include "extractors/compressed_rtf.h"

#include <array>
#include <cstdint>

namespace intake {
namespace {

constexpr uint32_t kCompressed = 0x75465A4C;    // "LZFu"
constexpr uint32_t kUncompressed = 0x414C454D;  // "MELA"
constexpr size_t kHeaderBytes = 16;
constexpr size_t kRingBytes = 4096;

// What the ring holds before the first byte ([MS-OXRTFCP] 2.1.2.1).
constexpr std::string_view kPrebuffer =
    "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman "
    "\\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New "
    "RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
    "\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

uint32_t U32(std::string_view data, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(data[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(data[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(data[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(data[at + 3])) << 24;
}

Status TooLarge(long long max_bytes) {
  return Status::LimitExceeded("compressed RTF body expands past " +
                               std::to_string(max_bytes) + " bytes");
}

}  // namespace

Status DecompressRtf(std::string_view data, long long max_bytes,
                     std::string* out) {
  out->clear();
  if (data.size() < kHeaderBytes) {
    return Status::Corrupt("compressed RTF body cut short in its header");
  }
  uint32_t type = U32(data, 8);
  std::string_view body = data.substr(kHeaderBytes);
  // COMPSIZE counts the bytes after itself; a smaller one ends the data.
  uint32_t comp_size = U32(data, 0);
  if (comp_size >= 12 && comp_size - 12 < body.size()) {
    body = body.substr(0, comp_size - 12);
  }
  if (type == kUncompressed) {
    if (static_cast<long long>(body.size()) > max_bytes) {
      return TooLarge(max_bytes);
    }
    *out = std::string(body);
    return Status::Ok();
  }
  if (type != kCompressed) {
    return Status::Corrupt("compressed RTF body of an unknown kind");
  }
  std::array<char, kRingBytes> ring{};
  std::copy(kPrebuffer.begin(), kPrebuffer.end(), ring.begin());
  size_t write = kPrebuffer.size();
  auto emit = [&](char c) {
    out->push_back(c);
    ring[write] = c;
    write = (write + 1) % kRingBytes;
  };
  size_t at = 0;
  while (at < body.size()) {
    unsigned control = static_cast<unsigned char>(body[at++]);
    for (int bit = 0; bit < 8 && at < body.size(); ++bit, control >>= 1) {
      if ((control & 1) == 0) {
        emit(body[at++]);
      } else {
        if (body.size() - at < 2) return Status::Ok();  // cut short
        unsigned ref = static_cast<unsigned char>(body[at]) << 8 |
                       static_cast<unsigned char>(body[at + 1]);
        at += 2;
        size_t offset = ref >> 4;
        size_t length = (ref & 0xF) + 2;
        if (offset == write) return Status::Ok();  // the end mark
        for (size_t i = 0; i < length; ++i) {
          emit(ring[(offset + i) % kRingBytes]);
        }
      }
      if (static_cast<long long>(out->size()) > max_bytes) {
        out->clear();
        return TooLarge(max_bytes);
      }
    }
  }
  return Status::Ok();  // no end mark: what the damaged stream held
}

}  // namespace intake
