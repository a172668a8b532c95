// Finding where many short literals stand in a text, in one pass.
//
// The term matcher runs a rules pattern only where one of its literals
// (pattern_prefix.h) stands, and only in texts that hold a literal of each
// of its further required groups. A LiteralIndex holds all those literals,
// keyed by their first three UTF-16 units (shorter ones by what they
// have), so a text is scanned once for all of them; a filter of 64K bits
// per key length, small enough to stay in cache, skips the places where no
// key can start before any hash map is asked.
//
// Built once, then only read: Find() is const and safe to call from
// several threads at once.
#ifndef INTAKE_CLASSIFIERS_LITERAL_INDEX_H_
#define INTAKE_CLASSIFIERS_LITERAL_INDEX_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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
  // Records where `literal` starts, for `owner` (0 <= owner < owners of
  // Find). `literal` is not empty.
  void AddStart(std::u16string_view literal, int owner);
  // Records only whether a text holds `literal`, for `group` (0 <= group <
  // groups of Find). `literal` is not empty.
  void AddGroup(std::u16string_view literal, int group);

  void Find(std::u16string_view text, int owners, int groups,
            LiteralHits* hits) const;

 private:
  struct Literal {
    std::u16string rest;  // what follows the key units
    int owner = -1;       // -1: a group's literal
    int group = -1;
  };
  // A set of keys that may answer yes for a key it lacks and never no for
  // one it holds: one bit per key's hash.
  class KeyFilter {
   public:
    void Add(uint64_t key);
    bool MayHold(uint64_t key) const;

   private:
    static uint32_t Bit(uint64_t key);
    std::array<uint64_t, 1024> bits_{};
  };
  using Map = std::unordered_map<uint64_t, std::vector<Literal>>;

  void Add(std::u16string_view literal, Literal entry);

  // By key length - 1: a literal's first one, two or three units.
  std::array<Map, 3> by_key_;
  std::array<KeyFilter, 3> filter_;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_LITERAL_INDEX_H_
