#include "classifiers/entity_finder.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "classifiers/entity_patterns.h"
#include "classifiers/text_fold.h"

namespace intake {
namespace {

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::unique_ptr<icu::RegexPattern> Compile(const std::u16string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError error;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
      icu::UnicodeString(pattern.data(), static_cast<int32_t>(pattern.size())),
      0, error, status));
  if (U_FAILURE(status)) {
    // The patterns are this file's own; a failure is a bug here.
    std::fprintf(stderr, "intake: bad entity pattern: %s\n",
                 u_errorName(status));
    std::abort();
  }
  return p;
}

}  // namespace

EntityFinder::EntityFinder(std::shared_ptr<const Gazetteer> gazetteer)
    : gazetteer_(std::move(gazetteer)) {
  article_ = Compile(ArticlePattern());
  money_ = Compile(MoneyPattern());
  for (const DateRule& rule : DateRules()) {
    date_shapes_.push_back(rule.shape);
    dates_.push_back(Compile(rule.pattern));
  }
}

EntityFinder::~EntityFinder() = default;

// One search of a passage: its folded text and what was found in it.
class EntityFinder::Search {
 public:
  explicit Search(std::string_view text)
      : text_(text),
        folded_(FoldText(text)),
        input_(false, folded_.folded.data(),
               static_cast<int32_t>(folded_.folded.size())),
        four_digits_(FourDigitRuns(folded_.folded)) {}

  const FoldedText& folded() const { return folded_; }
  // Where dates and years can stand: every date holds its year.
  const std::vector<std::pair<int32_t, int32_t>>& four_digits() const {
    return four_digits_;
  }
  std::string_view text() const { return text_; }
  const icu::UnicodeString& input() const { return input_; }

  // Folded units [begin, end).
  void Add(const char* type, int32_t begin, int32_t end, std::string id) {
    if (begin >= end) return;
    Entity e;
    e.type = type;
    e.start = folded_.OriginalStart(begin);
    e.end = folded_.OriginalEnd(end);
    TrimInvisibleEnds(text_, folded_, &e.start, &e.end);
    e.text = std::string(folded_.OriginalText(text_, e.start, e.end));
    e.id = std::move(id);
    found_.push_back(std::move(e));
  }
  void Add(Entity e) { found_.push_back(std::move(e)); }

  // In text order; what an earlier (or, at the same start, longer) one
  // covers is dropped.
  std::vector<Entity> Result() {
    std::sort(found_.begin(), found_.end(),
              [](const Entity& x, const Entity& y) {
                return x.start != y.start ? x.start < y.start : x.end > y.end;
              });
    std::vector<Entity> out;
    for (Entity& e : found_) {
      if (!out.empty() && e.start < out.back().end) continue;
      out.push_back(std::move(e));
    }
    return out;
  }

 private:
  std::string_view text_;
  FoldedText folded_;
  icu::UnicodeString input_;
  std::vector<std::pair<int32_t, int32_t>> four_digits_;  // folded units
  std::vector<Entity> found_;
};

namespace {

std::string Group(icu::RegexMatcher& m, int g) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = m.group(g, status);
  return U_SUCCESS(status) ? Utf8(s) : std::string();
}

int Number(icu::RegexMatcher& m, int g) {
  return std::atoi(Group(m, g).c_str());
}

// The folded units of the whole match; false when there is none.
bool Span(icu::RegexMatcher& m, int32_t* begin, int32_t* end) {
  UErrorCode status = U_ZERO_ERROR;
  *begin = m.start(status);
  *end = m.end(status);
  return U_SUCCESS(status) && *begin >= 0;
}

// The ISO date a match of `shape` reads as; "" when it is none.
std::string DateId(DateShape shape, icu::RegexMatcher& m) {
  switch (shape) {
    case kDayMonthYear:
      return IsoDate(Number(m, 3), MonthNumber(Group(m, 2)), Number(m, 1));
    case kMonthDayYear:
      return IsoDate(Number(m, 3), MonthNumber(Group(m, 1)), Number(m, 2));
    case kMonthYear:
      return IsoDate(Number(m, 2), MonthNumber(Group(m, 1)), 0);
    case kIso:
      return IsoDate(Number(m, 1), Number(m, 2), Number(m, 3));
    case kNumeric:
      // Day first, as the UN and most senders write; a second number above
      // 12 says the writer put the month first.
      return Number(m, 2) > 12
                 ? IsoDate(Number(m, 3), Number(m, 1), Number(m, 2))
                 : IsoDate(Number(m, 3), Number(m, 2), Number(m, 1));
  }
  return "";
}

