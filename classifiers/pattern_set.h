// Finding the regular expressions of a rules file in a folded passage,
// fast: each pattern is run only where one of its literals stands and
// only in texts holding the further literals every match needs
// (pattern_prefix.h finds them, literal_index.h looks for them all in one
// pass), an expression added twice is run once, and the ICU matchers are
// kept from one passage to the next (regex_matcher_pool.h). What it finds
// is what ICU's find() finds with each whole pattern.
//
// Built once, then only read: Find() is const and safe to call from
// several threads at once. TermMatcher owns one and applies negation.
#ifndef INTAKE_CLASSIFIERS_PATTERN_SET_H_
#define INTAKE_CLASSIFIERS_PATTERN_SET_H_

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "classifiers/literal_index.h"
#include "classifiers/regex_matcher_pool.h"
#include "classifiers/text_fold.h"
#include "pipeline/status.h"

U_NAMESPACE_BEGIN
class RegexPattern;
U_NAMESPACE_END

namespace intake {

// Whether an entry written for `entry_lang` ("" for every language)
// applies to a passage in `lang`: "en" applies to "en-GB" too.
bool LangApplies(std::string_view entry_lang, std::string_view lang);

// One match of a pattern, in units of the folded text.
struct PatternMatch {
  int entry = 0;
  int32_t begin = 0;
  int32_t end = 0;
};

class PatternSet {
 public:
  PatternSet();
  ~PatternSet();
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;

  // Adds an ICU regular expression for `entry`; fails, naming the pattern
  // and the offset, when it does not compile.
  Status Add(std::string_view pattern, std::string_view lang, int entry);

  // Appends to *out the matches of every pattern applying to `lang`, the
  // patterns in the order added, each one's in text order. A pattern that
  // runs past its time limit (about 20 ms) keeps the matches found so far
  // and sets *timed_out, when given, to true.
  void Find(const FoldedText& text, std::string_view lang,
            std::vector<PatternMatch>* out, bool* timed_out) const;

 private:
  struct Pattern;
  struct Alternative;
  struct FindContext;
  class Cursor;
  using Span = std::pair<int32_t, int32_t>;  // begin, end
  using Spans = std::vector<Span>;

  // Appends to *spans the matches of patterns_[p], searched by its
  // Pattern::parts, in text order: what one find() of the whole pattern
  // reports over `text`, empty matches left out.
  void Search(const std::u16string& text, size_t p, const FindContext& context,
              std::vector<int32_t>* scratch, Spans* spans) const;

  static Status CompileRegex(std::string_view pattern,
                             std::unique_ptr<icu::RegexPattern>* out);
  // Adds `regex` as patterns_.back() for `entry`.
  void AppendPattern(std::unique_ptr<icu::RegexPattern> regex,
                     std::string_view lang, int entry);

  // Records `literals` of `pattern` in literals_ under a new owner, which
  // it returns: `leading`, where a match starts; else where one may be.
  int AddStarts(std::u16string_view pattern,
                const std::vector<std::u16string>& literals, bool leading);
  // Records groups of literals (each: a text must hold one of them) in
  // literals_ and returns their ids.
  std::vector<int> AddGroups(
      const std::vector<std::vector<std::u16string>>& groups);
  // Pattern::alternatives for a pattern that opens with literals, recorded
  // in literals_; empty when its alternatives need nothing more than
  // their openings (the whole is then found by its literals).
  std::vector<Alternative> AddAlternatives(std::u16string_view pattern);

  // The index of `lang` in langs_, added when new.
  int LangId(std::string_view lang);

  std::vector<Pattern> patterns_;
  // The index in patterns_ of the first pattern (or first alternative) of
  // each expression and languages added, keyed "lang\nexpression": a
  // pattern added again is its twin.
  std::unordered_map<std::string, int> first_of_;
  // The patterns' literals (Pattern::owner, Alternative::owner) and those
  // of their further required groups (also_required_ids).
  LiteralIndex literals_;
  std::vector<std::string> langs_;  // each pattern's, once
  int group_count_ = 0;             // required groups of all patterns
  int owner_count_ = 0;             // owners of literals_
  int twin_slots_ = 0;              // patterns with twins
  // After patterns_: its matchers go before the patterns they run.
  std::unique_ptr<RegexMatcherPool> matchers_ =
      std::make_unique<RegexMatcherPool>();
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_PATTERN_SET_H_
