// The run: discover the inputs, identify each file, process each distinct
// document once, and write documents.jsonl and passages.jsonl atomically.
// The only place that knows the order of the whole pipeline.
//
// Documents are processed in the sorted order of their paths and written
// in that order, so the output does not depend on the order the file
// system lists folders. The same bytes found at two paths make one
// document (other_paths lists the rest).
#ifndef INTAKE_PIPELINE_RUNNER_H_
#define INTAKE_PIPELINE_RUNNER_H_

#include <string>
#include <vector>

#include "pipeline/records.h"
#include "pipeline/stages.h"
#include "pipeline/status.h"

namespace intake {

struct RunOptions {
  // Files and folders to read. Required.
  std::vector<std::string> inputs;
  // Folder for the records; created when missing. Required.
  std::string out_dir;
  // Files larger than this are not read (status unsupported). 512 MiB.
  long long max_file_bytes = 512LL << 20;
};

// Told about every document as it is done, for logs and progress.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void OnDocument(const DocumentRecord& record) = 0;
  // A path that could not even be listed or read for identification.
  virtual void OnProblem(const std::string& problem) = 0;
};

struct RunSummary {
  int files = 0;      // files discovered
  int documents = 0;  // distinct documents (by content)
  int failed = 0;     // documents whose status is a failure
  long long passages = 0;
  int problems = 0;  // folders not listed, broken links: input missed
};

// Fails only when the run as a whole cannot go on (an input path does not
// exist, the output folder cannot be written); bad documents are recorded.
Status RunPipeline(const RunOptions& options, const Stages& stages,
                   RunObserver* observer, RunSummary* summary);

}  // namespace intake

#endif  // INTAKE_PIPELINE_RUNNER_H_
