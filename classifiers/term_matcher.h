// Finding the terms and patterns of a rules file in a folded passage.
//
// A TermMatcher is built once from every term and pattern of the rules (the
// loader gives each its own entry id) and then only read: Find() is const
// and safe to call from several threads at once. Terms are word sequences
// matched against the passage's words (see text_fold.h); a word ending in
// "*" matches any word it begins. Patterns are ICU regular expressions
// matched against the folded text (pattern_set.h). A match is dropped when a
// negation term ends within `negation window` words before it in the same
// sentence, unless its entry is kept when negated.
//
// It knows nothing of labels, weights or scores: the classifier maps entry
// ids back to those.
#ifndef INTAKE_CLASSIFIERS_TERM_MATCHER_H_
#define INTAKE_CLASSIFIERS_TERM_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/pattern_set.h"
#include "classifiers/text_fold.h"
#include "pipeline/status.h"

namespace intake {

// One occurrence of an entry in a passage.
struct TermMatch {
  int entry = 0;      // the id AddTerm / AddPattern gave
  int32_t start = 0;  // code points of the original passage text
  int32_t end = 0;
};

class TermMatcher {
 public:
  TermMatcher();
  ~TermMatcher();
  TermMatcher(TermMatcher&&) noexcept;
  TermMatcher& operator=(TermMatcher&&) noexcept;

  // Adds a term and sets *entry to its id (ids are 0, 1, 2... shared by
  // terms and patterns in the order added). `lang` empty = every language.
  // Fails when the term has no words or a "*" that does not end a word.
  Status AddTerm(std::string_view term, std::string_view lang, int* entry);
  // Adds an ICU regular expression; fails when it does not compile.
  Status AddPattern(std::string_view pattern, std::string_view lang,
                    int* entry);
  // Adds a negation term (same syntax as AddTerm); it negates only in
  // passages its `lang` applies to (empty = every language).
  Status AddNegation(std::string_view term, std::string_view lang);
  // Default 0: negation terms have no effect.
  void set_negation_window(int words) { negation_window_ = words; }
  // Entry `entry` is found even where a negation stands before it.
  // REQUIRES: 0 <= entry < entry_count() (an id AddTerm or AddPattern gave).
  void KeepWhenNegated(int entry);

  int entry_count() const { return entry_count_; }

  // The term as the matcher reads it: its folded words, each followed by
  // "*" when written as a prefix, joined by spaces. Two terms with the same
  // key match the same words ("Capacity-Building*", "capacity building*").
  // Fails as AddTerm does.
  static Status TermKey(std::string_view term, std::u16string* key);

  // Every occurrence of every entry applying to `lang` in `text`, negated
  // occurrences left out unless their entry is kept when negated. Terms come
  // first in word order, then patterns in the order added, each in text order.
  // A pattern that runs past its time limit (about 20 ms) keeps the matches
  // found so far and sets *timed_out, when given, to true; it is never set to
  // false.
  std::vector<TermMatch> Find(const FoldedText& text, std::string_view lang,
                              bool* timed_out = nullptr) const;

 private:
  struct Word {
    std::u16string text;
    bool prefix = false;  // written with a trailing "*"
  };
  struct Term {
    std::vector<Word> words;
    std::string lang;
    int entry = 0;
  };

  // Open-addressing map from the FNV-1a hash of a first word to term
  // indexes (power-of-two size, linear probing: no division per probe).
  // Candidates are compared in full, so a collision costs time, never a
  // false match.
  class WordMap {
   public:
    void Add(uint64_t hash, int term);
    // nullptr when no term has that hash.
    const std::vector<int>* Find(uint64_t hash) const;

   private:
    struct Slot {
      uint64_t hash = 0;
      std::vector<int> terms;  // empty: the slot is free
    };
    std::vector<Slot> slots_;
    size_t used_ = 0;
  };

  // Terms indexed by their first word. FNV-1a is computed one character at
  // a time, so one pass over a passage word yields the hash of the word and
  // of each of its prefixes: a word costs one lookup, plus one per prefix
  // length that some prefix term has, however many terms there are.
  struct Index {
    std::vector<Term> terms;
    WordMap exact_first;   // hash of first word -> term indexes
    WordMap prefix_first;  // hash of first word's prefix -> term indexes
    // is_prefix_length[n]: some prefix term's first word has n units.
    std::vector<char> is_prefix_length;

    void Add(Term term);
    // Calls fn(term) for every term whose words match at token t.
    template <typename Fn>
    void ForEachMatchAt(const FoldedText& text, size_t t, Fn&& fn) const;
  };

  static Status CompileTerm(std::string_view term, std::vector<Word>* words);
  Index terms_;
  Index negations_;
  PatternSet patterns_;
  int negation_window_ = 0;
  int entry_count_ = 0;
  std::vector<char> kept_when_negated_;  // by entry id; shorter = not kept
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_TERM_MATCHER_H_
