// Word boxes for tests of the PDF layout code, as poppler would give them.
#ifndef INTAKE_TESTS_PDF_TEST_WORDS_H_
#define INTAKE_TESTS_PDF_TEST_WORDS_H_

#include "extractors/pdf_layout.h"

namespace intake::testing {

// A word from (x0, y0) to (x1, y1), its font as tall as its box.
inline PdfWord W(const char* text, double x0, double y0, double x1, double y1) {
  PdfWord w;
  w.text = text;
  w.x0 = x0;
  w.y0 = y0;
  w.x1 = x1;
  w.y1 = y1;
  w.font_size = y1 - y0;
  return w;
}

}  // namespace intake::testing

#endif  // INTAKE_TESTS_PDF_TEST_WORDS_H_
