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

std::string DocumentsFile(const std::string& out_dir);   // documents.jsonl
std::string PassagesFile(const std::string& out_dir);    // passages.jsonl
std::string LockFile(const std::string& out_dir);        // .intake.lock
std::string ReviewCsvFile(const std::string& out_dir);   // review.csv
std::string ReviewHtmlFile(const std::string& out_dir);  // review.html
// What the review files were made from (review/review_files.h).
std::string ReviewStampFile(const std::string& out_dir);  // .review-stamp
std::string CompilationHtmlFile(
    const std::string& out_dir);                             // compilation.html
std::string CompilationOdtFile(const std::string& out_dir);  // compilation.odt

// Holds an exclusive lock on an output folder for the life of a run, so
// two runs never write the same files at once.
class OutputLock {
 public:
  OutputLock() = default;
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;
  // Fails (without waiting) when another run holds the lock.
  Status Acquire(const std::string& out_dir);

 private:
  int fd_ = -1;
};

// Writes `bytes` to `path` through an AtomicFile: all or nothing.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// Flushes a folder's entries to disk, so renames in it survive a crash.
Status SyncDirectory(const std::string& dir);

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
  // Appends `bytes` as they are.
  Status Write(std::string_view bytes);
  // Replaces bytes already written at `offset`, for a value that is only
  // known once what follows it is written. REQUIRES: offset + bytes.size()
  // is at most what was written.
  Status Overwrite(long long offset, std::string_view bytes);
  // Flushes, fsyncs and renames the temporary file over `path`.
  Status Commit();

 private:
  std::string path_;
  std::string temp_path_;
  FILE* file_ = nullptr;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_OUTPUT_FILES_H_
