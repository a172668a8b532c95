// PDF text through poppler-cpp: words with their boxes on every page,
// grouped into blocks (pdf_layout.h), and the document's metadata.
//
// A page whose text layer fails the quality gate (pdf_text_quality.h: no
// text, unmapped glyphs, not words) is read by OCR (pdf_ocr.h), and the OCR
// words replace the layer's when there are more of them. Such pages are
// listed in meta.ocr_pages and their blocks carry ocr_confidence;
// meta.extraction is "poppler-text", "poppler-text+ocr" or "ocr" (every
// page). A page that neither yields text stays without blocks, and a
// document without any is "empty".
#ifndef INTAKE_EXTRACTORS_PDF_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_PDF_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// Encrypted (password needed to open) -> Status::Encrypted; unreadable ->
// Status::Corrupt; more pages than limits.max_pages -> LimitExceeded.
// REQUIRES: `data` stays valid during the call.
Status ExtractPdf(std::string_view data, const ExtractLimits& limits,
                  Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_PDF_EXTRACTOR_H_
