#include "pipeline/table_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace intake {
namespace {

// Column edges this close (share of the font size, at least kMinSlack
// points) are the same column on both pages.
constexpr double kColumnSlack = 0.5;
constexpr double kMinSlack = 4.0;

// The cells of a normalized row: its text split at '|', each trimmed
// (normalize has folded the spaces of empty cells, "a | | b").
std::vector<std::string> RowCells(const Block& row) {
  std::vector<std::string> cells;
  std::string_view text = row.text;
  for (;;) {
    size_t at = text.find('|');
    std::string_view cell = text.substr(0, at);
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    cells.emplace_back(cell);
    if (at == std::string_view::npos) return cells;
    text.remove_prefix(at + 1);
  }
}

bool SameColumns(const Block& a, const Block& b) {
  if (a.cell_lefts.empty() || a.cell_lefts.size() != b.cell_lefts.size()) {
    return false;
  }
  double slack = std::max(kMinSlack, kColumnSlack * a.font_size);
  for (size_t c = 0; c < a.cell_lefts.size(); ++c) {
    if (std::fabs(a.cell_lefts[c] - b.cell_lefts[c]) > slack) return false;
  }
  return true;
}

bool StartsWithLower(std::string_view text) {
  UChar32 c = -1;
  int32_t i = 0;
  if (!text.empty()) {
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i,
            static_cast<int32_t>(text.size()), c);
  }
  return c >= 0 && u_islower(c);
}

// `next`, the first row on its page, is the rest of `last`, the last row
// of the page before.
bool Continues(const std::vector<std::string>& last,
               const std::vector<std::string>& next) {
  if (next.empty() || next.size() != last.size()) return false;
  if (next[0].empty()) return true;
  bool some_empty = std::any_of(next.begin(), next.end(),
                                [](const std::string& c) { return c.empty(); });
  return some_empty && StartsWithLower(next[0]);
}

// Written as normalize leaves a row: " | " between cells, one space
// where a cell is empty, none at the end.
std::string JoinCells(const std::vector<std::string>& cells) {
  std::string text;
  for (size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) text += text.empty() || text.back() == ' ' ? "| " : " | ";
    text += cells[c];
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

void Join(Block* last, const Block& next) {
  std::vector<std::string> a = RowCells(*last);
  std::vector<std::string> b = RowCells(next);
  for (size_t c = 0; c < a.size(); ++c) {
    if (a[c].empty() || b[c].empty()) {
      a[c] += b[c];
    } else if (a[c].back() == '-') {
      a[c] += b[c];  // normalize judges line-end hyphens; a cell split at
                     // one keeps it as written
    } else {
      a[c] += " " + b[c];
    }
  }
  last->text = JoinCells(a);
  if (next.ocr_confidence >= 0 &&
      (last->ocr_confidence < 0 ||
       next.ocr_confidence < last->ocr_confidence)) {
    last->ocr_confidence = next.ocr_confidence;
  }
}

}  // namespace

std::vector<Block> JoinRowsAcrossPageBreaks(std::vector<Block> blocks) {
  std::vector<Block> out;
  out.reserve(blocks.size());
  // The open table in `out`: its first and its last row; -1 when the last
  // block that was neither a running head nor a note is no table row.
  long first = -1;
  long last = -1;
  for (Block& block : blocks) {
    if (block.kind != BlockKind::kTableRow) {
      if (block.kind != BlockKind::kHeaderFooter &&
          block.kind != BlockKind::kFootnote) {
        first = last = -1;
      }
      out.push_back(std::move(block));
      continue;
    }
    if (last >= 0 && block.page > out[last].page) {
      const Block& head = out[first];
      if (block.text == head.text && SameColumns(head, block)) {
        continue;  // the header row, repeated on the new page
      }
      if (SameColumns(out[last], block) &&
          Continues(RowCells(out[last]), RowCells(block))) {
        Join(&out[last], block);
        continue;
      }
    }
    if (last < 0) first = static_cast<long>(out.size());
    last = static_cast<long>(out.size());
    out.push_back(std::move(block));
  }
  return out;
}

}  // namespace intake