// "14", "14(3)", "3,4" from the groups of an article reference.
std::string ArticleId(icu::RegexMatcher& m) {
  std::string id = Group(m, 2);
  std::string paragraph = Group(m, 1);
  if (paragraph.empty()) paragraph = Group(m, 3);
  if (paragraph.empty()) paragraph = Group(m, 4);
  if (paragraph.empty()) paragraph = Group(m, 6);
  std::string more = Group(m, 5);
  for (size_t i = 0; i < more.size();) {
    size_t digit = more.find_first_of("0123456789", i);
    if (digit == std::string::npos) break;
    size_t stop = more.find_first_not_of("0123456789", digit);
    if (stop == std::string::npos) stop = more.size();
    id += "," + more.substr(digit, stop - digit);
    i = stop;
  }
  if (!paragraph.empty() && more.empty()) id += "(" + paragraph + ")";
  return id;
}

}  // namespace

// Whether group `g` of a month-year date is a word that is a month only
// when capitalised ("May", "Mar"), or any other month.
bool EntityFinder::Capitalised(const Search& search, icu::RegexMatcher& m,
                               int g) {
  std::string month = Group(m, g);
  if (month != "may" && month != "mar") return true;
  int32_t begin, end;
  UErrorCode status = U_ZERO_ERROR;
  begin = m.start(g, status);
  end = m.end(g, status);
  if (U_FAILURE(status) || begin < 0) return false;
  const FoldedText& folded = search.folded();
  std::string_view original = folded.OriginalText(
      search.text(), folded.OriginalStart(begin), folded.OriginalEnd(end));
  return !OnlyLowerCase(original);
}

std::vector<Entity> EntityFinder::Find(std::string_view text) const {
  Search search(text);
  FindNames(&search);
  const std::u16string_view f(search.folded().folded);
  // Every reference, date, amount and year holds a digit: most passages
  // need none of what follows.
  if (f.find_first_of(u"0123456789") != std::u16string_view::npos) {
    if (f.find(u"art") != std::u16string_view::npos) FindArticles(&search);
    FindDates(&search);
    FindAmountsAndYears(&search);
  }
  return search.Result();
}

void EntityFinder::FindNames(Search* search) const {
  const FoldedText& folded = search->folded();
  const std::vector<int32_t> unit = FoldedUnitOfByte(folded);
  const auto& entries = gazetteer_->entries();
  for (const GazetteerHit& hit :
       gazetteer_->FindAll(search->text(), Gazetteer::Names::kOrganisations)) {
    size_t end = hit.position + hit.length;
    if (end >= unit.size()) continue;
    int32_t start_cp = folded.OriginalStart(unit[hit.position]);
    int32_t end_cp = folded.OriginalEnd(unit[end]);
    if (OnlyLowerCase(folded.OriginalText(search->text(), start_cp, end_cp))) {
      continue;
    }
    const GazetteerEntry& entry = entries[hit.entry];
    search->Add(entry.kind.c_str(), unit[hit.position], unit[end], entry.code);
  }
  // A word as written, without a soft hyphen or zero-width space at
  // either end ("UNEP\u00ad" is the acronym UNEP).
  auto word = [&](size_t t) {
    const FoldedToken& token = folded.tokens[t];
    int32_t start = folded.OriginalStart(token.begin);
    int32_t end = folded.OriginalEnd(token.end);
    TrimInvisibleEnds(search->text(), folded, &start, &end);
    return std::string(folded.OriginalText(search->text(), start, end));
  };
  auto capitals = [&](size_t t) {
    std::string w = word(t);
    return w.size() >= 2 &&
           std::all_of(w.begin(), w.end(),
                       [](unsigned char c) { return std::isupper(c) != 0; });
  };
  // "WHO WE ARE" is a heading in capitals, not the World Health
  // Organization: an acronym in a run of three words or more in capitals
  // with single spaces between, one of them no acronym, is left out ("the
  // GEF ISLANDS programme", "UNIDO / GEF | BAT" and "GEF, UNEP, SPREP" are
  // not such runs).
  auto spaced = [&](size_t k) {  // one space between words k and k + 1
    return folded.tokens[k + 1].begin - folded.tokens[k].end == 1 &&
           folded.folded[folded.tokens[k].end] == u' ';
  };
  auto in_heading = [&](size_t t) {
    size_t first = t, last = t;
    while (first > 0 && spaced(first - 1) && capitals(first - 1)) --first;
    while (last + 1 < folded.tokens.size() && spaced(last) &&
           capitals(last + 1)) {
      ++last;
    }
    if (last - first < 2) return false;
    for (size_t k = first; k <= last; ++k) {
      if (gazetteer_->FindAcronym(word(k)) < 0) return true;
    }
    return false;
  };
  for (size_t t = 0; t < folded.tokens.size(); ++t) {
    int acronym = gazetteer_->FindAcronym(word(t));
    if (acronym < 0 || in_heading(t)) continue;
    const FoldedToken& token = folded.tokens[t];
    const GazetteerEntry& entry = entries[acronym];
    search->Add(entry.kind == "state" ? "state" : "organisation", token.begin,
                token.end, entry.code);
  }
}

