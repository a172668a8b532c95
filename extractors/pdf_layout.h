// From the words Poppler finds on a page to blocks of text.
//
// Words arrive in Poppler's reading order with their boxes. They are put
// into lines (same baseline, left to right) and lines into blocks: a block
// ends where the vertical gap to the next line is clearly wider than the
// line spacing, where the font size changes, or where the next line starts
// with a paragraph number ("12.", "(b)"). Knows nothing of poppler types so
// it can be tested with made-up words.
// Not here: columns and tables (issue: layout quality), running heads
// (pipeline/page_furniture.h).
#ifndef INTAKE_EXTRACTORS_PDF_LAYOUT_H_
#define INTAKE_EXTRACTORS_PDF_LAYOUT_H_

#include <string>
#include <vector>

#include "pipeline/document.h"

namespace intake {

struct PdfWord {
  std::string text;                       // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, y grows downwards
  double font_size = 0;
  bool space_after = true;
  bool rotated = false;        // set sideways (a margin stamp, an arXiv id)
  double ocr_confidence = -1;  // [0, 1] for a word read by OCR, else -1
};

struct PdfLine {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;
  // Right edge of the column the line stands in, when the page has
  // columns (pdf_columns.h); 0 means the text's own right edge.
  double column_right = 0;
  double ocr_confidence = -1;  // mean over its OCRed words, else -1
  // One whole row of a table (pdf_tables.h), its cells joined by " | ":
  // a block of its own.
  bool table_row = false;
  std::vector<double> cell_lefts;  // of a table row: each column's left edge
};

// Groups words into lines. REQUIRES: words in reading order.
std::vector<PdfLine> GroupLines(const std::vector<PdfWord>& words);

// The words of each line, top to bottom, as GroupLines finds them; the
// pointers borrow `words`.
std::vector<std::vector<const PdfWord*>> BandLines(
    const std::vector<PdfWord>& words);

// One line from its words, in reading order (left to right, or right to
// left for Arabic and Hebrew). REQUIRES: `words` not empty.
PdfLine JoinWords(std::vector<const PdfWord*> words);

// Where the text of a document sits: its left and right edges and its
// usual distance between lines, measured over all pages so that a page
// with few lines is judged like the others.
struct TextGeometry {
  double left = 0;
  double right = 0;
  double pitch = 0;
};

TextGeometry MeasureText(const std::vector<std::vector<PdfLine>>& pages);

// Groups the lines of page `page` (1-based) into blocks, '\n' between the
// lines of a block; `page_height` scales Block::top/bottom to [0, 1].
std::vector<Block> GroupBlocks(const std::vector<PdfLine>& lines, int page,
                               double page_height, const TextGeometry& g);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_PDF_LAYOUT_H_
