#include "classifiers/model_tokens.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <set>
#include <string_view>

namespace intake {
namespace {

std::string Utf8(std::u16string_view units) {
  std::string out;
  icu::UnicodeString(false, units.data(), static_cast<int32_t>(units.size()))
      .toUTF8String(out);
  return out;
}

bool IsDigits(std::u16string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char16_t c) {
    return c >= u'0' && c <= u'9';
  });
}

bool HasDigit(std::u16string_view w) {
  return std::any_of(w.begin(), w.end(),
                     [](char16_t c) { return c >= u'0' && c <= u'9'; });
}

// Currency codes and names in the three languages, folded. A currency
// names a country as surely as its name does, so it is masked too.
bool IsCurrencyWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "usd",    "eur",    "euro",   "euros",   "chf",    "gbp",
      "jpy",    "sek",    "nok",    "dkk",     "cad",    "aud",
      "cny",    "nzd",    "dollar", "dollars", "dolar",  "dolares",
      "franc",  "francs", "franco", "francos", "yen",    "pound",
      "pounds", "peso",   "pesos",  "krona",   "kronor", "kroner",
      "fcfa",   "cfa",    "xof",    "xaf",     "real",   "reais"};
  return kWords.count(w) > 0;
}

bool IsMultiplier(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "million",   "millions", "millon",   "millones", "milliard",
      "milliards", "billion",  "billions", "thousand", "mil",
      "miles",     "m",        "bn",       "k"};
  return kWords.count(w) > 0;
}

bool HasCurrencySymbol(std::u16string_view gap) {
  return gap.find_first_of(u"$\u20AC\u00A3\u00A5") != std::u16string_view::npos;
}

// Separators inside one written number: "50,000", "1.5", "2 000 000".
bool IsNumberGap(std::u16string_view gap) {
  return gap.size() == 1 &&
         (gap[0] == u',' || gap[0] == u'.' || gap[0] == u' ' ||
          gap[0] == u'\u00A0' || gap[0] == u'\u202F' || gap[0] == u'\'');
}

bool IsYear(std::u16string_view w) {
  if (w.size() != 4 || !IsDigits(w)) return false;
  return (w[0] == u'1' && w[1] == u'9') || (w[0] == u'2' && w[1] == u'0');
}

// The folded UTF-16 ranges of the States the gazetteer finds.
std::vector<std::pair<int32_t, int32_t>> StateRanges(
    std::string_view original, const FoldedText& folded,
    const Gazetteer* gazetteer) {
  std::vector<std::pair<int32_t, int32_t>> ranges;
  if (gazetteer == nullptr) return ranges;
  // Gazetteer positions are bytes of the folded text as UTF-8.
  const std::vector<int32_t> unit_of_byte = FoldedUnitOfByte(folded);
  for (const GazetteerHit& hit :
       gazetteer->FindAll(original, Gazetteer::Names::kNationalities)) {
    const std::string& kind = gazetteer->entries()[hit.entry].kind;
    if (kind != "state" && kind != "nationality") continue;
    size_t end = hit.position + hit.length;
    if (end >= unit_of_byte.size()) continue;
    ranges.push_back({unit_of_byte[hit.position], unit_of_byte[end]});
  }
  return ranges;
}

}  // namespace

std::vector<ModelToken> ModelTokens(std::string_view original,
                                    const FoldedText& folded,
                                    const Gazetteer* gazetteer) {
  const std::vector<FoldedToken>& tokens = folded.tokens;
  const auto states = StateRanges(original, folded, gazetteer);
  std::u16string_view text(folded.folded);
  auto word = [&](size_t t) { return folded.Word(tokens[t]); };
  auto gap = [&](size_t t) {  // the characters between token t-1 and t
    int32_t from = t == 0 ? 0 : tokens[t - 1].end;
    return text.substr(from, tokens[t].begin - from);
  };
  auto span = [&](size_t first, size_t last, const char* mask) {
    return ModelToken{mask, folded.OriginalStart(tokens[first].begin),
                      folded.OriginalEnd(tokens[last].end), true};
  };

  std::vector<ModelToken> out;
  size_t state = 0;
  for (size_t t = 0; t < tokens.size();) {
    while (state < states.size() && states[state].second <= tokens[t].begin) {
      ++state;
    }
    if (state < states.size() && states[state].first <= tokens[t].begin) {
      size_t last = t;
      while (last + 1 < tokens.size() &&
             tokens[last + 1].begin < states[state].second) {
        ++last;
      }
      out.push_back(span(t, last, kMaskCountry));
      t = last + 1;
      continue;
    }
    if (gazetteer != nullptr &&
        gazetteer->IsStateAcronym(
            folded.OriginalText(original, folded.OriginalStart(tokens[t].begin),
                                folded.OriginalEnd(tokens[t].end)))) {
      out.push_back(span(t, t, kMaskCountry));
      ++t;
      continue;
    }
    if (!HasDigit(word(t))) {
      std::string w = Utf8(word(t));
      out.push_back({std::move(w), folded.OriginalStart(tokens[t].begin),
                     folded.OriginalEnd(tokens[t].end), false});
      ++t;
      continue;
    }
    // A written number: digit words joined by one separator each.
    size_t first = t, last = t;
    while (last + 1 < tokens.size() && IsDigits(word(last + 1)) &&
           IsNumberGap(gap(last + 1))) {
      ++last;
    }
    bool money = HasCurrencySymbol(gap(first));
    // A currency written before the number ("USD 5,000", "US$ 2"); "us"
    // only before a symbol, where it cannot be the pronoun.
    bool before =
        !out.empty() && !out.back().masked && first > 0 &&
        (IsCurrencyWord(out.back().text) || (money && out.back().text == "us"));
    if (before) {
      money = true;
      --first;
      out.pop_back();
    }
    // ... or after it, past a multiplier ("2 million dollars", "5 000 EUR").
    size_t after = last + 1;
    if (after < tokens.size() && IsMultiplier(Utf8(word(after)))) ++after;
    if (after < tokens.size() && IsCurrencyWord(Utf8(word(after)))) {
      money = true;
      last = after;
    } else if (money && last + 1 < tokens.size() &&
               IsMultiplier(Utf8(word(last + 1)))) {
      last = last + 1;
    }
    const char* mask = money                                  ? kMaskMoney
                       : first == last && IsYear(word(first)) ? kMaskYear
                                                              : kMaskNumber;
    out.push_back(span(first, last, mask));
    t = last + 1;
  }
  return out;
}

}  // namespace intake