void EntityFinder::FindArticles(Search* search) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(
      article_->matcher(search->input(), status));
  int32_t begin, end;
  while (U_SUCCESS(status) && m->find()) {
    if (Span(*m, &begin, &end))
      search->Add("article", begin, end, ArticleId(*m));
  }
}

void EntityFinder::FindDates(Search* search) const {
  const auto& runs = search->four_digits();
  if (runs.empty()) return;
  constexpr int32_t kLongestDate = 40;  // "15 de septiembre del 2021" is 25
  const int32_t size = static_cast<int32_t>(search->folded().folded.size());
  for (size_t r = 0; r < dates_.size(); ++r) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(
        dates_[r]->matcher(search->input(), status));
    if (U_FAILURE(status)) continue;
    m->useTransparentBounds(true);
    const bool iso = date_shapes_[r] == kIso;  // the year first
    for (const auto& [year_begin, year_end] : runs) {
      m->region(iso ? year_begin : std::max(0, year_begin - kLongestDate),
                iso ? std::min(size, year_begin + 10) : year_end, status);
      int32_t begin, end;
      while (U_SUCCESS(status) && m->find()) {
        std::string id = DateId(date_shapes_[r], *m);
        if (date_shapes_[r] == kMonthYear && !Capitalised(*search, *m, 1)) {
          continue;  // "we may 2021", "la mar 2020"
        }
        if (!id.empty() && Span(*m, &begin, &end)) {
          search->Add("date", begin, end, std::move(id));
        }
      }
    }
  }
}

void EntityFinder::FindAmountsAndYears(Search* search) const {
  const std::u16string_view f(search->folded().folded);
  int32_t begin, end;
  // Most passages name no currency: the amount pattern runs only where a
  // symbol or the start of a currency's name stands.
  if (MayNameACurrency(f)) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(
        money_->matcher(search->input(), status));
    while (U_SUCCESS(status) && m->find()) {
      if (!Span(*m, &begin, &end)) continue;
      const FoldedText& folded = search->folded();
      std::string_view original = folded.OriginalText(
          search->text(), folded.OriginalStart(begin), folded.OriginalEnd(end));
      search->Add("money", begin, end, Currency(original));
    }
  }
  // Years: runs of four digits from 1900 to 2099 with no letter beside.
  auto letter = [&](int32_t i) {
    return i >= 0 && i < static_cast<int32_t>(f.size()) && u_isalpha(f[i]);
  };
  for (const auto& [year_begin, year_end] : search->four_digits()) {
    bool century = (f[year_begin] == u'1' && f[year_begin + 1] == u'9') ||
                   (f[year_begin] == u'2' && f[year_begin + 1] == u'0');
    if (!century || letter(year_begin - 1) || letter(year_end)) continue;
    std::string digits;
    for (int32_t i = year_begin; i < year_end; ++i) {
      digits += static_cast<char>(f[i]);
    }
    search->Add("year", year_begin, year_end, digits);
  }
}

}  // namespace intake
