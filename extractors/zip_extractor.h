// ZIP archives of submissions: each member becomes an embedded file that
// the runner processes as a document of its own. The archive itself gives
// no text.
//
// Directory entries, macOS resource forks (__MACOSX/) and hidden files are
// skipped. Limits: members per archive, total expanded bytes, and the
// per-member size and compression ratio that ZipReader enforces; a member
// over a limit is skipped with a warning, the others are kept; when no
// member is kept, the first member's refusal is the archive's status.
#ifndef INTAKE_EXTRACTORS_ZIP_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_ZIP_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// Not a zip -> Corrupt. REQUIRES: `data` stays valid during the call.
Status ExtractZip(std::string_view data, const ExtractLimits& limits,
                  Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_ZIP_EXTRACTOR_H_
