#include "classifiers/mo_file.h"

#include <cstdint>
#include <cstring>

namespace intake {
namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kMagicSwapped = 0xde120495;

class Reader {
 public:
  Reader(std::string_view bytes, bool swapped)
      : bytes_(bytes), swapped_(swapped) {}

  bool Word(size_t offset, uint32_t* out) const {
    if (offset > bytes_.size() || bytes_.size() - offset < 4) return false;
    uint32_t v;
    std::memcpy(&v, bytes_.data() + offset, 4);
    *out = swapped_ ? __builtin_bswap32(v) : v;
    return true;
  }

  // String `index` of the table at `table`: a (length, offset) pair.
  bool String(uint32_t table, uint32_t index, std::string_view* out) const {
    uint32_t length, offset;
    size_t entry = static_cast<size_t>(table) + 8ull * index;
    if (!Word(entry, &length) || !Word(entry + 4, &offset)) return false;
    if (offset > bytes_.size() || bytes_.size() - offset < length) {
      return false;
    }
    *out = bytes_.substr(offset, length);
    return true;
  }

 private:
  std::string_view bytes_;
  bool swapped_;
};

}  // namespace

Status ParseMoFile(std::string_view bytes,
                   std::map<std::string, std::string>* translations) {
  uint32_t magic = 0;
  if (bytes.size() >= 4) std::memcpy(&magic, bytes.data(), 4);
  if (magic != kMagic && magic != kMagicSwapped) {
    return Status::Corrupt("not a gettext .mo file");
  }
  Reader r(bytes, magic == kMagicSwapped);
  uint32_t count, originals, translated;
  if (!r.Word(8, &count) || !r.Word(12, &originals) ||
      !r.Word(16, &translated)) {
    return Status::Corrupt("truncated .mo header");
  }
  for (uint32_t i = 0; i < count; ++i) {
    std::string_view original, translation;
    if (!r.String(originals, i, &original) ||
        !r.String(translated, i, &translation)) {
      return Status::Corrupt("bad .mo string table entry " + std::to_string(i));
    }
    // Plural forms and context carry NULs; country names have neither.
    if (original.empty() || original.find('\0') != std::string_view::npos) {
      continue;
    }
    (*translations)[std::string(original)] =
        std::string(translation.substr(0, translation.find('\0')));
  }
  return Status::Ok();
}

}  // namespace intake
