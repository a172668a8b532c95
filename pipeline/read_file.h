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

// What the run knows of a file before deciding whether to read it: size
// and modification time tell "unchanged since last night" without reading.
struct FileFacts {
  long long size = -1;
  long long mtime_ns = 0;
  std::string sha256;  // filled by HashFile only
};

// Stats the regular file at `path`. Errors as for ReadWholeFile.
Status StatFile(const std::string& path, FileFacts* facts);

// Reads the file at `path` through SHA-256 in blocks (never whole in
// memory). Errors as for ReadWholeFile, with the same limit.
Status HashFile(const std::string& path, long long max_bytes, FileFacts* facts);

}  // namespace intake

#endif  // INTAKE_PIPELINE_READ_FILE_H_
