#include "pipeline/footnotes.h"

#include <algorithm>
#include <map>

#include "pipeline/font_sizes.h"

namespace intake {
namespace {

// Footnotes are set at least this much smaller than the body (points).
constexpr double kSmallerBy = 0.8;
// ... and start below this share of the page height.
constexpr double kLowerPart = 0.5;

bool StartsWithMark(const std::string& text) {
  if (text.empty()) return false;
  char c = text[0];
  return (c >= '0' && c <= '9') || c == '*' || c == '(' ||
         text.rfind("\xE2\x80\xA0", 0) == 0;  // dagger
}

}  // namespace

void MarkFootnotes(std::vector<Block>* blocks) {
  std::vector<Block>& b = *blocks;
  double body = BodyFontSize(b);
  if (body <= 0) return;
  auto is_small = [&](const Block& x) {
    return x.font_size > 0 && x.font_size < body - kSmallerBy;
  };
  // The footnote area of a page starts after its last body-size block, so
  // a table set in a small font above more body text is not a footnote.
  std::map<int, size_t> last_body;
  for (size_t i = 0; i < b.size(); ++i) {
    if (b[i].kind == BlockKind::kBody && b[i].page > 0 && !is_small(b[i])) {
      last_body[b[i].page] = i;
    }
  }
  int footnote_page = 0;  // page whose footnote area we are in
  for (size_t i = 0; i < b.size(); ++i) {
    Block& x = b[i];
    if (x.kind != BlockKind::kBody || x.page <= 0) continue;
    auto body_end = last_body.find(x.page);
    bool below_body = body_end == last_body.end() || i > body_end->second;
    if (!is_small(x) || x.top < kLowerPart || !below_body) {
      footnote_page = 0;
      continue;
    }
    if (StartsWithMark(x.text) || footnote_page == x.page) {
      x.kind = BlockKind::kFootnote;
      footnote_page = x.page;
    }
  }
}

}  // namespace intake
