#include "classifiers/term_matcher.h"

#include <algorithm>
#include <cassert>

namespace intake {
namespace {

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

}  // namespace

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
  // "ment*ring" would be read as two words, "ment*" and "ring": a star
  // must end the word it follows, so what comes next may not be a word.
  auto starts_word = [&](size_t at) {
    for (const FoldedToken& token : folded.tokens) {
      if (static_cast<size_t>(token.begin) == at) return true;
    }
    return false;
  };
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] == u'*' && (!star_used[i] || starts_word(i + 1))) {
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

Status TermMatcher::TermKey(std::string_view term, std::u16string* key) {
  std::vector<Word> words;
  Status s = CompileTerm(term, &words);
  if (!s.ok()) return s;
  key->clear();
  for (const Word& word : words) {
    if (!key->empty()) *key += u' ';
    *key += word.text;
    if (word.prefix) *key += u'*';
  }
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

void TermMatcher::KeepWhenNegated(int entry) {
  assert(entry >= 0 && entry < entry_count_);
  if (kept_when_negated_.size() <= static_cast<size_t>(entry)) {
    kept_when_negated_.resize(static_cast<size_t>(entry) + 1, 0);
  }
  kept_when_negated_[entry] = 1;
}

Status TermMatcher::AddPattern(std::string_view pattern, std::string_view lang,
                               int* entry) {
  Status s = patterns_.Add(pattern, lang, entry_count_);
  if (!s.ok()) return s;
  *entry = entry_count_++;
  return Status::Ok();
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

  auto kept = [&](int entry) {
    return static_cast<size_t>(entry) < kept_when_negated_.size() &&
           kept_when_negated_[entry];
  };

  std::vector<TermMatch> matches;
  for (size_t t = 0; t < tokens.size(); ++t) {
    terms_.ForEachMatchAt(text, t, [&](const Term& term) {
      if (!LangApplies(term.lang, lang)) return;
      if (negated(t) && !kept(term.entry)) return;
      const FoldedToken& last = tokens[t + term.words.size() - 1];
      matches.push_back({term.entry, text.OriginalStart(tokens[t].begin),
                         text.OriginalEnd(last.end)});
    });
  }

  std::vector<PatternMatch> found;
  patterns_.Find(text, lang, &found, timed_out);
  for (const PatternMatch& m : found) {
    // The word the match starts in (or the next one) decides negation.
    auto it = std::lower_bound(tokens.begin(), tokens.end(), m.begin,
                               [](const FoldedToken& token, int32_t value) {
                                 return token.end <= value;
                               });
    if (negated(static_cast<size_t>(it - tokens.begin())) && !kept(m.entry)) {
      continue;
    }
    matches.push_back(
        {m.entry, text.OriginalStart(m.begin), text.OriginalEnd(m.end)});
  }
  return matches;
}

}  // namespace intake
