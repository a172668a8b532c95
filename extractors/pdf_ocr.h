// OCR of one PDF page: Poppler renders it, Tesseract reads it, and the
// words come back as PdfWords in PDF points so that they go through the
// same columns, lines and blocks code as a text layer (pdf_layout.h).
//
// Orientation is detected (Tesseract's OSD), so a page scanned sideways or
// upside down is read, and its word boxes are turned to the upright page.
// Not here: deciding which pages need OCR (pdf_text_quality.h) or which of
// the two texts to keep (pdf_extractor.cc).
#ifndef INTAKE_EXTRACTORS_PDF_OCR_H_
#define INTAKE_EXTRACTORS_PDF_OCR_H_

#include <memory>
#include <string>
#include <vector>

#include "extractors/pdf_layout.h"
#include "pipeline/status.h"

namespace poppler {
class page;
}
namespace tesseract {
class TessBaseAPI;
}

namespace intake {

// Letters to the secretariat are mostly in English, Spanish or French;
// a language Tesseract was not asked for is read badly, one it was asked
// for needlessly costs time.
inline constexpr const char* kDefaultOcrLanguages = "eng+spa+fra";

struct OcrPage {
  std::vector<PdfWord> words;  // in Tesseract's reading order
  double width = 0;            // the upright page, in points
  double height = 0;
  double confidence = -1;  // mean word confidence in [0, 1]; -1: no words
};

// One Tesseract engine, started on first use, for the pages of one
// document. Not thread-safe; not meant to outlive one extraction.
class PdfOcr {
 public:
  // `languages` in Tesseract's form ("eng+spa+fra"); the language data is
  // looked up in TESSDATA_PREFIX or Tesseract's default folder.
  explicit PdfOcr(std::string languages = kDefaultOcrLanguages);
  ~PdfOcr();
  PdfOcr(const PdfOcr&) = delete;
  PdfOcr& operator=(const PdfOcr&) = delete;

  // Renders `page` at up to 300 dpi and reads it. A page with no words
  // read is Ok with an empty `out->words`. An engine that cannot start (no
  // language data) is Unsupported; a page that cannot be rendered, Corrupt.
  // The caller turns either into a warning: the text layer stays.
  Status ReadPage(const poppler::page& page, OcrPage* out);

 private:
  struct EndTesseract {
    void operator()(tesseract::TessBaseAPI* api) const;
  };
  Status Start();

  std::string languages_;
  std::unique_ptr<tesseract::TessBaseAPI, EndTesseract> api_;
};

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_PDF_OCR_H_
