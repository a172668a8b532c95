// Finding where many short literals stand in a text, in one pass.
//
// The term matcher runs a rules pattern only where one of its literals
// (pattern_prefix.h) stands, and only in texts that hold a literal of each
// of its further required groups. A LiteralIndex holds all those literals
// (some 9,500, of which up to 256 share their first three units) in a trie
// of UTF-16 units: from each place of a text it walks only as far as some
// literal goes on, and meets every literal that starts there on the way.
//
// Built once, then only read: Find() is const and safe to call from
// several threads at once.
#ifndef INTAKE_CLASSIFIERS_LITERAL_INDEX_H_
#define INTAKE_CLASSIFIERS_LITERAL_INDEX_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace intake {

// What LiteralIndex::Find found in one text.
class LiteralHits {
 public:
  // Where literals of `owner` start, in text order, each place once (two
  // literals of one owner, "request" and "requests", may start together).
  std::span<const int32_t> StartsOf(int owner) const {
    return {at_.data() + begin_[owner], at_.data() + begin_[owner + 1]};
  }
  // Whether the text holds a literal of `group`.
  bool Holds(int group) const { return holds_[group] != 0; }

 private:
  friend class LiteralIndex;
  std::vector<int32_t> begin_;  // owner o's starts: at_[begin_[o], begin_[o+1])
  std::vector<int32_t> at_;
  std::vector<char> holds_;
};

class LiteralIndex {
 public:
  LiteralIndex();

  // Records where `literal` starts, for `owner` (0 <= owner < owners of
  // Find). `literal` is not empty. With `word_start`, only where ICU's \b
  // can hold: not between two ASCII word characters ("ask" in "task"),
  // where a pattern opening with \b cannot match anyway. The walk for such
  // literals is made at word starts only, a sixth of the places of a text.
  void AddStart(std::u16string_view literal, int owner,
                bool word_start = false);
  // Records only whether a text holds `literal`, for `group` (0 <= group <
  // groups of Find). `literal` is not empty.
  void AddGroup(std::u16string_view literal, int group);

  void Find(std::u16string_view text, int owners, int groups,
            LiteralHits* hits) const;

 private:
  struct Literal {
    int owner = -1;  // -1: a group's literal
    int group = -1;
  };
  // An edge of the trie: from node `key >> 16` by the unit `key & 0xFFFF`.
  struct Edge {
    uint64_t key = kNoKey;
    int32_t child = 0;
  };
  static constexpr uint64_t kNoKey = ~uint64_t{0};

  // The trie has two roots: literals that may start anywhere hang from
  // kAnywhere, those that start only at a word start from kWordStart.
  static constexpr int32_t kAnywhere = 0;
  static constexpr int32_t kWordStart = 1;

  void Add(std::u16string_view literal, Literal entry, int32_t root);
  // Adds to `found` and `hits` the literals spelled from `root` at `at`.
  void Walk(std::u16string_view text, size_t at, int32_t root,
            std::vector<std::pair<int, int32_t>>* found,
            LiteralHits* hits) const;
  // The node reached from `node` by `unit`, or -1.
  int32_t Child(int32_t node, char16_t unit) const;
  void AddEdge(uint64_t key, int32_t child);

  // ends_[node]: the literals spelled by the path from its root.
  std::vector<std::vector<Literal>> ends_;
  // has_end_[node]: whether ends_[node] is not empty. A walk passes
  // through many nodes where no literal ends, and this is read from a
  // table that stays in cache instead of each node's vector.
  std::vector<char> has_end_;
  // The children of the two roots by ASCII unit (-1: none): the first
  // step of every walk, made at every place of a text.
  int32_t root_ascii_[2][128];
  // Open addressing, at most half full: a step costs one or two probes of
  // a table small enough to stay in cache.
  std::vector<Edge> edges_;
  size_t edge_count_ = 0;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_LITERAL_INDEX_H_
