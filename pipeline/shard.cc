#include "pipeline/shard.h"

#include <cstdint>
#include <cstdlib>

namespace intake {

bool Shard::Owns(std::string_view hex) const {
  if (count <= 1) return true;
  // The first 64 bits of SHA-256 are uniform: a plain modulus balances.
  uint64_t value = 0;
  for (char c : hex.substr(0, 16)) {
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                       : 0;
    value = value * 16 + static_cast<uint64_t>(digit);
  }
  return static_cast<int>(value % static_cast<uint64_t>(count)) == index - 1;
}

Status ParseShard(const std::string& text, Shard* shard) {
  size_t slash = text.find('/');
  char* end = nullptr;
  if (slash != std::string::npos) {
    long k = std::strtol(text.c_str(), &end, 10);
    bool k_ok = end == text.c_str() + slash && slash > 0;
    long n = std::strtol(text.c_str() + slash + 1, &end, 10);
    bool n_ok = *end == '\0' && slash + 1 < text.size();
    if (k_ok && n_ok && n >= 1 && n <= 100000 && k >= 1 && k <= n) {
      shard->index = static_cast<int>(k);
      shard->count = static_cast<int>(n);
      return Status::Ok();
    }
  }
  return Status::InvalidArgument("--shard wants K/N with 1 <= K <= N, not '" +
                                 text + "'");
}

}  // namespace intake
