#include "classifiers/term_matcher.h"

#include <unicode/parseerr.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cstdlib>
#include <span>
#include <tuple>

#include "classifiers/pattern_prefix.h"

namespace intake {
namespace {

// ICU's match-engine time limit per find(), in its own units. Measured with
// ICU 72 on (a+)+b against 200 a's: 20 gives ~2 ms, 100 ~14 ms, 200 ~27
// ms; 150 is the ~20 ms docs/rules.md promises.
constexpr int32_t kPatternStepLimit = 150;

bool LangApplies(std::string_view entry_lang, std::string_view lang) {
  if (entry_lang.empty() || entry_lang == lang) return true;
  // A term for "en" also applies to a passage tagged "en-GB".
  return lang.size() > entry_lang.size() && lang.starts_with(entry_lang) &&
         lang[entry_lang.size()] == '-';
}

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

uint64_t FnvStep(uint64_t hash, char16_t unit) {
  return (hash ^ static_cast<uint64_t>(unit)) * kFnvPrime;
}

uint64_t FnvHash(std::u16string_view s) {
  uint64_t hash = kFnvOffset;
  for (char16_t unit : s) hash = FnvStep(hash, unit);
  return hash;
}

bool WordMatches(std::u16string_view word, const std::u16string& text,
                 bool prefix) {
  return prefix ? word.starts_with(text) : word == text;
}

// The groups of literals (pattern_prefix.h) one of each of which a text
// must hold for `pattern` to match there, worth looking for before it is
// run: not `literals`, the ones it is found by, and none with a short
// literal (" ", "de"), which nearly every text holds: looking for those
// costs more than it saves.
std::vector<std::vector<std::u16string>> FurtherGroups(
    std::u16string_view pattern, const std::vector<std::u16string>& literals) {
  std::vector<std::vector<std::u16string>> out;
  for (std::vector<std::u16string>& group : RequiredLiteralGroups(pattern)) {
    bool short_literal =
        std::any_of(group.begin(), group.end(),
                    [](const std::u16string& l) { return l.size() < 3; });
    if (short_literal || group == literals) continue;
    out.push_back(std::move(group));
  }
  return out;
}

}  // namespace

// A top-level alternative of a pattern (Pattern::alternatives).
struct TermMatcher::Alternative {
  int owner = 0;  // of its leading literals in literals_
  std::vector<int> also_required_ids;
};

struct TermMatcher::Pattern {
  std::unique_ptr<icu::RegexPattern> regex;
  // Every match starts with one of these (pattern_prefix.h); empty: the
  // pattern is tried at every position.
  std::vector<std::u16string> leading;
  // When `leading` is empty: every match holds one of these; a text with
  // none of them is not searched. Empty: always searched.
  std::vector<std::u16string> required;

