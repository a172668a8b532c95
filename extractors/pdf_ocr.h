// OCR of one PDF page: Poppler renders it, Tesseract reads it, and the
// words come back as PdfWords in PDF points so that they go through the
// same columns, lines and blocks code as a text layer (pdf_layout.h).
//
// Orientation is detected (Tesseract's OSD) and the image turned upright
// before it is read, so a page scanned sideways or upside down reads as
// well as an upright one; word boxes are those of the upright page.
// So is the script: a page in Arabic, Cyrillic or Chinese characters is
// read with that language's data (ocr_scripts.h).
// Not here: deciding which pages need OCR (pdf_text_quality.h) or which of
// the two texts to keep (pdf_extractor.cc).
#ifndef INTAKE_EXTRACTORS_PDF_OCR_H_
#define INTAKE_EXTRACTORS_PDF_OCR_H_

#include <map>
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
  std::string languages;   // what read it, in Tesseract's form
};

// Tesseract engines, each started on first use (the script detector, one
// per set of languages), for the pages of one document. Not thread-safe;
// not meant to outlive one extraction.
class PdfOcr {
 public:
  // `languages` in Tesseract's form ("eng+spa+fra") for pages in Latin
  // letters; the language data is looked up in TESSDATA_PREFIX or
  // Tesseract's default folder.
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
  using Engine = std::unique_ptr<tesseract::TessBaseAPI, EndTesseract>;

  // The engine for `languages`, started on first use; null when it cannot
  // start (no language data).
  tesseract::TessBaseAPI* EngineFor(const std::string& languages);
  // What the script detector sees in the image set in it: the languages
  // to read it with, and how far (clockwise, 0/90/180/270) the page is
  // turned; 0 when it cannot tell.
  struct PageLook {
    std::string languages;
    int degrees = 0;
    bool sure = false;  // OSD is confident of `degrees`
  };
  PageLook LookAtPage();

  std::string languages_;
  std::map<std::string, Engine> engines_;  // by languages
  Engine script_detector_;
  bool script_detector_failed_ = false;
};

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_PDF_OCR_H_
