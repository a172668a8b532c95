// The DOCX extractor: WordprocessingML package bytes in, Blocks out.
//
// Finds the parts through the package relationships, reads the body,
// headers and footers, footnotes and endnotes, and the core properties. It
// renders Word's automatic numbering into Block::number. It does not
// normalise or segment text, and does not read legacy .doc, .odt or
// encrypted packages (those never reach it: identify routes them).
#ifndef INTAKE_EXTRACTORS_DOCX_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_DOCX_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// Extracts `data`, a whole .docx file, into `*out`. Block order: headers,
// body, footers, footnotes (by id), endnotes (by id); identical header and
// footer blocks appear once. Errors: Corrupt("not a zip archive ...") and
// Corrupt("no word/document.xml: not a Word document"), Corrupt naming the
// part for malformed XML or a DOCTYPE, LimitExceeded for zip bombs and deep
// nesting, and for an XML part past limits.max_xml_part_bytes. Problems in
// optional parts (styles, numbering, notes, headers, metadata; one that is
// the main document part itself; more than 64 distinct header and footer
// parts) become out->warnings. Never throws.
// REQUIRES: `data` stays valid during the call; `out` is empty.
Status ExtractDocx(std::string_view data, const ExtractLimits& limits,
                   Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOCX_EXTRACTOR_H_