  // The literals looked for in a text before the pattern is run.
  const std::vector<std::u16string>& Literals() const {
    return leading.empty() ? required : leading;
  }
  // Its literals' owner in literals_.
  int owner = -1;
  // When its top-level alternatives each open with literals and some need
  // more words than those ("\b(use|build)\w*\b[^.;]{0,80}\b(gravity|
  // retorts?)\b|\b(gravity|retorts?)\b..."), which no group of the whole
  // pattern can say: where each opens (its own owner) and what else it
  // needs. The pattern is then tried only where an alternative opens whose
  // groups are all in the text; `owner` is unused.
  std::vector<Alternative> alternatives;
  // The ids in literals_ of more groups of literals every match holds one
  // of (pattern_prefix.h), checked once `Literals()` were found: "request"
  // alone is not enough for "\b(request|ask)\b (\w+ ){0,4}(support|help)"
  // to be run.
  std::vector<int> also_required_ids;
  // Every match starts at the start of the text (a heading's or a table
  // row's shape): tried there once, not at every place.
  bool anchored = false;
  std::string lang;
  int lang_id = 0;  // lang's index in TermMatcher::pattern_langs_
  int entry = 0;
  // The same expression for the same languages was added before, as
  // patterns_[same_as]: its matches are this one's, found once (a rules
  // file may give one pattern, such as what a heading looks like, to
  // every label). -1: none; `regex` is then null.
  int same_as = -1;
  // Some later pattern is the same as this one: where Find keeps its
  // matches for them. -1: none.
  int twin_slot = -1;
  // On the first of a pattern searched by its top-level alternatives
  // (AddPattern): how many patterns_, from this one, are its alternatives.
  // 1 for every other pattern; the others of the group are skipped.
  int parts = 1;
};

TermMatcher::TermMatcher() = default;
TermMatcher::~TermMatcher() = default;
TermMatcher::TermMatcher(TermMatcher&&) noexcept = default;
TermMatcher& TermMatcher::operator=(TermMatcher&&) noexcept = default;

void TermMatcher::WordMap::Add(uint64_t hash, int term) {
  if (2 * (used_ + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(16, 2 * old.size()), Slot());
    const size_t mask = slots_.size() - 1;
    for (Slot& slot : old) {
      if (slot.terms.empty()) continue;
      size_t i = slot.hash & mask;
      while (!slots_[i].terms.empty()) i = (i + 1) & mask;
      slots_[i] = std::move(slot);
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (!slots_[i].terms.empty() && slots_[i].hash != hash) {
    i = (i + 1) & mask;
  }
  if (slots_[i].terms.empty()) {
    slots_[i].hash = hash;
    ++used_;
  }
  slots_[i].terms.push_back(term);
}

const std::vector<int>* TermMatcher::WordMap::Find(uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask; !slots_[i].terms.empty(); i = (i + 1) & mask) {
    if (slots_[i].hash == hash) return &slots_[i].terms;
  }
  return nullptr;
}

void TermMatcher::Index::Add(Term term) {
  const Word& first = term.words.front();
  int index = static_cast<int>(terms.size());
  uint64_t hash = FnvHash(first.text);
  if (first.prefix) {
    prefix_first.Add(hash, index);
    size_t length = first.text.size();
    if (is_prefix_length.size() <= length) is_prefix_length.resize(length + 1);
    is_prefix_length[length] = 1;
  } else {
    exact_first.Add(hash, index);
  }
  terms.push_back(std::move(term));
}

template <typename Fn>
void TermMatcher::Index::ForEachMatchAt(const FoldedText& text, size_t t,
                                        Fn&& fn) const {
  std::u16string_view word = text.Word(text.tokens[t]);
  auto try_terms = [&](const std::vector<int>& candidates) {
    for (int index : candidates) {
      const Term& term = terms[index];
      if (t + term.words.size() > text.tokens.size()) continue;
      bool all = true;
      for (size_t w = 0; w < term.words.size() && all; ++w) {
        all = WordMatches(text.Word(text.tokens[t + w]), term.words[w].text,
                          term.words[w].prefix);
      }
      if (all) fn(term);
    }
  };
  uint64_t hash = kFnvOffset;
  const size_t prefix_limit = is_prefix_length.size();
  for (size_t i = 0; i < word.size(); ++i) {
    hash = FnvStep(hash, word[i]);
    if (i + 1 < prefix_limit && is_prefix_length[i + 1]) {
      if (const std::vector<int>* c = prefix_first.Find(hash)) try_terms(*c);
    }
  }
  if (const std::vector<int>* c = exact_first.Find(hash)) try_terms(*c);
}

Status TermMatcher::CompileTerm(std::string_view term,
                                std::vector<Word>* words) {
  FoldedText folded = FoldText(term);
  const std::u16string& f = folded.folded;
  std::vector<bool> star_used(f.size(), false);
  for (const FoldedToken& token : folded.tokens) {
    bool prefix =
        static_cast<size_t>(token.end) < f.size() && f[token.end] == u'*';
    if (prefix) star_used[token.end] = true;
    words->push_back({std::u16string(folded.Word(token)), prefix});
  }
  if (words->empty()) {
    return Status::InvalidArgument("term \"" + std::string(term) +
                                   "\" has no words");
  }
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] == u'*' && !star_used[i]) {
      return Status::InvalidArgument("term \"" + std::string(term) +
                                     "\": \"*\" may only end a word");
    }
  }
  return Status::Ok();
}

