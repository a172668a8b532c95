#include "classifiers/pattern_set.h"

#include <unicode/parseerr.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <span>
#include <utility>

#include "classifiers/pattern_prefix.h"

namespace intake {
namespace {

// ICU's match-engine time limit per find(), in its own units. Measured with
// ICU 72 on (a+)+b against 200 a's: 20 gives ~2 ms, 100 ~14 ms, 200 ~27
// ms; 150 is the ~20 ms docs/rules.md promises.
constexpr int32_t kPatternStepLimit = 150;

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

bool LangApplies(std::string_view entry_lang, std::string_view lang) {
  if (entry_lang.empty()) return true;
  // A term for "en" also applies to a passage tagged "en-GB", and to one
  // tagged "EN" (language tags ignore case; the rules' are lower case).
  if (lang.size() < entry_lang.size()) return false;
  for (size_t i = 0; i < entry_lang.size(); ++i) {
    char c = lang[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != entry_lang[i]) return false;
  }
  return lang.size() == entry_lang.size() || lang[entry_lang.size()] == '-';
}

// A top-level alternative of a pattern (Pattern::alternatives).
struct PatternSet::Alternative {
  int owner = 0;  // of its leading literals in literals_
  std::vector<int> also_required_ids;
};

struct PatternSet::Pattern {
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
  // to be run. Empty when the pattern has `alternatives`.
  std::vector<int> also_required_ids;
  // Every match starts at the start of the text (a heading's or a table
  // row's shape): tried there once, not at every place.
  bool anchored = false;
  std::string lang;
  int lang_id = 0;  // lang's index in PatternSet::langs_
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
  // (Add): how many patterns_, from this one, are its alternatives.
  // 1 for every other pattern; the others of the group are skipped.
  int parts = 1;
};

PatternSet::PatternSet() = default;
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

Status PatternSet::Add(std::string_view pattern, std::string_view lang,
                       int entry) {
  // The same expression for the same languages, added before (as one
  // pattern or as its alternatives): search it once.
  std::string key = std::string(lang) + '\n' + std::string(pattern);
  if (auto known = first_of_.find(key); known != first_of_.end()) {
    const int p = known->second;
    if (patterns_[p].twin_slot < 0) patterns_[p].twin_slot = twin_slots_++;
    Pattern twin;
    twin.same_as = p;
    twin.lang = lang;
    twin.lang_id = LangId(lang);
    twin.entry = entry;
    patterns_.push_back(std::move(twin));
    return Status::Ok();
  }
  std::unique_ptr<icu::RegexPattern> whole;
  Status s = CompileRegex(pattern, &whole);
  if (!s.ok()) return s;
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
    AppendPattern(std::move(part), lang, entry);
  }
  patterns_[first].parts = static_cast<int>(parts.size());
  first_of_.emplace(std::move(key), static_cast<int>(first));
  return Status::Ok();
}

int PatternSet::LangId(std::string_view lang) {
  auto known = std::find(langs_.begin(), langs_.end(), lang);
  if (known != langs_.end()) {
    return static_cast<int>(known - langs_.begin());
  }
  langs_.emplace_back(lang);
  return static_cast<int>(langs_.size()) - 1;
}

Status PatternSet::CompileRegex(std::string_view pattern,
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

void PatternSet::AppendPattern(std::unique_ptr<icu::RegexPattern> regex,
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
  compiled.anchored = AnchoredAtStart(source_view);
  if (!compiled.leading.empty()) {
    compiled.alternatives = AddAlternatives(source_view);
  }
  // Split by alternatives, each alternative has groups of its own, and
  // the whole pattern's are never looked at.
  if (compiled.alternatives.empty()) {
    compiled.also_required_ids =
        AddGroups(FurtherGroups(source_view, compiled.Literals()));
    compiled.owner =
        AddStarts(source_view, compiled.Literals(), !compiled.leading.empty());
  }
  compiled.lang = lang;
  compiled.lang_id = LangId(lang);
  compiled.entry = entry;
  patterns_.push_back(std::move(compiled));
}

int PatternSet::AddStarts(std::u16string_view pattern,
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

std::vector<int> PatternSet::AddGroups(
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

std::vector<PatternSet::Alternative> PatternSet::AddAlternatives(
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

namespace {

// Where find() looks next after an empty match at `at`: one code point on.
int32_t AfterEmptyMatch(std::u16string_view text, int32_t at) {
  size_t i = static_cast<size_t>(at);
  if (i + 1 < text.size() && U16_IS_LEAD(text[i]) &&
      U16_IS_TRAIL(text[i + 1])) {
    return at + 2;
  }
  return at + 1;
}

}  // namespace

// What one Find() shares with its cursors.
struct PatternSet::FindContext {
  const icu::UnicodeString& input;
  const LiteralHits& found;
  RegexMatcherPool::Lease& matchers;
  bool* timed_out;

  bool HoldsAll(const std::vector<int>& group_ids) const {
    return std::all_of(group_ids.begin(), group_ids.end(),
                       [&](int id) { return found.Holds(id); });
  }
};

// The matches of one pattern alone in one text, asked for from left to
// right: what ICU's find(from) reports, tried only where the pattern's
// literals allow a match to start.
class PatternSet::Cursor {
 public:
  // `scratch` holds the places an alternative opens (Pattern::
  // alternatives) while the cursor is used.
  Cursor(const PatternSet& set, size_t p, const FindContext& context,
         std::vector<int32_t>* scratch)
      : pattern_(set.patterns_[p]), context_(context) {
    if (!pattern_.leading.empty()) {
      starts_ = LeadingStarts(scratch);
      if (starts_.empty()) return;
    } else if ((!pattern_.required.empty() &&
                context_.found.StartsOf(pattern_.owner).empty()) ||
               !context_.HoldsAll(pattern_.also_required_ids)) {
      return;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexMatcher* m =
        context_.matchers.Reset(p, *pattern_.regex, context_.input, &status);
    if (m == nullptr || U_FAILURE(status)) return;
    // A pattern that backtracks without end on odd text gives up on that
    // text (U_REGEX_TIME_OUT ends its search) instead of stalling the run.
    m->setTimeLimit(kPatternStepLimit, status);
    if (U_SUCCESS(status)) matcher_ = m;
  }

  // Whether Next may find more: false once it failed, and from the start
  // when the pattern's literals are not all in the text.
  bool may_match() const { return matcher_ != nullptr; }

  // The first match that starts at or after `from`, empty or not; false
  // when there is none left (or the pattern ran out of time).
  bool Next(int32_t from, Span* match) {
    if (matcher_ == nullptr) return false;
    UErrorCode status = U_ZERO_ERROR;
    bool matched = false;
    if (pattern_.anchored) {
      // ^ holds only at 0.
      matched = from == 0 && matcher_->lookingAt(0, status);
    } else if (pattern_.leading.empty()) {
      matched = from <= context_.input.length() && matcher_->find(from, status);
    } else {
      // No match can start between the places its literals stand.
      auto start = std::lower_bound(starts_.begin(), starts_.end(), from);
      for (; start != starts_.end() && U_SUCCESS(status); ++start) {
        if (matcher_->lookingAt(*start, status)) {
          matched = true;
          break;
        }
      }
    }
    if (matched && U_SUCCESS(status)) {
      *match = {matcher_->start(status), matcher_->end(status)};
    }
    if (U_FAILURE(status)) {
      if (status == U_REGEX_TIME_OUT && context_.timed_out != nullptr) {
        *context_.timed_out = true;
      }
      matcher_ = nullptr;
      return false;
    }
    if (!matched) matcher_ = nullptr;
    return matched;
  }

 private:
  // Where the pattern, which opens with literals, may start, in text
  // order. One with Pattern::alternatives may start where an alternative
  // opens whose groups are all in the text (one missing a group matches
  // nowhere); the whole pattern is tried there, so where two open
  // together the first that matches wins, as in find().
  std::span<const int32_t> LeadingStarts(std::vector<int32_t>* scratch) {
    if (pattern_.alternatives.empty()) {
      if (!context_.HoldsAll(pattern_.also_required_ids)) return {};
      return context_.found.StartsOf(pattern_.owner);
    }
    scratch->clear();
    for (const Alternative& alternative : pattern_.alternatives) {
      if (!context_.HoldsAll(alternative.also_required_ids)) continue;
      std::span<const int32_t> starts =
          context_.found.StartsOf(alternative.owner);
      scratch->insert(scratch->end(), starts.begin(), starts.end());
    }
    std::sort(scratch->begin(), scratch->end());
    scratch->erase(std::unique(scratch->begin(), scratch->end()),
                   scratch->end());
    return *scratch;
  }

  const Pattern& pattern_;
  const FindContext& context_;
  icu::RegexMatcher* matcher_ = nullptr;  // null: no more matches
  std::span<const int32_t> starts_;       // when pattern_.leading is set
};

void PatternSet::Search(const std::u16string& text, size_t p,
                        const FindContext& context,
                        std::vector<int32_t>* scratch, Spans* spans) const {
  const int parts = patterns_[p].parts;
  if (parts == 1) {
    Cursor cursor(*this, p, context, scratch);
    if (!cursor.may_match()) return;
    Span match;
    for (int32_t from = 0; cursor.Next(from, &match);) {
      if (match.second > match.first) {
        spans->push_back(match);
        from = match.second;
      } else {
        from = AfterEmptyMatch(text, match.second);
      }
    }
    return;
  }
  // Searched by alternative: what the whole pattern's find() reports next
  // is the match that starts first, the earlier alternative's when two
  // start at the same place. An alternative's next match is looked for
  // again from the end of the last one reported when it starts before it.
  std::vector<std::vector<int32_t>> scratches(static_cast<size_t>(parts));
  std::vector<Cursor> cursors;
  cursors.reserve(static_cast<size_t>(parts));
  for (int k = 0; k < parts; ++k) {
    cursors.emplace_back(*this, p + k, context, &scratches[k]);
  }
  std::vector<Span> next(static_cast<size_t>(parts), Span(-1, -1));
  std::vector<char> done(static_cast<size_t>(parts), 0);
  for (int32_t from = 0;;) {
    int best = -1;
    for (int k = 0; k < parts; ++k) {
      if (done[k]) continue;
      if (next[k].first < from && !cursors[k].Next(from, &next[k])) {
        done[k] = 1;
        continue;
      }
      if (best < 0 || next[k].first < next[best].first) best = k;
    }
    if (best < 0) return;
    auto [begin, end] = next[best];
    if (end > begin) {
      spans->push_back(next[best]);
      from = end;
    } else {
      from = AfterEmptyMatch(text, end);
    }
  }
}

void PatternSet::Find(const FoldedText& text, std::string_view lang,
                      std::vector<PatternMatch>* out, bool* timed_out) const {
  if (patterns_.empty()) return;
  // A read-only alias: the folded text outlives every matcher below.
  const icu::UnicodeString input(false, text.folded.data(),
                                 static_cast<int32_t>(text.folded.size()));
  RegexMatcherPool::Lease matchers(matchers_.get());
  // Where each pattern's literals stand, in text order: where a match
  // could start (leading literals) or only that one could (required ones).
  LiteralHits found;
  literals_.Find(text.folded, owner_count_, group_count_, &found);
  const FindContext context{input, found, matchers, timed_out};
  // What each pattern with twins found (Pattern::twin_slot), for its twins.
  std::vector<Spans> found_by(static_cast<size_t>(twin_slots_));
  std::vector<int32_t> scratch;
  // Asked once per language a pattern is written for, not per pattern.
  std::vector<char> lang_applies(langs_.size());
  for (size_t l = 0; l < langs_.size(); ++l) {
    lang_applies[l] = LangApplies(langs_[l], lang);
  }
  for (size_t p = 0; p < patterns_.size(); p += patterns_[p].parts) {
    const Pattern& pattern = patterns_[p];
    if (!lang_applies[pattern.lang_id]) continue;
    if (pattern.same_as >= 0) {
      const Spans& same = found_by[patterns_[pattern.same_as].twin_slot];
      for (auto [begin, end] : same) {
        out->push_back({pattern.entry, begin, end});
      }
      continue;
    }
    Spans spans;
    Search(text.folded, p, context, &scratch, &spans);
    for (auto [begin, end] : spans) out->push_back({pattern.entry, begin, end});
    if (pattern.twin_slot >= 0) found_by[pattern.twin_slot] = std::move(spans);
  }
}

}  // namespace intake
