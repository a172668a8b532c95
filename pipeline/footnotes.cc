#include "pipeline/footnotes.h"

#include <algorithm>

namespace intake {
namespace {

// Footnotes are set at least this much smaller than the body (points).
constexpr double kSmallerBy = 0.8;
// ... and start below this share of the page height.
constexpr double kLowerPart = 0.5;

double BodyFontSize(const std::vector<Block>& blocks) {
  std::vector<double> sizes;
  for (const Block& b : blocks) {
    if (b.font_size > 0 && b.text.size() > 80) sizes.push_back(b.font_size);
  }
  if (sizes.empty()) return 0;
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2,
                   sizes.end());
  return sizes[sizes.size() / 2];
}

bool StartsWithMark(const std::string& text) {
  if (text.empty()) return false;
  char c = text[0];
  return (c >= '0' && c <= '9') || c == '*' || c == '(' ||
         text.rfind("\xE2\x80\xA0", 0) == 0;  // dagger
}

}  // namespace

void MarkFootnotes(std::vector<Block>* blocks) {
  double body = BodyFontSize(*blocks);
  if (body <= 0) return;
  int footnote_page = 0;  // page whose footnote area we are in
  for (Block& b : *blocks) {
    if (b.kind != BlockKind::kBody || b.page <= 0 || b.font_size <= 0) {
      continue;
    }
    bool small = b.font_size < body - kSmallerBy;
    if (!small || b.top < kLowerPart) {
      footnote_page = 0;
      continue;
    }
    if (StartsWithMark(b.text) || footnote_page == b.page) {
      b.kind = BlockKind::kFootnote;
      footnote_page = b.page;
    }
  }
}

}  // namespace intake