Status TermMatcher::AddTerm(std::string_view term, std::string_view lang,
                            int* entry) {
  Term compiled;
  Status s = CompileTerm(term, &compiled.words);
  if (!s.ok()) return s;
  compiled.lang = lang;
  compiled.entry = entry_count_++;
  *entry = compiled.entry;
  terms_.Add(std::move(compiled));
  return Status::Ok();
}

Status TermMatcher::AddNegation(std::string_view term, std::string_view lang) {
  Term compiled;
  Status s = CompileTerm(term, &compiled.words);
  if (!s.ok()) return s;
  compiled.lang = lang;
  negations_.Add(std::move(compiled));
  return Status::Ok();
}

Status TermMatcher::AddPattern(std::string_view pattern, std::string_view lang,
                               int* entry) {
  // The same expression for the same languages, added before (as one
  // pattern or as its alternatives): search it once.
  std::string key = std::string(lang) + '\n' + std::string(pattern);
  if (auto known = first_of_.find(key); known != first_of_.end()) {
    const int id = entry_count_++;
    *entry = id;
    const int p = known->second;
    if (patterns_[p].twin_slot < 0) patterns_[p].twin_slot = twin_slots_++;
    Pattern twin;
    twin.same_as = p;
    twin.lang = lang;
    twin.lang_id = PatternLangId(lang);
    twin.entry = id;
    patterns_.push_back(std::move(twin));
    return Status::Ok();
  }
  std::unique_ptr<icu::RegexPattern> whole;
  Status s = CompileRegex(pattern, &whole);
  if (!s.ok()) return s;
  const int id = entry_count_++;
  *entry = id;
  // A pattern no literal can start is tried at every place of every text
  // holding its required literals; its top-level alternatives often each
  // have literals of their own ("\bwho (regional|country) offices?\b|\b
  // (from|by) who\b|..."): searched apart, with the same entry, they find
  // what it finds, and the entry still counts once.
  const icu::UnicodeString source = whole->pattern();
  const std::u16string_view source_view(source.getBuffer(),
                                        static_cast<size_t>(source.length()));
  std::vector<std::unique_ptr<icu::RegexPattern>> parts;
  if (LeadingLiterals(source_view).empty()) {
    const std::vector<std::u16string_view> alternatives =
        TopLevelAlternatives(source_view);
    bool some_lead = false;
    for (std::u16string_view alternative : alternatives) {
      if (alternatives.size() < 2) break;
      std::string text;
      icu::UnicodeString(alternative.data(),
                         static_cast<int32_t>(alternative.size()))
          .toUTF8String(text);
      std::unique_ptr<icu::RegexPattern> part;
      if (!CompileRegex(text, &part).ok()) {
        parts.clear();
        break;
      }
      some_lead = some_lead || !LeadingLiterals(alternative).empty();
      parts.push_back(std::move(part));
    }
    if (!some_lead) parts.clear();
  }
  if (parts.empty()) parts.push_back(std::move(whole));
  const size_t first = patterns_.size();
  for (std::unique_ptr<icu::RegexPattern>& part : parts) {
    AppendPattern(std::move(part), lang, id);
  }
  patterns_[first].parts = static_cast<int>(parts.size());
  first_of_.emplace(std::move(key), static_cast<int>(first));
  return Status::Ok();
}

int TermMatcher::PatternLangId(std::string_view lang) {
  auto known = std::find(pattern_langs_.begin(), pattern_langs_.end(), lang);
  if (known != pattern_langs_.end()) {
    return static_cast<int>(known - pattern_langs_.begin());
  }
  pattern_langs_.emplace_back(lang);
  return static_cast<int>(pattern_langs_.size()) - 1;
}

