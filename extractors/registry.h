// The one place that switches on document format: which reader handles
// which Format, and a clear "unsupported" for the formats nobody reads yet.
// Matches pipeline/extractor.h's ExtractFn, so cli/ can pass it to the
// runner as is.
#ifndef INTAKE_EXTRACTORS_REGISTRY_H_
#define INTAKE_EXTRACTORS_REGISTRY_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

Status ExtractDocument(Format format, std::string_view data,
                       const ExtractLimits& limits, Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_REGISTRY_H_
