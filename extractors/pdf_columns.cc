#include "extractors/pdf_columns.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace intake {
namespace {

// Where the gutter's middle may lie, as shares of the text width.
constexpr double kGutterFrom = 0.3;
constexpr double kGutterTo = 0.7;
// The narrowest gutter taken (points).
constexpr double kMinGutter = 8;
// Words allowed to cross the gutter, as a share of the page's words.
constexpr double kMaxCrossing = 0.02;
// Each column holds at least this share of the words.
constexpr double kMinColumnShare = 0.2;
// Each column's lines are on average at least this share of the width:
// the cells of a table are narrower and must not read as columns.
constexpr double kMinColumnWidth = 0.3;
// Lines are told apart by their vertical middles rounded to this (points).
constexpr double kLineBucket = 3;
// Words closer than this share of the gutter's width across it are one line.
constexpr double kSpanningGap = 0.6;

struct Gutter {
  double middle = 0;
  double width = 0;
  bool found = false;
};

Gutter FindGutter(const std::vector<PdfWord>& words, double left,
                  double right) {
  int bins = static_cast<int>(std::ceil(right - left)) + 1;
  std::vector<int> crossing(bins, 0);
  for (const PdfWord& w : words) {
    int from = std::clamp(static_cast<int>(w.x0 - left), 0, bins - 1);
    int to = std::clamp(static_cast<int>(w.x1 - left), 0, bins - 1);
    for (int b = from; b <= to; ++b) ++crossing[b];
  }
  int allowed = static_cast<int>(kMaxCrossing * words.size());
  double width = right - left;
  int lo = static_cast<int>(kGutterFrom * width);
  int hi = static_cast<int>(kGutterTo * width);
  Gutter best;
  double best_width = 0;
  for (int b = lo; b <= hi && b < bins;) {
    if (crossing[b] > allowed) {
      ++b;
      continue;
    }
    int start = b;
    while (b < bins && crossing[b] <= allowed) ++b;
    double run = b - start;
    double middle = left + (start + b) / 2.0;
    if (run >= kMinGutter && run > best_width &&
        middle - left >= kGutterFrom * width &&
        middle - left <= kGutterTo * width) {
      best_width = run;
      best.middle = middle;
      best.width = run;
      best.found = true;
    }
  }
  return best;
}

double MeanWordSpan(const std::vector<PdfWord>& words) {
  // Width of the column's text: from its leftmost to its rightmost word.
  double lo = 1e18, hi = -1e18;
  for (const PdfWord& w : words) {
    lo = std::min(lo, w.x0);
    hi = std::max(hi, w.x1);
  }
  return words.empty() ? 0 : hi - lo;
}

}  // namespace

std::vector<std::vector<PdfWord>> SplitUpright(
    const std::vector<PdfWord>& words);

std::vector<std::vector<PdfWord>> SplitColumns(
    const std::vector<PdfWord>& all_words) {
  // Sideways words (a stamp up the margin) would thread through every
  // line; they are read after the page when most of it is upright.
  std::vector<PdfWord> words, sideways;
  for (const PdfWord& w : all_words) {
    (w.rotated ? sideways : words).push_back(w);
  }
  if (sideways.size() > words.size()) return {all_words};
  std::vector<std::vector<PdfWord>> groups = SplitUpright(words);
  if (!sideways.empty()) groups.push_back(std::move(sideways));
  return groups;
}

std::vector<std::vector<PdfWord>> SplitUpright(
    const std::vector<PdfWord>& words) {
  std::vector<std::vector<PdfWord>> one = {words};
  if (words.size() < 40) return one;
  double left = 1e18, right = -1e18;
  for (const PdfWord& w : words) {
    left = std::min(left, w.x0);
    right = std::max(right, w.x1);
  }
  double width = right - left;
  if (width <= 0 || width > 1e5) return one;
  Gutter gutter = FindGutter(words, left, right);
  if (!gutter.found) return one;

  // A line spans the page (a centred title) when a word crosses the
  // gutter, or when its words on either side stand closer than a gutter's
  // width: the words of that line go together.
  std::map<int, std::pair<double, double>>
      sides;  // line -> (left end, right start)
  std::vector<std::pair<double, double>> spanning_bands;
  for (const PdfWord& w : words) {
    if (w.x0 < gutter.middle && w.x1 > gutter.middle) {
      spanning_bands.push_back({w.y0, w.y1});
      continue;
    }
    int key = static_cast<int>(std::lround((w.y0 + w.y1) / 2 / kLineBucket));
    auto [it, fresh] = sides.try_emplace(key, -1e18, 1e18);
    if (w.x1 <= gutter.middle) {
      it->second.first = std::max(it->second.first, w.x1);
    } else {
      it->second.second = std::min(it->second.second, w.x0);
    }
  }
  for (const auto& [key, ends] : sides) {
    if (ends.second - ends.first < kSpanningGap * gutter.width) {
      double mid = key * kLineBucket;
      spanning_bands.push_back({mid - kLineBucket, mid + kLineBucket});
    }
  }
  auto on_spanning_line = [&](const PdfWord& w) {
    double mid = (w.y0 + w.y1) / 2;
    for (const auto& [y0, y1] : spanning_bands) {
      if (mid >= y0 && mid <= y1) return true;
    }
    return false;
  };
  std::vector<PdfWord> left_col, right_col, spanning;
  for (const PdfWord& w : words) {
    if (on_spanning_line(w)) {
      spanning.push_back(w);
    } else if (w.x1 <= gutter.middle) {
      left_col.push_back(w);
    } else {
      right_col.push_back(w);
    }
  }
  double n = static_cast<double>(words.size());
  if (left_col.size() < kMinColumnShare * n ||
      right_col.size() < kMinColumnShare * n ||
      MeanWordSpan(left_col) < kMinColumnWidth * width ||
      MeanWordSpan(right_col) < kMinColumnWidth * width) {
    return one;
  }
  double top = 1e18, bottom = -1e18;
  for (const auto* col : {&left_col, &right_col}) {
    for (const PdfWord& w : *col) {
      top = std::min(top, w.y0);
      bottom = std::max(bottom, w.y1);
    }
  }
  std::vector<PdfWord> above, below;
  for (const PdfWord& w : spanning) {
    if ((w.y0 + w.y1) / 2 > bottom) {
      below.push_back(w);
    } else if ((w.y0 + w.y1) / 2 < top) {
      above.push_back(w);
    } else {
      left_col.push_back(w);  // a stray word across the gutter
    }
  }
  std::vector<std::vector<PdfWord>> groups;
  for (auto* g : {&above, &left_col, &right_col, &below}) {
    if (!g->empty()) groups.push_back(std::move(*g));
  }
  return groups;
}

}  // namespace intake
