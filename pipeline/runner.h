// The run: discover the inputs, decide from the state store what is new or
// changed, have each such document processed (in worker processes, or in
// this one), store every result as it comes, and write documents.jsonl and
// passages.jsonl from the store. The only place that knows the order of
// the whole pipeline.
//
// The output is the same bytes whatever the number of workers, the order
// the file system lists folders, or whether the run was killed and run
// again: documents are decided and stored in one fixed order (the sorted
// paths of the files, each container followed by what it holds, in its
// own order), and the output is written from the store in that order. The
// same bytes found at two paths make one document (other_paths lists the
// rest).
#ifndef INTAKE_PIPELINE_RUNNER_H_
#define INTAKE_PIPELINE_RUNNER_H_

#include <string>
#include <vector>

#include "pipeline/executor.h"
#include "pipeline/shard.h"
#include "pipeline/stages.h"
#include "pipeline/status.h"
#include "pipeline/worker_pool.h"

namespace intake {

struct RunOptions {
  // Files and folders to read. Required.
  std::vector<std::string> inputs;
  // Folder for the records; created when missing. Required.
  std::string out_dir;
  // The state store; "" for <out_dir>/intake.sqlite.
  std::string state_path;
  // Files larger than this are not read (status unsupported). 512 MiB.
  long long max_file_bytes = 512LL << 20;
  // Process every document again, even when the store has it up to date.
  bool reprocess = false;
  // Only say what would be processed; change nothing.
  bool dry_run = false;
  // Documents are processed in worker processes under these limits, or,
  // when false, one at a time in this process.
  bool isolate = true;
  WorkerLimits workers;
  // Version of the learned model the classifier uses; "" for none.
  std::string model_version;
  // Which intake this is (cli/intake_build.h); a document stored by
  // another is processed again.
  std::string intake_build;
  // The files of this shard only (with everything they hold).
  Shard shard;
  // Tests: the executor to do the tasks instead of the worker pool or this
  // process (`isolate` is then ignored). Not owned. null.
  Executor* executor = nullptr;
};

// What happened to one document in this run.
struct DocumentEvent {
  std::string path;
  std::string doc_id;
  std::string status;
  std::string error;
  double seconds = 0;
  bool processed = false;    // false: the store had it up to date
  bool quarantined = false;  // it stopped a worker twice
};

// Told about the run as it goes, for logs and progress.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void OnDocument(const DocumentEvent& event) = 0;
  // A path that could not even be listed.
  virtual void OnProblem(const std::string& problem) = 0;
  // A file left on purpose (a Maildir's tmp/): logged, not an error.
  virtual void OnSkipped(const std::string& /*path*/,
                         const std::string& /*reason*/) {}
  // `done` of the `total` files named or found in folders are finished.
  virtual void OnProgress(int /*done*/, int /*total*/) {}
  // --dry-run: what would happen to the file at `path`.
  virtual void OnPlan(const std::string& /*path*/,
                      const std::string& /*plan*/) {}
};

struct RunSummary {
  int files = 0;            // files discovered
  long long processed = 0;  // documents processed in this run
  long long unchanged = 0;  // documents the store had up to date
  long long failed = 0;     // processed in this run with a failure status
  long long quarantined = 0;
  long long documents = 0;  // documents in the output (the whole store)
  long long passages = 0;   // passages in the output
  int problems = 0;         // folders not listed, broken links: input missed
  int skipped = 0;          // files left on purpose (Maildir tmp/), logged
};

// Fails only when the run as a whole cannot go on (an input path does not
// exist, the output folder or store cannot be written, no worker starts);
// bad documents are recorded.
Status RunPipeline(const RunOptions& options, const Stages& stages,
                   RunObserver* observer, RunSummary* summary);

}  // namespace intake

#endif  // INTAKE_PIPELINE_RUNNER_H_
