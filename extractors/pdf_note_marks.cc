#include "extractors/pdf_note_marks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>

namespace intake {
namespace {

// Shares of the word's height before the mark. A superscript is set at
// about 0.6 of the text size and raised by about a third of it.
constexpr double kSmaller = 0.8;   // the mark is at most this tall
constexpr double kRaised = 0.15;   // its foot at least this far above
constexpr double kTouching = 0.3;  // at most this far to the right
constexpr size_t kMinWordChars = 3;

bool IsMarkText(std::string_view text) {
  if (text == "*" || text == "\u2020" || text == "\u2021") return true;
  if (text.empty() || text.size() > 3) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Letters and digits: "d(A" before a raised 0 is a formula (A'), not a
// word with its note.
size_t LettersAndDigits(std::string_view text) {
  size_t n = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto size = static_cast<int32_t>(text.size());
  while (i < size) {
    UChar32 c;
    U8_NEXT(s, i, size, c);
    n += c >= 0 && u_isalnum(c);
  }
  return n;
}

bool IsNoteMark(const PdfWord& before, const PdfWord& mark) {
  double h = before.y1 - before.y0;
  double mark_h = mark.y1 - mark.y0;
  if (h <= 0 || mark.rotated || before.rotated) return false;
  double gap = mark.x0 - before.x1;
  double middle = (mark.y0 + mark.y1) / 2;
  return IsMarkText(mark.text) &&
         LettersAndDigits(before.text) >= kMinWordChars &&
         mark_h <= kSmaller * h && mark.y1 <= before.y1 - kRaised * h &&
         gap >= -kTouching * h && gap <= kTouching * h && middle >= before.y0 &&
         middle <= before.y1;
}

}  // namespace

void DropNoteMarks(std::vector<PdfWord>* words) {
  std::vector<PdfWord> kept;
  kept.reserve(words->size());
  for (PdfWord& w : *words) {
    // Poppler's reading order puts a mark right after its word; the word
    // keeps the space that followed the mark.
    if (!kept.empty() && IsNoteMark(kept.back(), w)) {
      kept.back().space_after = w.space_after;
      continue;
    }
    kept.push_back(std::move(w));
  }
  *words = std::move(kept);
}

}  // namespace intake
