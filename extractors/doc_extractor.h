// Word 97-2003 documents (.doc): the OLE2 compound file opened with libgsf,
// the text read through the piece table by our own reader of [MS-DOC].
// Gives the body in order (headings, table rows), headers and footers
// apart, footnotes and endnotes apart, the way docx_extractor.h does.
// Not Word 6/95 files, not list numbers, not embedded objects.
#ifndef INTAKE_EXTRACTORS_DOC_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_DOC_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// REQUIRES: `data` is the whole file. Encrypted files are kEncrypted,
// damaged ones kCorrupt, Word 6/95 files kUnsupported, each with a
// message naming the reason.
Status ExtractDoc(std::string_view data, const ExtractLimits& limits,
                  Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOC_EXTRACTOR_H_
