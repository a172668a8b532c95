// Reading one input file whole, with a size limit and errors that say why
// (the operating system's reason, not just "cannot read").
#ifndef INTAKE_PIPELINE_READ_FILE_H_
#define INTAKE_PIPELINE_READ_FILE_H_

#include <string>

#include "pipeline/status.h"

namespace intake {

// Reads the regular file at `path` into `*out`. Fails with IoError (and the
// system's reason) when it cannot be opened or read, InvalidArgument when
// it is not a regular file, LimitExceeded when it is larger than
// `max_bytes`; `*size` then holds its size when known, else -1.
Status ReadWholeFile(const std::string& path, long long max_bytes,
                     std::string* out, long long* size);

}  // namespace intake

#endif  // INTAKE_PIPELINE_READ_FILE_H_
