#include "classifiers/entity_finder.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "classifiers/text_fold.h"

namespace intake {
namespace {

// On the folded text: lower case, no accents.
// Groups: the article, its paragraph as "14(3)" or "14.3", more articles
// ("3, 4 and 5": not a number followed by a month or a plural noun, as in
// "article 7 and 2 experts"), the paragraph as "article 14, paragraph 3".
constexpr char16_t kArticle[] =
    uR"(\b(?:articles?|articulos?|art\.?)\s*(\d{1,2})\b(?:\((\d{1,2})\)|\.(\d{1,2})\b)?)"
    uR"(((?:\s*(?:,|and|y|e|et|&)\s*\d{1,2}\b(?!\s+(?:[a-z]+s\b|january|february|march|)"
    uR"(april|may|june|july|august|september|october|november|december|enero|febrero|)"
    uR"(marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|)"
    uR"(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|)"
    uR"(decembre)\b))*))"
    uR"((?:\s*,?\s*(?:paragraphs?|parrafos?|paragraphes?|para\.|par\.)\s*(\d{1,2}))?)";

// Amounts: a currency (code, word or symbol) before or after a number,
// with "million" and the like; on the folded text.
constexpr char16_t kMoneyNumber[] =
    u"(?:\\d{1,3}(?:[ "
    u",.\\u00a0\\u202f']\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)"
    u"(?:\\s?(?:million|millions|millon|millones|milliards?|billion|billions|"
    u"thousand|mil|bn|m)\\b)?";
constexpr char16_t kCurrencyWord[] =
    u"(?:usd|us\\$|us ?dollars|dollars? us|dollars? americains|"
    u"dolares estadounidenses|dollars?|dolares|dolar|eur|euros?|chf|"
    u"swiss francs?|francs? suisses|francos suizos|gbp|pounds?|jpy|yen|sek|"
    u"nok|dkk|cad|aud|cny|nzd|xof|xaf|fcfa|francs? cfa|brl|mxn|zar|inr)";

constexpr char16_t kMonths[] =
    u"(january|february|march|april|may|june|july|august|september|october|"
    u"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    u"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    u"setiembre|octubre|noviembre|diciembre|janvier|fevrier|mars|avril|mai|"
    u"juin|juillet|aout|septembre|octobre|novembre|decembre)";

// Month number of a folded month name or abbreviation; 0 when none.
int MonthNumber(const std::string& name) {
  static const char* const kNames[][4] = {
      {"january", "jan", "enero", "janvier"},
      {"february", "feb", "febrero", "fevrier"},
      {"march", "mar", "marzo", "mars"},
      {"april", "apr", "abril", "avril"},
      {"may", "mayo", "mai", ""},
      {"june", "jun", "junio", "juin"},
      {"july", "jul", "julio", "juillet"},
      {"august", "aug", "agosto", "aout"},
      {"september", "sep", "septiembre", "septembre"},
      {"october", "oct", "octubre", "octobre"},
      {"november", "nov", "noviembre", "novembre"},
      {"december", "dec", "diciembre", "decembre"},
  };
  if (name == "sept" || name == "setiembre") return 9;
  for (int m = 0; m < 12; ++m) {
    for (const char* n : kNames[m]) {
      if (*n != '\0' && name == n) return m + 1;
    }
  }
  return 0;
}

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// An ISO 8601 date, or "" when the parts do not make one.
std::string IsoDate(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return "";
  if (day > 31) return "";
  char buffer[16];
  if (day <= 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

// The dates, each with the way its groups read: day-month-year ("13
// December 2019", "15 de marzo de 2021", "1er janvier 2020"),
// month-day-year ("December 13, 2019"), month-year ("March 2020"), ISO
// ("2019-12-13") and day/month/year with digits ("13/12/2019").
enum DateShape { kDayMonthYear, kMonthDayYear, kMonthYear, kIso, kNumeric };
struct DateRule {
  DateShape shape;
  std::u16string pattern;
};
std::vector<DateRule> DateRules() {
  const std::u16string months(kMonths);
  return {
      {kDayMonthYear, u"\\b(\\d{1,2})(?:st|nd|rd|th|er|\\.?o)?\\s+(?:de\\s+)?" +
                          months + u"\\.?\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b"},
      {kMonthDayYear,
       u"\\b" + months +
           u"\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"},
      {kMonthYear, u"\\b" + months + u"\\.?\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b"},
      {kIso, u"\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"},
      {kNumeric, u"\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b"},
  };
}

// The ISO 4217 code a money amount is written in, "" when it does not say
// (a bare "$" or "dollars").
std::string Currency(std::string_view original) {
  std::string f = FoldToUtf8(original);
  auto has = [&](const char* s) { return f.find(s) != std::string::npos; };
  auto word = [&](const char* w) {
    std::string_view v(w);
    for (size_t at = f.find(v); at != std::string::npos;
         at = f.find(v, at + 1)) {
      bool before =
          at == 0 || !std::isalpha(static_cast<unsigned char>(f[at - 1]));
      size_t end = at + v.size();
      bool after =
          end == f.size() || !std::isalpha(static_cast<unsigned char>(f[end]));
      if (before && after) return true;
    }
    return false;
  };
  if (word("usd") || has("us$") || has("us $") || has("u.s.")) return "USD";
  if (word("eur") || word("euro") || word("euros") ||
      original.find("€") != std::string_view::npos) {
    return "EUR";
  }
  if (word("chf") || has("swiss franc") || has("francs suisses") ||
      has("francos suizos")) {
    return "CHF";
  }
  // The CFA franc of West Africa (XOF) or of Central Africa (XAF).
  if (word("fcfa") || has("franc cfa") || has("francs cfa")) return "";
  if (word("gbp") || original.find("£") != std::string_view::npos ||
      word("pound") || word("pounds")) {
    return "GBP";
  }
  if (word("jpy") || word("yen") ||
      original.find("¥") != std::string_view::npos) {
    return "JPY";
  }
  for (const char* code : {"sek", "nok", "dkk", "cad", "aud", "cny", "nzd",
                           "xof", "xaf", "brl", "mxn", "zar", "inr"}) {
    if (word(code)) {
      std::string upper(code);
      for (char& c : upper) c = static_cast<char>(std::toupper(c));
      return upper;
    }
  }
  return "";
}

// Whether a name's span holds a lower-case letter and no capital: a common
// word that happens to spell a name. Scripts without case pass.
bool OnlyLowerCase(std::string_view s) {
  bool lower = false;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (c < 0) continue;
    if (u_isupper(c) || u_istitle(c)) return false;
    lower = lower || u_islower(c);
  }
  return lower;
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
  const auto& entries = gazetteer_->entries();
  for (size_t i = 0; i < entries.size(); ++i) {
    for (const std::string& a : entries[i].acronyms) {
      acronyms_.emplace(a, static_cast<int>(i));
    }
  }
  article_ = Compile(kArticle);
  const std::u16string number(kMoneyNumber), currency(kCurrencyWord);
  money_ = Compile(u"(?:\\b" + currency + u"|[$\u20ac\u00a3\u00a5])\\s?" +
                   number + u"|\\b" + number + u"\\s?(?:d'|de\\s|del\\s)?(?:" +
                   currency + u"\\b|[$\u20ac\u00a3\u00a5])");
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
               static_cast<int32_t>(folded_.folded.size())) {}

  const FoldedText& folded() const { return folded_; }
  std::string_view text() const { return text_; }
  const icu::UnicodeString& input() const { return input_; }

  // Folded units [begin, end).
  void Add(const char* type, int32_t begin, int32_t end, std::string id) {
    if (begin >= end) return;
    Entity e;
    e.type = type;
    e.start = folded_.OriginalStart(begin);
    e.end = folded_.OriginalEnd(end);
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
  std::string id = Group(m, 1);
  std::string paragraph = Group(m, 2);
  if (paragraph.empty()) paragraph = Group(m, 3);
  if (paragraph.empty()) paragraph = Group(m, 5);
  std::string more = Group(m, 4);
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

namespace {

// The folded units of each run of exactly four digits: every date holds
// its year, so a date is looked for only near one.
std::vector<std::pair<int32_t, int32_t>> FourDigitRuns(std::u16string_view f) {
  std::vector<std::pair<int32_t, int32_t>> runs;
  for (size_t i = 0; i < f.size();) {
    if (f[i] < u'0' || f[i] > u'9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < f.size() && f[j] >= u'0' && f[j] <= u'9') ++j;
    if (j - i == 4) {
      runs.push_back({static_cast<int32_t>(i), static_cast<int32_t>(j)});
    }
    i = j;
  }
  return runs;
}

// Whether the folded text holds a currency symbol or the start of a
// currency's name or code: where kCurrencyWord could match.
bool MayNameACurrency(std::u16string_view f) {
  if (f.find_first_of(u"$\u20ac\u00a3\u00a5") != std::u16string_view::npos) {
    return true;
  }
  for (std::u16string_view start :
       {u"usd", u"us ",   u"dollar", u"dolar", u"eur", u"chf", u"franc",
        u"gbp", u"pound", u"jpy",    u"yen",   u"sek", u"nok", u"dkk",
        u"cad", u"aud",   u"cny",    u"nzd",   u"xof", u"xaf", u"fcfa",
        u"brl", u"mxn",   u"zar",    u"inr"}) {
    if (f.find(start) != std::u16string_view::npos) return true;
  }
  return false;
}

}  // namespace

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
  auto word = [&](size_t t) {
    const FoldedToken& token = folded.tokens[t];
    return std::string(folded.OriginalText(search->text(),
                                           folded.OriginalStart(token.begin),
                                           folded.OriginalEnd(token.end)));
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
      if (!acronyms_.contains(word(k))) return true;
    }
    return false;
  };
  for (size_t t = 0; t < folded.tokens.size(); ++t) {
    auto it = acronyms_.find(word(t));
    if (it == acronyms_.end() || in_heading(t)) continue;
    const FoldedToken& token = folded.tokens[t];
    search->Add("organisation", token.begin, token.end,
                entries[it->second].code);
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
  const auto runs = FourDigitRuns(search->folded().folded);
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
        std::string id = DateId(static_cast<DateShape>(date_shapes_[r]), *m);
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
  for (const auto& [year_begin, year_end] : FourDigitRuns(f)) {
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

EntityAddingClassifier::EntityAddingClassifier(
    std::unique_ptr<Classifier> classifier,
    std::shared_ptr<const Gazetteer> gazetteer)
    : classifier_(std::move(classifier)), entities_(std::move(gazetteer)) {}

Labels EntityAddingClassifier::Classify(std::string_view text,
                                        std::string_view lang, PassageKind kind,
                                        const PassageContext& context) const {
  Labels labels = classifier_->Classify(text, lang, kind, context);
  labels.entities = entities_.Find(text);
  return labels;
}

}  // namespace intake
