#include "extractors/pdf_layout.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <regex>

namespace intake {
namespace {

// A line pitch this many times the page's usual pitch starts a new block.
constexpr double kParagraphPitch = 1.35;
// A line ending this far (share of the text width) short of the right
// margin ends its paragraph.
constexpr double kShortLine = 0.15;
// Font sizes differing by more than this (points) start a new block.
constexpr double kFontSizeJump = 1.5;

double Height(double y0, double y1) { return std::max(1.0, y1 - y0); }

bool StartsWithNumber(const std::string& text) {
  static const std::regex kNumber(
      R"(^(\d{1,3}(\.\d{1,3})*\.|\([a-z]{1,2}\)|\((i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)|[a-z]\)|•|▪|◦|·|–|-)\s)",
      std::regex::optimize);
  // std::regex recurses per character; a number is in the first bytes.
  std::string_view head = std::string_view(text).substr(0, 24);
  return std::regex_search(head.begin(), head.end(), kNumber);
}

UChar32 FirstChar(const std::string& s) {
  UChar32 c = -1;
  int32_t i = 0;
  if (!s.empty()) {
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i,
            static_cast<int32_t>(s.size()), c);
  }
  return c;
}

UChar32 LastChar(const std::string& s) {
  UChar32 c = -1;
  int32_t i = static_cast<int32_t>(s.size());
  if (!s.empty()) {
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  }
  return c;
}

// Chinese and Japanese are written without spaces between words; OCR and
// some PDFs still give each word (or character) a box of its own.
bool IsIdeographic(UChar32 c) {
  return c >= 0 && (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
                    (c >= 0x3000 && c <= 0x303F) ||  // CJK punctuation
                    (c >= 0xFF00 && c <= 0xFFEF));   // full-width forms
}

// A line in Arabic or Hebrew reads right to left: more of its letters are
// of a right-to-left script than of any other.
bool ReadsRightToLeft(const std::vector<const PdfWord*>& words) {
  int rtl = 0, ltr = 0;
  for (const PdfWord* w : words) {
    UChar32 c = FirstChar(w->text);
    if (c < 0) continue;
    UCharDirection d = u_charDirection(c);
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) {
      ++rtl;
    } else if (d == U_LEFT_TO_RIGHT) {
      ++ltr;
    }
  }
  return rtl > ltr;
}

}  // namespace

// Joins the words of one line in reading order: left to right, or right
// to left for a line in Arabic or Hebrew.
PdfLine JoinWords(std::vector<const PdfWord*> words) {
  if (ReadsRightToLeft(words)) {
    std::sort(words.begin(), words.end(),
              [](const PdfWord* a, const PdfWord* b) { return a->x1 > b->x1; });
  } else {
    std::sort(words.begin(), words.end(),
              [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
  }
  PdfLine line;
  line.x0 = words.front()->x0;
  line.y0 = words.front()->y0;
  line.y1 = words.front()->y1;
  // The median word size: a footnote mark or a capital must not decide
  // the size of the whole line.
  std::vector<double> sizes;
  for (const PdfWord* w : words) sizes.push_back(w->font_size);
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2,
                   sizes.end());
  line.font_size = sizes[sizes.size() / 2];
  double confidence_sum = 0;
  int ocr_words = 0;
  const PdfWord* prev = nullptr;
  for (const PdfWord* w : words) {
    if (w->ocr_confidence >= 0) {
      confidence_sum += w->ocr_confidence;
      ++ocr_words;
    }
    if (prev != nullptr) {
      double gap = std::max(w->x0 - prev->x1, prev->x0 - w->x1);
      bool ideographs = IsIdeographic(LastChar(prev->text)) &&
                        IsIdeographic(FirstChar(w->text));
      if (!ideographs &&
          (prev->space_after || gap > 0.12 * Height(w->y0, w->y1))) {
        line.text += ' ';
      }
    }
    line.text += w->text;
    line.x0 = std::min(line.x0, w->x0);
    line.x1 = std::max(line.x1, w->x1);
    line.y0 = std::min(line.y0, w->y0);
    line.y1 = std::max(line.y1, w->y1);
    prev = w;
  }
  if (ocr_words > 0) line.ocr_confidence = confidence_sum / ocr_words;
  return line;
}

namespace {

double Median(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  size_t k = static_cast<size_t>(share * (values.size() - 1));
  std::nth_element(values.begin(), values.begin() + k, values.end());
  return values[k];
}

}  // namespace

std::vector<PdfLine> GroupLines(const std::vector<PdfWord>& words) {
  std::vector<PdfLine> lines;
  for (std::vector<const PdfWord*>& band : BandLines(words)) {
    lines.push_back(JoinWords(std::move(band)));
  }
  return lines;
}

std::vector<std::vector<const PdfWord*>> BandLines(
    const std::vector<PdfWord>& words) {
  // Words are put in lines by position, not by Poppler's order, so that the
  // cells of a table row read as one line.
  std::vector<const PdfWord*> sorted;
  for (const PdfWord& w : words) {
    if (!w.text.empty()) sorted.push_back(&w);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const PdfWord* a, const PdfWord* b) {
                     return a->y0 + a->y1 < b->y0 + b->y1;
                   });
  std::vector<std::vector<const PdfWord*>> lines;
  std::vector<const PdfWord*> current;
  double band_top = 0, band_bottom = 0;
  for (const PdfWord* w : sorted) {
    double mid = (w->y0 + w->y1) / 2;
    if (!current.empty() && mid >= band_top && mid <= band_bottom) {
      current.push_back(w);
      continue;
    }
    if (!current.empty()) lines.push_back(std::move(current));
    current = {w};
    band_top = w->y0;
    band_bottom = w->y1;
  }
  if (!current.empty()) lines.push_back(std::move(current));
  return lines;
}

