// PDF text through poppler-cpp: words with their boxes on every page,
// grouped into blocks (pdf_layout.h), and the document's metadata.
//
// Not here: OCR of scanned pages (a later issue); a page without a text
// layer simply yields no blocks, and a document without any is "empty".
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
