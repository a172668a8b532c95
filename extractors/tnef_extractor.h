// A winmail.dat saved on its own, outside the message it came with (people
// save the attachment their mail program could not open and send it on).
// A container like a ZIP archive: its files become documents of their own,
// its body, when it has one, the text of this document. The decoding is
// tnef_reader.h's, shared with the mail and .msg readers.
#ifndef INTAKE_EXTRACTORS_TNEF_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_TNEF_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// Blocks from the body's paragraphs; each file an embedded "attachment",
// within the limits on count and bytes (a warning says what was dropped).
// meta.extraction is "tnef". Errors: Corrupt when `data` is not a whole,
// readable TNEF stream (ytnef is never handed a damaged one, as it prints
// on standard output).
Status ExtractTnef(std::string_view data, const ExtractLimits& limits,
                   Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_TNEF_EXTRACTOR_H_