Status TermMatcher::CompileRegex(std::string_view pattern,
                                 std::unique_ptr<icu::RegexPattern>* out) {
  const icu::UnicodeString given = icu::UnicodeString::fromUTF8(
      icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
  // Only where matches start and end is read: groups need not capture.
  const std::u16string fast = WithoutCaptures(std::u16string_view(
      given.getBuffer(), static_cast<size_t>(given.length())));
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  out->reset(icu::RegexPattern::compile(
      icu::UnicodeString(fast.data(), static_cast<int32_t>(fast.size())), 0,
      parse_error, status));
  if (U_FAILURE(status) || *out == nullptr) {
    // The error as the pattern was written, offset included.
    parse_error = UParseError{};
    status = U_ZERO_ERROR;
    out->reset(icu::RegexPattern::compile(given, 0, parse_error, status));
  }
  if (U_FAILURE(status) || *out == nullptr) {
    std::string where;
    if (parse_error.offset >= 0) {
      where = " at offset " + std::to_string(parse_error.offset);
    }
    return Status::InvalidArgument(
        "pattern \"" + std::string(pattern) +
        "\" does not compile: " + u_errorName(status) + where);
  }
  return Status::Ok();
}

void TermMatcher::AppendPattern(std::unique_ptr<icu::RegexPattern> regex,
                                std::string_view lang, int entry) {
  Pattern compiled;
  compiled.regex = std::move(regex);
  const icu::UnicodeString source = compiled.regex->pattern();
  const std::u16string_view source_view(source.getBuffer(),
                                        static_cast<size_t>(source.length()));
  compiled.leading = LeadingLiterals(source_view);
  if (compiled.leading.empty()) {
    compiled.required = RequiredLiterals(source_view);
  }
  compiled.also_required_ids =
      AddGroups(FurtherGroups(source_view, compiled.Literals()));
  compiled.anchored = AnchoredAtStart(source_view);
  if (!compiled.leading.empty()) {
    compiled.alternatives = AddAlternatives(source_view);
  }
  if (compiled.alternatives.empty()) {
    compiled.owner =
        AddStarts(source_view, compiled.Literals(), !compiled.leading.empty());
  }
  compiled.lang = lang;
  compiled.lang_id = PatternLangId(lang);
  compiled.entry = entry;
  patterns_.push_back(std::move(compiled));
}

int TermMatcher::AddStarts(std::u16string_view pattern,
                           const std::vector<std::u16string>& literals,
                           bool leading) {
  const int owner = owner_count_++;
  // Leading literals are where a match starts, so one inside an ASCII word
  // cannot start a pattern that opens with \b; required ones only say the
  // pattern may match somewhere.
  const bool word_start = leading && StartsAtWordBoundary(pattern);
  for (const std::u16string& literal : literals) {
    literals_.AddStart(literal, owner, word_start);
  }
  return owner;
}

std::vector<int> TermMatcher::AddGroups(
    const std::vector<std::vector<std::u16string>>& groups) {
  std::vector<int> ids;
  for (const std::vector<std::u16string>& group : groups) {
    const int id = group_count_++;
    for (const std::u16string& literal : group) {
      literals_.AddGroup(literal, id);
    }
    ids.push_back(id);
  }
  return ids;
}

std::vector<TermMatcher::Alternative> TermMatcher::AddAlternatives(
    std::u16string_view pattern) {
  const std::vector<std::u16string_view> parts = TopLevelAlternatives(pattern);
  if (parts.size() < 2) return {};
  std::vector<std::vector<std::u16string>> leading;
  std::vector<std::vector<std::vector<std::u16string>>> groups;
  bool more = false;  // some alternative needs more than its opening
  for (std::u16string_view part : parts) {
    leading.push_back(LeadingLiterals(part));
    if (leading.back().empty()) return {};
    groups.push_back(FurtherGroups(part, leading.back()));
    more = more || !groups.back().empty();
  }
  if (!more) return {};
  std::vector<Alternative> out;
  for (size_t k = 0; k < parts.size(); ++k) {
    out.push_back(
        {AddStarts(parts[k], leading[k], true), AddGroups(groups[k])});
  }
  return out;
}

std::vector<TermMatch> TermMatcher::Find(const FoldedText& text,
                                         std::string_view lang,
                                         bool* timed_out) const {
  const std::vector<FoldedToken>& tokens = text.tokens;
  // last_negation[t]: the last word of the nearest negation ending before
  // word t, or -1. Only the nearest matters: it is both the closest and,
  // sentences being in order, the likeliest to share t's sentence.
  std::vector<int32_t> last_negation(tokens.size() + 1, -1);
  if (negation_window_ > 0 && !negations_.terms.empty()) {
    std::vector<int32_t> ends_at(tokens.size(), -1);
    for (size_t t = 0; t < tokens.size(); ++t) {
      negations_.ForEachMatchAt(text, t, [&](const Term& term) {
        if (!LangApplies(term.lang, lang)) return;
        size_t last = t + term.words.size() - 1;
        ends_at[last] = static_cast<int32_t>(last);
      });
    }
    for (size_t t = 1; t <= tokens.size(); ++t) {
      last_negation[t] =
          ends_at[t - 1] >= 0 ? ends_at[t - 1] : last_negation[t - 1];
    }
  }
  auto negated = [&](size_t t) {
    int32_t n = last_negation[t];
    if (n < 0) return false;
    if (static_cast<int32_t>(t) - n > negation_window_) return false;
    return t == tokens.size() || tokens[n].sentence == tokens[t].sentence;
  };

  std::vector<TermMatch> matches;
  for (size_t t = 0; t < tokens.size(); ++t) {
    terms_.ForEachMatchAt(text, t, [&](const Term& term) {
      if (!LangApplies(term.lang, lang) || negated(t)) return;
      const FoldedToken& last = tokens[t + term.words.size() - 1];
      matches.push_back({term.entry, text.OriginalStart(tokens[t].begin),
                         text.OriginalEnd(last.end)});
    });
  }

  if (patterns_.empty()) return matches;
  // A read-only alias: the folded text outlives every matcher below.
  const icu::UnicodeString input(false, text.folded.data(),
                                 static_cast<int32_t>(text.folded.size()));
  RegexMatcherPool::Lease matchers(matchers_.get());
  using Spans = std::vector<std::pair<int32_t, int32_t>>;
  // What each pattern with twins found (Pattern::twin_slot), for its twins.
  std::vector<Spans> found_by(static_cast<size_t>(twin_slots_));
  auto add_match = [&](const Pattern& pattern, int32_t begin, int32_t end) {
    // The word the match starts in (or the next one) decides negation.
    auto it = std::lower_bound(tokens.begin(), tokens.end(), begin,
                               [](const FoldedToken& token, int32_t value) {
                                 return token.end <= value;
                               });
    if (negated(static_cast<size_t>(it - tokens.begin()))) return;
    matches.push_back(
        {pattern.entry, text.OriginalStart(begin), text.OriginalEnd(end)});
  };
  // Where each pattern's literals stand, in text order: where a match
  // could start (leading literals) or only that one could (required ones).
  LiteralHits found;
  literals_.Find(text.folded, owner_count_, group_count_, &found);
  auto holds_all = [&](const std::vector<int>& group_ids) {
    return std::all_of(group_ids.begin(), group_ids.end(),
                       [&](int id) { return found.Holds(id); });
  };
  // Where `pattern`, which opens with literals, may start, in text order.
  // One with Pattern::alternatives may start where an alternative opens
  // whose groups are all in the text (one missing a group matches
  // nowhere); the whole pattern is tried there, so where two open together
  // the first that matches wins, as in find(). `merged` holds those places.
  std::vector<int32_t> merged;
  auto leading_starts = [&](const Pattern& pattern) {
    if (pattern.alternatives.empty()) {
      if (!holds_all(pattern.also_required_ids)) {
        return std::span<const int32_t>();
      }
      return found.StartsOf(pattern.owner);
    }
    merged.clear();
    for (const Alternative& alternative : pattern.alternatives) {
      if (!holds_all(alternative.also_required_ids)) continue;
      std::span<const int32_t> starts = found.StartsOf(alternative.owner);
      merged.insert(merged.end(), starts.begin(), starts.end());
    }
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    return std::span<const int32_t>(merged);
  };
  // The matches of patterns_[p] alone, in text order, as find() gives them.
  auto search = [&](size_t p, Spans* out) {
    const Pattern& pattern = patterns_[p];
    std::span<const int32_t> starts;
    if (!pattern.leading.empty()) {
      starts = leading_starts(pattern);
      if (starts.empty()) return;
    } else if ((!pattern.required.empty() &&
                found.StartsOf(pattern.owner).empty()) ||
               !holds_all(pattern.also_required_ids)) {
      return;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexMatcher* m = matchers.Reset(p, *pattern.regex, input, &status);
    if (m == nullptr || U_FAILURE(status)) return;
    // A pattern that backtracks without end on odd text gives up on that
    // text (U_REGEX_TIME_OUT ends the loop) instead of stalling the run.
    m->setTimeLimit(kPatternStepLimit, status);
    if (pattern.anchored) {
      // What find() reports: the one match that can start at 0 (^ holds
      // nowhere else), if any.
      if (m->lookingAt(0, status) && U_SUCCESS(status)) {
        int32_t begin = m->start(status);
        int32_t end = m->end(status);
        if (U_SUCCESS(status) && end > begin) out->emplace_back(begin, end);
      }
    } else if (pattern.leading.empty()) {
      while (m->find(status) && U_SUCCESS(status)) {
        int32_t begin = m->start(status);
        int32_t end = m->end(status);
        if (U_FAILURE(status) || end <= begin) continue;
        out->emplace_back(begin, end);
      }
    } else {
      // What find() would report: the leftmost match, then the next one
      // from its end. No match can start between the candidates, and a
      // leading literal is never empty, so neither is a match.
      int32_t from = 0;
      for (int32_t start : starts) {
        if (start < from) continue;
        if (!m->lookingAt(start, status) || U_FAILURE(status)) {
          if (U_FAILURE(status)) break;
          continue;
        }
        int32_t begin = m->start(status);
        int32_t end = m->end(status);
        if (U_FAILURE(status)) break;
        out->emplace_back(begin, end);
        from = end;
      }
    }
    if (status == U_REGEX_TIME_OUT && timed_out != nullptr) *timed_out = true;
  };
  // Asked once per language a pattern is written for, not per pattern.
  std::vector<char> lang_applies(pattern_langs_.size());
  for (size_t l = 0; l < pattern_langs_.size(); ++l) {
    lang_applies[l] = LangApplies(pattern_langs_[l], lang);
  }
  for (size_t p = 0; p < patterns_.size(); p += patterns_[p].parts) {
    const Pattern& pattern = patterns_[p];
    if (!lang_applies[pattern.lang_id]) continue;
    Spans spans;
    if (pattern.same_as >= 0) {
      const Spans& same = found_by[patterns_[pattern.same_as].twin_slot];
      for (auto [begin, end] : same) add_match(pattern, begin, end);
      continue;
    }
    if (pattern.parts == 1) {
      search(p, &spans);
    } else {
      // Searched by alternative: what the whole pattern's find() reports
      // is, from left to right, the match that starts first, the earlier
      // alternative's when two start at the same place, then the next
      // one that starts at or after its end.
      std::vector<std::tuple<int32_t, int, int32_t>> all;
      for (int k = 0; k < pattern.parts; ++k) {
        Spans part;
        search(p + k, &part);
        for (auto [begin, end] : part) all.emplace_back(begin, k, end);
      }
      std::sort(all.begin(), all.end());
      int32_t from = 0;
      for (auto [begin, k, end] : all) {
        if (begin < from) continue;
        spans.emplace_back(begin, end);
        from = end;
      }
    }
    for (auto [begin, end] : spans) add_match(pattern, begin, end);
    if (pattern.twin_slot >= 0) found_by[pattern.twin_slot] = std::move(spans);
  }
  return matches;
}

}  // namespace intake
