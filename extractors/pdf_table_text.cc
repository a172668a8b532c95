#include "extractors/pdf_table_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace intake {
namespace {

// A line with this share of maths characters or more is a formula's.
constexpr double kMathsLine = 0.2;

bool IsMaths(UChar32 c) {
  return c == '=' || c == '<' || c == '>' || c == '+' || c == '^' ||
         c == 0x00B1 || c == 0x00D7 || c == 0x00F7 ||  // ± × ÷
         (c >= 0x0391 && c <= 0x03C9) ||               // Greek letters
         (c >= 0x2032 && c <= 0x2037) ||               // primes
         (c >= 0x2200 && c <= 0x22FF) ||               // operators
         (c >= 0x27C0 && c <= 0x27EF) || (c >= 0x2980 && c <= 0x2AFF) ||
         (c >= 0x1D400 && c <= 0x1D7FF);  // maths letters and digits
}

bool IsFormulaLine(const std::vector<std::string>& cells) {
  size_t characters = 0, maths = 0;
  for (const std::string& cell : cells) {
    int32_t i = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(cell.data());
    auto n = static_cast<int32_t>(cell.size());
    while (i < n) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c == ' ') continue;
      ++characters;
      maths += IsMaths(c);
    }
  }
  return maths > 0 && static_cast<double>(maths) >= kMathsLine * characters;
}

}  // namespace

bool ReadsAsTableCells(const std::vector<std::vector<std::string>>& lines) {
  size_t formulas = 0;
  for (const std::vector<std::string>& line : lines) {
    formulas += IsFormulaLine(line);
  }
  // A table of complexities or units may hold a formula in a row or two;
  // a run of formulas is no table.
  return 2 * formulas < lines.size();
}

}  // namespace intake
