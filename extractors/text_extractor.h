// Plain text files: decoded to UTF-8 (text_decode.h), paragraphs separated
// by blank lines, lines within a paragraph kept as layout breaks for
// normalize to join.
#ifndef INTAKE_EXTRACTORS_TEXT_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_TEXT_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace intake {

Status ExtractText(std::string_view data, Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_TEXT_EXTRACTOR_H_
