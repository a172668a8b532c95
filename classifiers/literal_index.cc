#include "classifiers/literal_index.h"

#include <algorithm>
#include <utility>

namespace intake {

uint32_t LiteralIndex::KeyFilter::Bit(uint64_t key) {
  // Fibonacci hashing: the top 16 bits of the product mix every unit in.
  return static_cast<uint32_t>((key * 0x9E3779B97F4A7C15ull) >> 48);
}

void LiteralIndex::KeyFilter::Add(uint64_t key) {
  const uint32_t bit = Bit(key);
  bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
}

bool LiteralIndex::KeyFilter::MayHold(uint64_t key) const {
  const uint32_t bit = Bit(key);
  return (bits_[bit >> 6] >> (bit & 63) & 1) != 0;
}

void LiteralIndex::AddStart(std::u16string_view literal, int owner) {
  Literal entry;
  entry.owner = owner;
  Add(literal, std::move(entry));
}

void LiteralIndex::AddGroup(std::u16string_view literal, int group) {
  Literal entry;
  entry.group = group;
  Add(literal, std::move(entry));
}

void LiteralIndex::Add(std::u16string_view literal, Literal entry) {
  const size_t length = std::min<size_t>(literal.size(), 3);
  uint64_t key = 0;
  for (size_t n = 0; n < length; ++n) key = key << 16 | literal[n];
  entry.rest = std::u16string(literal.substr(length));
  filter_[length - 1].Add(key);
  by_key_[length - 1][key].push_back(std::move(entry));
}

void LiteralIndex::Find(std::u16string_view text, int owners, int groups,
                        LiteralHits* hits) const {
  hits->holds_.assign(static_cast<size_t>(groups), 0);
  std::vector<std::pair<int, int32_t>> found;  // (owner, start), text order
  for (size_t at = 0; at < text.size(); ++at) {
    uint64_t key = 0;
    for (size_t n = 0; n < 3 && at + n < text.size(); ++n) {
      key = key << 16 | text[at + n];
      if (!filter_[n].MayHold(key)) continue;
      auto literals = by_key_[n].find(key);
      if (literals == by_key_[n].end()) continue;
      for (const Literal& literal : literals->second) {
        if (literal.group >= 0 && hits->holds_[literal.group]) continue;
        if (!text.substr(at + n + 1).starts_with(literal.rest)) continue;
        if (literal.group >= 0) {
          hits->holds_[literal.group] = 1;
        } else {
          found.emplace_back(literal.owner, static_cast<int32_t>(at));
        }
      }
    }
  }
  // Grouped by owner with a counting sort, which keeps each owner's starts
  // in text order; then a start found by two literals is kept once.
  std::vector<int32_t>& begin = hits->begin_;
  begin.assign(static_cast<size_t>(owners) + 1, 0);
  for (const auto& [owner, at] : found) ++begin[owner + 1];
  for (int o = 0; o < owners; ++o) begin[o + 1] += begin[o];
  std::vector<int32_t> next(begin.begin(), begin.end() - 1);
  hits->at_.resize(found.size());
  for (const auto& [owner, at] : found) hits->at_[next[owner]++] = at;
  int32_t kept = 0;
  for (int o = 0; o < owners; ++o) {
    const int32_t from = begin[o];
    const int32_t to = begin[o + 1];
    begin[o] = kept;
    for (int32_t i = from; i < to; ++i) {
      if (kept == begin[o] || hits->at_[kept - 1] != hits->at_[i]) {
        hits->at_[kept++] = hits->at_[i];
      }
    }
  }
  begin[owners] = kept;
  hits->at_.resize(static_cast<size_t>(kept));
}

}  // namespace intake
