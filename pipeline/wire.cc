#include "pipeline/wire.h"

#include <cstring>

namespace intake {

void WireWriter::PutInt(int64_t value) {
  char raw[sizeof value];
  std::memcpy(raw, &value, sizeof value);
  bytes_.append(raw, sizeof raw);
}

void WireWriter::PutString(std::string_view value) {
  PutInt(static_cast<int64_t>(value.size()));
  bytes_.append(value);
}

bool WireReader::GetInt(int64_t* value) {
  if (bytes_.size() < sizeof *value) return false;
  std::memcpy(value, bytes_.data(), sizeof *value);
  bytes_.remove_prefix(sizeof *value);
  return true;
}

bool WireReader::GetString(std::string* value) {
  int64_t size = 0;
  if (!GetInt(&size) || size < 0 ||
      static_cast<uint64_t>(size) > bytes_.size()) {
    return false;
  }
  value->assign(bytes_.substr(0, static_cast<size_t>(size)));
  bytes_.remove_prefix(static_cast<size_t>(size));
  return true;
}

}  // namespace intake
