#include "classifiers/literal_index.h"

#include <utility>

namespace intake {
namespace {

size_t Slot(uint64_t key, size_t mask) {
  // Fibonacci hashing: the top bits of the product mix node and unit.
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

uint64_t EdgeKey(int32_t node, char16_t unit) {
  return static_cast<uint64_t>(node) << 16 | unit;
}

// Units ICU's \b counts as word characters, and never as combining or
// format characters (which its \b looks through): ASCII letters, digits, _.
bool IsAsciiWordUnit(char16_t c) {
  return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
         (c >= u'0' && c <= u'9') || c == u'_';
}

// Whether ICU's \b cannot hold at `at`: an ASCII word character on both
// sides of it.
bool InsideAsciiWord(std::u16string_view text, size_t at) {
  return at > 0 && at < text.size() && IsAsciiWordUnit(text[at - 1]) &&
         IsAsciiWordUnit(text[at]);
}

}  // namespace

LiteralIndex::LiteralIndex() : ends_(2), has_end_(2, 0), edges_(64) {
  for (auto& children : root_ascii_) {
    for (int32_t& child : children) child = -1;
  }
}

void LiteralIndex::AddStart(std::u16string_view literal, int owner,
                            bool word_start) {
  Literal entry;
  entry.owner = owner;
  Add(literal, entry, word_start ? kWordStart : kAnywhere);
}

void LiteralIndex::AddGroup(std::u16string_view literal, int group) {
  Literal entry;
  entry.group = group;
  Add(literal, entry, kAnywhere);
}

int32_t LiteralIndex::Child(int32_t node, char16_t unit) const {
  if (node <= kWordStart && unit < 128) return root_ascii_[node][unit];
  const uint64_t key = EdgeKey(node, unit);
  const size_t mask = edges_.size() - 1;
  for (size_t i = Slot(key, mask);; i = (i + 1) & mask) {
    if (edges_[i].key == key) return edges_[i].child;
    if (edges_[i].key == kNoKey) return -1;
  }
}

void LiteralIndex::AddEdge(uint64_t key, int32_t child) {
  if (2 * (edge_count_ + 1) > edges_.size()) {
    std::vector<Edge> old = std::move(edges_);
    edges_.assign(2 * old.size(), Edge());
    edge_count_ = 0;
    for (const Edge& e : old) {
      if (e.key != kNoKey) AddEdge(e.key, e.child);
    }
  }
  const size_t mask = edges_.size() - 1;
  size_t i = Slot(key, mask);
  while (edges_[i].key != kNoKey) i = (i + 1) & mask;
  edges_[i] = {key, child};
  ++edge_count_;
}

void LiteralIndex::Add(std::u16string_view literal, Literal entry,
                       int32_t root) {
  int32_t node = root;
  for (char16_t unit : literal) {
    int32_t child = Child(node, unit);
    if (child < 0) {
      child = static_cast<int32_t>(ends_.size());
      ends_.emplace_back();
      has_end_.push_back(0);
      AddEdge(EdgeKey(node, unit), child);
      if (node <= kWordStart && unit < 128) root_ascii_[node][unit] = child;
    }
    node = child;
  }
  ends_[node].push_back(entry);
  has_end_[node] = 1;
}

void LiteralIndex::Walk(std::u16string_view text, size_t at, int32_t root,
                        std::vector<std::pair<int, int32_t>>* found,
                        LiteralHits* hits) const {
  int32_t node = root;
  for (size_t i = at; i < text.size(); ++i) {
    node = Child(node, text[i]);
    if (node < 0) return;
    if (!has_end_[node]) continue;
    for (const Literal& literal : ends_[node]) {
      if (literal.group >= 0) {
        hits->holds_[literal.group] = 1;
      } else {
        found->emplace_back(literal.owner, static_cast<int32_t>(at));
      }
    }
  }
}

void LiteralIndex::Find(std::u16string_view text, int owners, int groups,
                        LiteralHits* hits) const {
  hits->holds_.assign(static_cast<size_t>(groups), 0);
  std::vector<std::pair<int, int32_t>> found;  // (owner, start), text order
  for (size_t at = 0; at < text.size(); ++at) {
    Walk(text, at, kAnywhere, &found, hits);
    if (!InsideAsciiWord(text, at)) Walk(text, at, kWordStart, &found, hits);
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
