// What the entities of TAXONOMY.md section 5 look like on folded text
// (lower case, no accents) and how a match reads: the patterns of article
// references, amounts and dates in English, Spanish and French; month
// names to numbers, dates to ISO 8601, currencies to ISO 4217. Data and
// pure functions; the search is entity_finder.h.
#ifndef INTAKE_CLASSIFIERS_ENTITY_PATTERNS_H_
#define INTAKE_CLASSIFIERS_ENTITY_PATTERNS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace intake {

// Groups: the article, its paragraph as "14(3)" or "14.3", more articles,
// the paragraph as "article 14, paragraph 3".
std::u16string ArticlePattern();
// An amount with its currency before or after it.
std::u16string MoneyPattern();

// How the groups of a date pattern read.
enum DateShape { kDayMonthYear, kMonthDayYear, kMonthYear, kIso, kNumeric };
struct DateRule {
  DateShape shape;
  std::u16string pattern;
};
std::vector<DateRule> DateRules();

// Month number of a folded month name or abbreviation; 0 when none.
int MonthNumber(const std::string& name);
// An ISO 8601 date ("2019-12-13", or "2020-03" when day <= 0), or "" when
// the parts do not make one.
std::string IsoDate(int year, int month, int day);
// The ISO 4217 code a money amount is written in, "" when it does not say
// (a bare "$" or "dollars", a CFA franc).
std::string Currency(std::string_view original);
// Whether the folded text holds a currency symbol or the start of a
// currency's name or code: where MoneyPattern could match.
bool MayNameACurrency(std::u16string_view folded);
// The folded units of each run of exactly four digits.
std::vector<std::pair<int32_t, int32_t>> FourDigitRuns(std::u16string_view f);
// Whether a name's span holds a lower-case letter and no capital: a common
// word that happens to spell a name. Scripts without case pass.
bool OnlyLowerCase(std::string_view s);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_ENTITY_PATTERNS_H_