TextGeometry MeasureText(const std::vector<std::vector<PdfLine>>& pages) {
  std::vector<double> lefts, rights, pitches;
  for (const std::vector<PdfLine>& lines : pages) {
    for (size_t i = 0; i < lines.size(); ++i) {
      lefts.push_back(lines[i].x0);
      rights.push_back(lines[i].x1);
      if (i == 0) continue;
      double pitch = lines[i].y1 - lines[i - 1].y1;
      if (pitch > 0) pitches.push_back(pitch);
    }
  }
  TextGeometry g;
  // Percentiles, not extremes: a page number or a stamp in the margin must
  // not move the text's edges.
  g.left = Median(lefts, 0.05);
  g.right = Median(rights, 0.95);
  g.pitch = Median(pitches, 0.5);
  return g;
}

std::vector<Block> GroupBlocks(const std::vector<PdfLine>& lines, int page,
                               double page_height, const TextGeometry& g) {
  std::vector<Block> blocks;
  double scale = page_height > 0 ? 1.0 / page_height : 0;
  double width = std::max(1.0, g.right - g.left);
  const PdfLine* prev = nullptr;
  double confidence_sum = 0;  // over the OCRed lines of the open block
  int ocr_lines = 0;
  for (const PdfLine& line : lines) {
    bool new_block = prev == nullptr || line.table_row || prev->table_row;
    if (!new_block) {
      double step = line.y1 - prev->y1;
      bool wide_gap = g.pitch > 0 && step > kParagraphPitch * g.pitch;
      double right_edge = prev->column_right > 0 ? prev->column_right : g.right;
      bool prev_short =
          prev->x1 < right_edge - kShortLine * width *
                                      (prev->column_right > 0 ? 0.5 : 1.0);
      new_block = wide_gap || prev_short || step < 0 ||
                  std::fabs(line.font_size - prev->font_size) > kFontSizeJump ||
                  StartsWithNumber(line.text);
    }
    if (new_block) {
      Block b;
      if (line.table_row) {
        b.kind = BlockKind::kTableRow;
        b.cell_lefts = line.cell_lefts;
      }
      b.page = page;
      b.text = line.text;
      b.top = scale > 0 ? line.y0 * scale : -1;
      b.bottom = scale > 0 ? line.y1 * scale : -1;
      b.font_size = line.font_size;
      blocks.push_back(std::move(b));
      confidence_sum = 0;
      ocr_lines = 0;
    } else {
      Block& b = blocks.back();
      b.text += '\n';
      b.text += line.text;
      if (scale > 0) b.bottom = line.y1 * scale;
    }
    if (line.ocr_confidence >= 0) {
      confidence_sum += line.ocr_confidence;
      blocks.back().ocr_confidence = confidence_sum / ++ocr_lines;
    }
    prev = &line;
  }
  return blocks;
}

}  // namespace intake
