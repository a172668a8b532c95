// The only module that makes output file names, and the only way output
// files are written: to "<name>.tmp" first, then renamed over the old file
// once complete and flushed to disk, so a reader (or a crash) never sees
// half a file and the previous run's output survives a failed run.
#ifndef INTAKE_PIPELINE_OUTPUT_FILES_H_
#define INTAKE_PIPELINE_OUTPUT_FILES_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace intake {

std::string DocumentsFile(const std::string& out_dir);  // documents.jsonl
std::string PassagesFile(const std::string& out_dir);   // passages.jsonl

// Writes a file atomically. Destroying it without Commit() removes the
// temporary file and leaves any existing file untouched.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  Status Open();
  // Appends `line` and a newline.
  Status WriteLine(std::string_view line);
  // Flushes, fsyncs and renames the temporary file over `path`.
  Status Commit();

 private:
  std::string path_;
  std::string temp_path_;
  FILE* file_ = nullptr;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_OUTPUT_FILES_H_
