#include "extractors/msg_properties.h"

#include <cstdio>
#include <ctime>

#include "extractors/mail_text.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

constexpr uint16_t kPtString8 = 0x001E;
constexpr uint16_t kPtUnicode = 0x001F;
constexpr uint16_t kPtBinary = 0x0102;
constexpr int kUtf8CodePage = 65001;

uint64_t LittleEndian(const std::string& bytes, size_t pos, int width) {
  uint64_t value = 0;
  for (int i = width - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[pos + i]);
  }
  return value;
}

std::string DropTrailingNuls(std::string text) {
  while (!text.empty() && text.back() == '\0') text.pop_back();
  return text;
}

// Copies the children of `from` into `to`; false when over budget or depth.
bool CopyChildren(GsfInfile* from, GsfOutfile* to, int depth,
                  long long* budget) {
  if (depth > kMaxStorageDepth) return false;
  int count = gsf_infile_num_children(from);
  for (int i = 0; i < count; ++i) {
    const char* name = gsf_infile_name_by_index(from, i);
    GsfPtr<GsfInput> child(gsf_infile_child_by_index(from, i));
    if (name == nullptr || !child) continue;
    bool is_dir = gsf_infile_num_children(GSF_INFILE(child.get())) >= 0;
    GsfPtr<GsfOutput> out(gsf_outfile_new_child(to, name, is_dir));
    if (!out) return false;
    bool ok = true;
    if (is_dir) {
      ok = CopyChildren(GSF_INFILE(child.get()), GSF_OUTFILE(out.get()),
                        depth + 1, budget);
    } else {
      gsf_off_t size = gsf_input_size(child.get());
      *budget -= size;
      ok = size >= 0 && *budget >= 0;
      std::string bytes(ok ? static_cast<size_t>(size) : 0, '\0');
      if (ok && size > 0) {
        ok = gsf_input_read(child.get(), bytes.size(),
                            reinterpret_cast<guint8*>(bytes.data())) != nullptr;
      }
      // An attached message's header is 8 bytes shorter than a message's
      // own ([MS-OXMSG] 2.4.1.2): insert the reserved bytes it lacks.
      if (ok && depth == 0 &&
          std::string_view(name) == "__properties_version1.0" &&
          bytes.size() >=
              static_cast<size_t>(PropertyHeader::kEmbeddedMessage)) {
        bytes.insert(static_cast<size_t>(PropertyHeader::kEmbeddedMessage), 8,
                     '\0');
      }
      if (ok) {
        ok = gsf_output_write(out.get(), bytes.size(),
                              reinterpret_cast<const guint8*>(bytes.data()));
      }
    }
    gsf_output_close(out.get());
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> StorageAsMessage(GsfInfile* storage,
                                            long long max_bytes) {
  GsfPtr<GsfOutput> sink(gsf_output_memory_new());
  GsfPtr<GsfOutfile> outfile(gsf_outfile_msole_new(sink.get()));
  if (!outfile) return std::nullopt;
  long long budget = max_bytes;
  bool ok = CopyChildren(storage, outfile.get(), 0, &budget);
  gsf_output_close(GSF_OUTPUT(outfile.get()));
  if (!ok) return std::nullopt;
  gsf_off_t size = gsf_output_size(sink.get());
  const guint8* bytes =
      gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(sink.get()));
  if (bytes == nullptr || size <= 0) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(bytes),
                     static_cast<size_t>(size));
}

std::string SubstgName(uint16_t id, uint16_t type) {
  char name[32];
  std::snprintf(name, sizeof name, "__substg1.0_%04X%04X", id, type);
  return name;
}

std::string FiletimeToIso(uint64_t filetime) {
  constexpr uint64_t kTicksPerSecond = 10'000'000;
  constexpr int64_t kUnixEpochSeconds = 11'644'473'600;  // 1601 -> 1970
  constexpr int64_t kYear10000 = 253'402'300'800;
  int64_t seconds =
      static_cast<int64_t>(filetime / kTicksPerSecond) - kUnixEpochSeconds;
  if (seconds < 0 || seconds >= kYear10000) return "";
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "";
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

MsgProperties::MsgProperties(GsfInfile* storage, PropertyHeader header,
                             long long max_stream_bytes)
    : storage_(storage), max_stream_bytes_(max_stream_bytes) {
  std::optional<std::string> props = Stream("__properties_version1.0");
  if (!props) return;
  // Each entry: tag (type, id), flags, 8 value bytes; variable-size
  // properties have their size here and their value in a __substg stream.
  for (size_t pos = static_cast<size_t>(header); pos + 16 <= props->size();
       pos += 16) {
    uint32_t tag = static_cast<uint32_t>(LittleEndian(*props, pos, 4));
    fixed_[static_cast<uint16_t>(tag >> 16)] = LittleEndian(*props, pos + 8, 8);
  }
}

std::optional<std::string> MsgProperties::Stream(const std::string& name,
                                                 bool* too_big) const {
  return ReadChildStream(storage_, name, max_stream_bytes_, too_big);
}

std::optional<std::string> MsgProperties::Binary(uint16_t id) const {
  return Stream(SubstgName(id, kPtBinary));
}

std::string MsgProperties::String(uint16_t id, int code_page) const {
  if (std::optional<std::string> utf16 = Stream(SubstgName(id, kPtUnicode))) {
    // An odd trailing byte would make ICU emit U+FFFD; it is padding.
    if (utf16->size() % 2 != 0) utf16->pop_back();
    return DropTrailingNuls(ToValidUtf8(Utf16ToUtf8(*utf16, "UTF-16LE")));
  }
  std::optional<std::string> bytes = Stream(SubstgName(id, kPtString8));
  if (!bytes) return "";
  std::string raw = DropTrailingNuls(std::move(*bytes));
  // ICU knows Windows code pages as "cpNNNN"; one it does not know is
  // decoded by detection, which is what a mail with a wrong charset gets.
  std::string charset =
      code_page == kUtf8CodePage ? "UTF-8" : "cp" + std::to_string(code_page);
  std::string ignored;
  return MailTextToUtf8(raw, charset, &ignored);
}

std::optional<uint64_t> MsgProperties::Fixed(uint16_t id) const {
  auto it = fixed_.find(id);
  if (it == fixed_.end()) return std::nullopt;
  return it->second;
}

GsfPtr<GsfInfile> MsgProperties::Storage(const std::string& name) const {
  GsfPtr<GsfInput> input(gsf_infile_child_by_name(storage_, name.c_str()));
  if (!input || !GSF_IS_INFILE(input.get()) ||
      gsf_infile_num_children(GSF_INFILE(input.get())) < 0) {
    return nullptr;
  }
  return GsfPtr<GsfInfile>(GSF_INFILE(input.release()));
}

}  // namespace intake
