#include "extractors/pdf_tables.h"

#include <algorithm>
#include <cmath>
#include <regex>

#include "extractors/pdf_table_text.h"

namespace intake {
namespace {

using Band = std::vector<const PdfWord*>;

// Shares of the median word height (about the font size).
// Gaps narrower than this are spaces between words of one cell.
constexpr double kCellGap = 0.4;
// A table starts at a line with a gap at least this wide: the space
// between two cells, wider than any stretched space of justified text.
constexpr double kStartGap = 1.0;
// A step down wider than this ends the table (the paragraph after it).
constexpr double kMaxStep = 2.2;
// The space before a word that would have fitted at the end of a line.
constexpr double kSpace = 0.25;
// More columns than this is no table a letter holds, but words set far
// apart (formulas, justified lines); it also keeps the column bookkeeping
// from going quadratic on a hostile page of scattered words.
constexpr size_t kMaxColumns = 12;
// Two columns each wider than this share of the table are two columns of
// running text that pdf_columns.h did not split, not a table.
constexpr double kTextColumnShare = 0.3;

struct Interval {
  double x0 = 0, x1 = 0;
};

// Adds [x0, x1] to `cover` (sorted, disjoint), merging intervals that
// come closer than `gap`.
void Cover(double x0, double x1, double gap, std::vector<Interval>* cover) {
  Interval merged{x0, x1};
  std::vector<Interval> out;
  for (const Interval& c : *cover) {
    if (c.x1 + gap < merged.x0 || merged.x1 + gap < c.x0) {
      out.push_back(c);
    } else {
      merged.x0 = std::min(merged.x0, c.x0);
      merged.x1 = std::max(merged.x1, c.x1);
    }
  }
  out.push_back(merged);
  std::sort(out.begin(), out.end(),
            [](const Interval& a, const Interval& b) { return a.x0 < b.x0; });
  *cover = std::move(out);
}

std::vector<Interval> Coverage(const Band& band, double gap) {
  std::vector<Interval> cover;
  for (const PdfWord* w : band) Cover(w->x0, w->x1, gap, &cover);
  return cover;
}

bool HasGap(const std::vector<Interval>& cover, double gap) {
  for (size_t i = 1; i < cover.size(); ++i) {
    if (cover[i].x0 - cover[i - 1].x1 >= gap) return true;
  }
  return false;
}

double Middle(const Band& band) {
  return (band.front()->y0 + band.front()->y1) / 2;
}

double MedianHeight(const Band& band) {
  std::vector<double> heights;
  for (const PdfWord* w : band) heights.push_back(w->y1 - w->y0);
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2,
                   heights.end());
  return heights[heights.size() / 2];
}

// The column of a word: the one its middle falls in, else the nearest.
size_t ColumnOf(const PdfWord& w, const std::vector<Interval>& columns) {
  double mid = (w.x0 + w.x1) / 2;
  size_t best = 0;
  double best_distance = 1e18;
  for (size_t c = 0; c < columns.size(); ++c) {
    double d = mid < columns[c].x0   ? columns[c].x0 - mid
               : mid > columns[c].x1 ? mid - columns[c].x1
                                     : 0;
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

// "1.", "(b)", "iii)", a bullet: what stands in the margin of a numbered
// paragraph, whose hanging indent looks like a first column.
bool IsListMarker(const std::string& text) {
  static const std::regex kMarker(
      R"(^(\(?[0-9a-zA-Z]{1,4}[.)]|[0-9]{1,3}(\.[0-9]{1,3})*\.?|•|▪|◦|·|–|-)$)",
      std::regex::optimize);
  return text.size() <= 12 && std::regex_match(text, kMarker);
}

bool FirstColumnIsMarkers(const std::vector<Band>& bands, size_t start,
                          size_t end, const std::vector<Interval>& columns) {
  for (size_t k = start; k < end; ++k) {
    for (const PdfWord* w : bands[k]) {
      if (ColumnOf(*w, columns) == 0 && !IsListMarker(w->text)) return false;
    }
  }
  return true;
}

// Adjacent columns that never have words on the same line are one column
// whose cells are aligned differently (a header left, numbers right).
std::vector<Interval> MergeLoneColumns(const std::vector<Band>& bands,
                                       size_t start, size_t end,
                                       std::vector<Interval> columns) {
  for (size_t c = 0; c + 1 < columns.size();) {
    bool together = false;
    for (size_t k = start; k < end && !together; ++k) {
      bool left = false, right = false;
      for (const PdfWord* w : bands[k]) {
        size_t col = ColumnOf(*w, columns);
        left = left || col == c;
        right = right || col == c + 1;
      }
      together = left && right;
    }
    if (together) {
      ++c;
    } else {
      columns[c].x1 = columns[c + 1].x1;
      columns.erase(columns.begin() + static_cast<long>(c) + 1);
    }
  }
  return columns;
}

// Whether every gutter between `columns` is, on some line, as wide as a
// gap between cells: words that happen to leave a narrow gap free in
// justified or scattered text do not make a table.
bool GuttersAreWide(const std::vector<Band>& bands, size_t start, size_t end,
                    const std::vector<Interval>& columns, double h) {
  std::vector<bool> wide(columns.size() - 1, false);
  for (size_t k = start; k < end; ++k) {
    std::vector<double> left(columns.size(), 1e18),
        right(columns.size(), -1e18);
    for (const PdfWord* w : bands[k]) {
      size_t c = ColumnOf(*w, columns);
      left[c] = std::min(left[c], w->x0);
      right[c] = std::max(right[c], w->x1);
    }
    for (size_t c = 0; c + 1 < columns.size(); ++c) {
      if (right[c] > -1e18 && left[c + 1] < 1e18 &&
          left[c + 1] - right[c] >= kStartGap * h) {
        wide[c] = true;
      }
    }
  }
  return std::count(wide.begin(), wide.end(), false) == 0;
}

// The text of bands [start, end), line by line and cell by cell.
std::vector<std::vector<std::string>> CellTexts(
    const std::vector<Band>& bands, size_t start, size_t end,
    const std::vector<Interval>& columns) {
  std::vector<std::vector<std::string>> lines;
  for (size_t k = start; k < end; ++k) {
    std::vector<std::string> cells(columns.size());
    for (const PdfWord* w : bands[k]) {
      std::string& cell = cells[ColumnOf(*w, columns)];
      if (!cell.empty()) cell += ' ';
      cell += w->text;
    }
    lines.push_back(std::move(cells));
  }
  return lines;
}

struct Table {
  size_t end = 0;  // one past its last band
  std::vector<Interval> columns;
};

// The table that starts at band `start`, if one does: end == start when
// not.
Table GrowTable(const std::vector<Band>& bands, size_t start) {
  Table table{start, {}};
  // Tables are often set smaller than the text: their own size counts.
  double h = MedianHeight(bands[start]);
  if (h <= 0) return table;
  std::vector<Interval> columns = Coverage(bands[start], kCellGap * h);
  if (columns.size() < 2 || columns.size() > kMaxColumns ||
      !HasGap(columns, kStartGap * h)) {
    return table;
  }
  // A numbered paragraph: its number hangs in the margin.
  const PdfWord* leftmost = *std::min_element(
      bands[start].begin(), bands[start].end(),
      [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
  if (IsListMarker(leftmost->text) && leftmost->x1 >= columns[0].x1) {
    return table;
  }
  size_t end = start + 1;
  int lines_with_cells = 1;
  for (; end < bands.size(); ++end) {
    if (Middle(bands[end]) - Middle(bands[end - 1]) > kMaxStep * h) break;
    std::vector<Interval> grown = columns;
    for (const PdfWord* w : bands[end])
      Cover(w->x0, w->x1, kCellGap * h, &grown);
    // A line that runs across a gutter is no part of the table.
    if (grown.size() < columns.size() || grown.size() > kMaxColumns) break;
    columns = std::move(grown);
    if (Coverage(bands[end], kCellGap * h).size() >= 2) ++lines_with_cells;
  }
  if (lines_with_cells < 2) return table;
  columns = MergeLoneColumns(bands, start, end, std::move(columns));
  if (columns.size() < 2 || FirstColumnIsMarkers(bands, start, end, columns)) {
    return table;
  }
  if (!GuttersAreWide(bands, start, end, columns, h)) return table;
  double span = columns.back().x1 - columns.front().x0;
  if (columns.size() == 2 &&
      columns[0].x1 - columns[0].x0 > kTextColumnShare * span &&
      columns[1].x1 - columns[1].x0 > kTextColumnShare * span) {
    return table;
  }
  if (!ReadsAsTableCells(CellTexts(bands, start, end, columns))) return table;
  table.end = end;
  table.columns = std::move(columns);
  return table;
}

// The first band of each row of `table` (from `start`).
std::vector<size_t> RowStarts(const std::vector<Band>& bands, size_t start,
                              const Table& table) {
  double h = MedianHeight(bands[start]);
  const std::vector<Interval>& columns = table.columns;
  std::vector<size_t> starts = {start};
  std::vector<double> line_end(columns.size(), -1);  // in the line above
  std::vector<size_t> last_band(columns.size(), 0);  // with words in it
  bool full_above = false;  // the line above had words in every column
  for (size_t k = start; k < table.end; ++k) {
    std::vector<const PdfWord*> first(columns.size(), nullptr);
    std::vector<double> end(columns.size(), -1);
    for (const PdfWord* w : bands[k]) {
      size_t c = ColumnOf(*w, columns);
      if (first[c] == nullptr || w->x0 < first[c]->x0) first[c] = w;
      end[c] = std::max(end[c], w->x1);
    }
    bool new_row = false;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (first[c] == nullptr || line_end[c] < 0) continue;
      double width = first[c]->x1 - first[c]->x0;
      // Would have fitted on the line above: that cell had ended. Or the
      // column skipped a line: cells start at the top of their row, and a
      // cell's lines follow each other.
      if (line_end[c] + kSpace * h + width <= columns[c].x1 ||
          last_band[c] + 1 < k) {
        new_row = true;
      }
    }
    // Rows of one line each (figures by year): every column has words on
    // this line and the one above. A row whose every cell wraps at once is
    // split line by line; rarer than rows of one line.
    bool full = std::count(first.begin(), first.end(), nullptr) == 0;
    new_row = new_row || (full && full_above);
    full_above = full;
    if (k > start && new_row) starts.push_back(k);
    for (size_t c = 0; c < columns.size(); ++c) {
      if (first[c] != nullptr) {
        line_end[c] = end[c];
        last_band[c] = k;
      }
    }
  }
  return starts;
}

// One line for the bands [from, to) of one row.
PdfLine RowLine(const std::vector<Band>& bands, size_t from, size_t to,
                const std::vector<Interval>& columns) {
  std::vector<std::string> cells(columns.size());
  PdfLine row;
  row.table_row = true;
  row.x0 = 1e18;
  row.y0 = 1e18;
  double confidence_sum = 0;
  int ocr_lines = 0;
  for (size_t k = from; k < to; ++k) {
    std::vector<Band> parts(columns.size());
    for (const PdfWord* w : bands[k]) parts[ColumnOf(*w, columns)].push_back(w);
    for (size_t c = 0; c < columns.size(); ++c) {
      if (parts[c].empty()) continue;
      PdfLine part = JoinWords(parts[c]);
      // Line breaks stay for normalize, which joins hyphenated words.
      if (!cells[c].empty()) cells[c] += '\n';
      cells[c] += part.text;
      row.x0 = std::min(row.x0, part.x0);
      row.x1 = std::max(row.x1, part.x1);
      row.y0 = std::min(row.y0, part.y0);
      row.y1 = std::max(row.y1, part.y1);
      if (row.font_size == 0) row.font_size = part.font_size;
      if (part.ocr_confidence >= 0) {
        confidence_sum += part.ocr_confidence;
        ++ocr_lines;
      }
    }
  }
  for (size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) row.text += " | ";
    row.text += cells[c];
    row.cell_lefts.push_back(columns[c].x0);
  }
  if (ocr_lines > 0) row.ocr_confidence = confidence_sum / ocr_lines;
  return row;
}

}  // namespace

std::vector<PdfLine> GroupLinesAndTables(const std::vector<PdfWord>& words) {
  std::vector<Band> bands = BandLines(words);
  std::vector<PdfLine> lines;
  for (size_t i = 0; i < bands.size();) {
    Table table = GrowTable(bands, i);
    if (table.end == i) {
      lines.push_back(JoinWords(bands[i]));
      ++i;
      continue;
    }
    std::vector<size_t> starts = RowStarts(bands, i, table);
    starts.push_back(table.end);
    for (size_t r = 0; r + 1 < starts.size(); ++r) {
      lines.push_back(RowLine(bands, starts[r], starts[r + 1], table.columns));
    }
    i = table.end;
  }
  return lines;
}

}  // namespace intake
