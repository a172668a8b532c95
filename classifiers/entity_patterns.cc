#include "classifiers/entity_patterns.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>

#include "classifiers/text_fold.h"

namespace intake {
namespace {

// On the folded text: lower case, no accents.
// Groups: the paragraph named first ("paragraph 3 of article 14",
// "parrafo 2 del articulo 14", "paragraphe 3 de l'article 14"), the
// article, its paragraph as "14(3)" or "14.3", more articles ("3, 4 and
// 5": not a number followed by a month, a plural noun, "million" or more
// digits, as in "article 7 and 2 experts", "article 14, 50 000 dollars",
// "articulo 14, 1,5 millones"), the paragraph as "article 14, paragraph
// 3".
constexpr char16_t kArticle[] =
    uR"((?:\b(?:paragraph|parrafo|paragraphe)\s+(\d{1,2})\s+)"
    uR"((?:of\s+(?:the\s+)?|del\s+|de\s+l['\u2019]\s*|de\s+))?)"
    uR"(\b(?:articles?|articulos?|art\.?)\s*(\d{1,2})\b(?:\((\d{1,2})\)|\.(\d{1,2})\b)?)"
    uR"(((?:\s*(?:,|and|y|e|et|&)\s*\d{1,2}\b(?![.,]\d|\s*\d|\s+(?:million|millon|mil\b|[a-z]+s\b|january|february|march|)"
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
    u"thousand|mil|bn|m|"
    // Russian and Arabic (folded: "тыс." and "آلاف" lose nothing that
    // matters), then Chinese, whose scale needs no word boundary: "200万".
    u"млн|млрд|миллион(?:а|ов)?|миллиард(?:а|ов)?|тыс|тысяч[аи]?|"
    u"مليون|ملايين|مليار|الف|الاف)\\b\\.?|\\s?[\u4e07\u4ebf\u5343])?";
constexpr char16_t kCurrencyWord[] =
    u"(?:usd|us\\$|us ?dollars|dollars? us|dollars? americains|"
    u"united states dollars?|dollars? des etats[- ]unis|"
    u"dolares de (?:los )?estados unidos|dolares estadounidenses|"
    u"dolar estadounidense|dollars?|dolares|dolar|eur|euros?|chf|"
    u"swiss francs?|francs? suisses|francos suizos|gbp|pounds?|jpy|yen|sek|"
    u"nok|dkk|cad|aud|cny|nzd|xof|xaf|fcfa|francs? cfa|brl|mxn|zar|inr)";

// Russian and Arabic currency names, folded ("рублей" -> "рублеи",
// "أمريكي" -> "امريكي"): read after the number only, as they are written
// ("Евро 2024" is a championship, not an amount).
constexpr char16_t kCurrencyAfter[] =
    u"(?:доллар(?:ов|а|ах|ы)?(?: сша)?|евро|швеицарск(?:их|ии) "
    u"франк(?:ов|а)?|рубл(?:еи|я|ь|ях|ям)|руб|"
    u"دولار(?:ات)?(?: امريكي(?:ة)?)?|يورو|فرنك(?:ات)? سويسري(?:ة)?)";

// Chinese currency names, which no word boundary need follow ("200万美元的").
// 日元 is not the 日 of a date before 元旦 (New Year's Day): "1月1日元旦".
constexpr char16_t kCurrencyHan[] =
    u"(?:\u7f8e\u5143|\u6b27\u5143|\u745e\u58eb\u6cd5\u90ce|"
    u"\u65e5\u5143(?!\u65e6)|\u4eba\u6c11\u5e01)";  // 美元 欧元 瑞士法郎 日元
                                                    // 人民币

constexpr char16_t kMonths[] =
    u"(january|february|march|april|may|june|july|august|september|october|"
    u"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    u"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    u"setiembre|octubre|noviembre|diciembre|janvier|fevrier|mars|avril|mai|"
    u"juin|juillet|aout|septembre|octobre|novembre|decembre)";

}  // namespace

std::u16string ArticlePattern() { return kArticle; }

std::u16string MoneyPattern() {
  const std::u16string number(kMoneyNumber), currency(kCurrencyWord);
  const std::u16string after(kCurrencyAfter), han(kCurrencyHan);
  // Between a Han character and a digit there is no word boundary
  // ("提供了200万美元"): the Chinese amount only needs no digit before it,
  // nor a digit and a separator ("1,200万美元" is one amount).
  return u"(?:\\b" + currency + u"|[$\u20ac\u00a3\u00a5])\\s?" + number +
         u"|\\b" + number + u"\\s?(?:d'|de\\s|del\\s)?(?:(?:" + currency +
         u"|" + after + u")\\b|[$\u20ac\u00a3\u00a5])|(?<!\\d)(?<!\\d[.,])" +
         number + u"\\s?" + han;
}

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
  // The United States dollar, by its code or by name in the three
  // languages; a bare "$" or "dollars" may be another dollar.
  for (const char* us_dollar :
       {"us dollar", "us dollars", "usdollars", "dollar us", "dollars us",
        "dollar americain", "dollars americains", "united states dollar",
        "united states dollars", "dollar des etats", "dollars des etats",
        "dolares de los estados unidos", "dolares de estados unidos",
        "dolares estadounidenses", "dolar estadounidense"}) {
    if (word(us_dollar)) return "USD";
  }
  if (word("usd") || has("us$") || has("us $") || has("u.s.")) return "USD";
  // In Russian, Chinese and Arabic (folded): the US dollar by its country.
  if (has("доллар") && has("сша")) return "USD";
  if (has("美元") || (has("دولار") && has("امريكي"))) return "USD";
  if (has("евро") || has("欧元") || has("يورو")) return "EUR";
  if ((has("франк") && has("швеицар")) || has("瑞士法郎") ||
      (has("فرنك") && has("سويسري"))) {
    return "CHF";
  }
  if (has("日元")) return "JPY";
  if (has("人民币")) return "CNY";
  if (has("рубл") || word("руб")) return "RUB";
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
       {u"usd", u"us ", u"dollar", u"dolar", u"eur", u"chf", u"franc", u"gbp",
        u"pound", u"jpy", u"yen", u"sek", u"nok", u"dkk", u"cad", u"aud",
        u"cny", u"nzd", u"xof", u"xaf", u"fcfa", u"brl", u"mxn", u"zar", u"inr",
        // Russian, Chinese and Arabic (folded).
        u"доллар", u"евро", u"франк", u"руб", u"\u5143", u"\u6cd5\u90ce",
        u"\u5e01",  // 人民币
        u"دولار", u"يورو", u"فرنك"}) {
    if (f.find(start) != std::u16string_view::npos) return true;
  }
  return false;
}

}  // namespace intake
