// The promise every extractor makes at its seam, kept in one place: a
// Status, never a throw, and no blocks when extraction fails. Not for
// formats' own checks; they run inside `extract`.
#ifndef INTAKE_EXTRACTORS_EXTRACTION_GUARD_H_
#define INTAKE_EXTRACTORS_EXTRACTION_GUARD_H_

#include <functional>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace intake {

// Runs `extract`, which fills `out`. The only exception it can meet is the
// standard library's allocation failure: that becomes kLimitExceeded
// ("out of memory extracting <format>"). On any failure out->blocks is
// cleared; warnings and metadata stay for the report.
Status GuardExtraction(std::string_view format, Extraction* out,
                       const std::function<Status()>& extract);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_EXTRACTION_GUARD_H_
