// One document through the stages after identify: extract, normalize,
// segment, language, classify. The order of the stages lives here and in
// the runner (which adds discover, identify and write around it).
#ifndef INTAKE_PIPELINE_PROCESS_DOCUMENT_H_
#define INTAKE_PIPELINE_PROCESS_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/identify.h"
#include "pipeline/records.h"
#include "pipeline/stages.h"

namespace intake {

// Never throws: every failure of a stage on this document, exceptions and
// running out of memory included, ends in the record's status and error.
// The documents a container holds are moved to `*embedded` (which may be
// null when the caller does not open containers) and counted in the
// record's `embedded`.
// REQUIRES: `data` holds the bytes `identity` describes.
DocumentRecord ProcessDocument(const std::string& path, std::string_view data,
                               const Identity& identity, const Stages& stages,
                               std::vector<EmbeddedFile>* embedded);

// The record status for an extraction failure.
const char* StatusForFailure(const Status& status);

}  // namespace intake

#endif  // INTAKE_PIPELINE_PROCESS_DOCUMENT_H_
