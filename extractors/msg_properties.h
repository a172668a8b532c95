// MAPI properties of one storage of an Outlook compound file (the message
// itself, an attachment, an attached message): variable-size values from
// their "__substg1.0_IIIITTTT" streams, fixed-size ones (numbers, times)
// from the "__properties_version1.0" stream, strings converted to UTF-8.
// Bounded: no stream larger than the caller's limit is read. Not what the
// properties mean for a letter; msg_extractor.cc decides that. The layout
// is [MS-OXMSG] 2.1 and 2.4.
#ifndef INTAKE_EXTRACTORS_MSG_PROPERTIES_H_
#define INTAKE_EXTRACTORS_MSG_PROPERTIES_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extractors/gsf_handles.h"

namespace intake {

// What stands before the 16-byte property entries of a storage's
// __properties_version1.0 stream ([MS-OXMSG] 2.4.1).
enum class PropertyHeader {
  kTopMessage = 32,
  kEmbeddedMessage = 24,
  kAttachmentOrRecipient = 8,
};

// "__substg1.0_" + id and type as 8 upper-case hex digits.
std::string SubstgName(uint16_t id, uint16_t type);

// Windows FILETIME (100 ns ticks since 1601) as "2021-07-05T09:30:00Z";
// "" when out of the years 1970..9999.
std::string FiletimeToIso(uint64_t filetime);

// The properties of one storage. Borrows `storage`, which must outlive it.
// Not thread-safe (reads move the children's positions).
class MsgProperties {
 public:
  MsgProperties(GsfInfile* storage, PropertyHeader header,
                long long max_stream_bytes);

  // Bytes of child stream `name`; nullopt when absent, a storage, or larger
  // than the limit (then *too_big is set when given).
  std::optional<std::string> Stream(const std::string& name,
                                    bool* too_big = nullptr) const;
  // PT_BINARY (0x0102) property `id`.
  std::optional<std::string> Binary(uint16_t id) const;
  // PT_UNICODE (UTF-16LE) or PT_STRING8 (in `code_page`, Windows numbering)
  // property `id` as UTF-8, trailing NULs dropped; "" when absent.
  std::string String(uint16_t id, int code_page) const;
  // The 8 value bytes of fixed-size property `id` (any type) read as a
  // little-endian integer; nullopt when absent.
  std::optional<uint64_t> Fixed(uint16_t id) const;
  // Child storage `name` (an attachment, an attached message), or null.
  GsfPtr<GsfInfile> Storage(const std::string& name) const;

  GsfInfile* storage() const { return storage_; }

 private:
  GsfInfile* storage_;
  long long max_stream_bytes_;
  std::map<uint16_t, uint64_t> fixed_;  // property id -> value
};

// Storages nested deeper than this in an attached message are a hostile
// file: a forward of a forward nests 3 levels per message.
inline constexpr int kMaxStorageDepth = 32;

// The attached message in `storage` (the PT_OBJECT stream
// __substg1.0_3701000D of an attachment) as the bytes of an .msg file of
// its own: its tree copied into a new compound file, its property header
// widened to a top-level message's. nullopt when the copy would take more
// than `max_bytes` or nest deeper than kMaxStorageDepth.
std::optional<std::string> StorageAsMessage(GsfInfile* storage,
                                            long long max_bytes);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_MSG_PROPERTIES_H_
