// The ODT extractor: OpenDocument text package bytes in, Blocks out.
//
// Reads content.xml (the body and its notes), the master page headers and
// footers in styles.xml and the metadata in meta.xml, and renders list
// labels from the list styles into Block::number. It does not normalise or
// segment text, and does not read other OpenDocument kinds (spreadsheets,
// presentations), flat XML (.fodt) or encrypted packages (it reports them).
#ifndef INTAKE_EXTRACTORS_ODT_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_ODT_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// Extracts `data`, a whole .odt or .ott file, into `*out`. Block order:
// headers, body, footers, footnotes, endnotes (notes in citation order);
// identical header and footer blocks appear once. meta.extraction is
// "odt-xml". Errors: Corrupt("not a zip archive ..."), Corrupt("no
// content.xml: not an OpenDocument text"), Encrypted("ODT is password
// protected"), Unsupported for other OpenDocument kinds, Corrupt naming the
// part for malformed XML or a DOCTYPE, LimitExceeded for zip bombs and deep
// nesting. Problems in optional parts (styles.xml, meta.xml, the manifest)
// become out->warnings. Never throws.
// REQUIRES: `data` stays valid during the call; `out` is empty.
Status ExtractOdt(std::string_view data, const ExtractLimits& limits,
                  Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_ODT_EXTRACTOR_H_
