// Paragraph numbers that Tesseract's page layout analysis drops. A "2."
// alone at the left margin, a hanging indent away from its text, is taken
// for noise and never recognised, even on a clean 300 dpi page; the
// compilation cites paragraphs by those numbers. So, after a page is read,
// every line that starts to the right of the page's text margin with ink
// left of it has that strip read again as one word, limited to the
// characters of paragraph numbers, and kept only when it reads as one
// ("2.", "(b)", "iv)").
//
// Not here: reading the page (pdf_ocr.h) or what the layout makes of the
// words (pdf_layout.h).
#ifndef INTAKE_EXTRACTORS_OCR_MARGINS_H_
#define INTAKE_EXTRACTORS_OCR_MARGINS_H_

#include <string>
#include <string_view>
#include <vector>

namespace tesseract {
class TessBaseAPI;
}

namespace intake {

// In pixels of the image Tesseract read.
struct PixelBox {
  int left = 0, top = 0, right = 0, bottom = 0;
};

// A grey image, 8 bits a pixel, rows `stride` bytes apart; borrowed.
struct GrayPixels {
  const unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;
};

// A word Tesseract read, as ReadMarginNumbers needs it.
struct ReadWord {
  std::string_view text;  // borrowed
  PixelBox box;
};

struct MarginNumber {
  int line = 0;  // index into the lines given
  std::string text;
  PixelBox box;
  double confidence = 0;  // [0, 1]
  // Words Tesseract read in the strip, misread ("1." as "L"): the number
  // takes their place.
  std::vector<int> replaces;  // indexes into the words given
};

// Whether `text` is a paragraph or list number as letters print them:
// "12.", "3)", "(a)", "b)", "(iv)".
bool IsMarginNumber(std::string_view text);

// The numbers found left of `lines` (upright text lines, in reading order)
// on `image`, where `words` (all words read on it) have none already.
// REQUIRES: `api` holds `image` as last set, `dpi` its resolution. Leaves `api`
// with its page segmentation mode, rectangle and character whitelist as they
// were for a full page.
std::vector<MarginNumber> ReadMarginNumbers(tesseract::TessBaseAPI& api,
                                            const GrayPixels& image,
                                            const std::vector<PixelBox>& lines,
                                            const std::vector<ReadWord>& words,
                                            double dpi);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_OCR_MARGINS_H_
