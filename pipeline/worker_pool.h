// Worker processes for the run's tasks, so that a document that makes a
// reader loop, exhaust memory or crash costs only that document.
//
// Each worker is forked from the run once the rules are loaded, runs in
// its own process group (killed as a group, so nothing it started is left
// behind), dies with the run, and is replaced after a number of documents
// so that a slow leak in a reader library cannot grow without end. The
// pool watches each busy worker: no sign of progress (pipeline/progress.h)
// for `stall_seconds`, more than `total_seconds` on one document, or more
// than `max_memory_bytes` of its own (private) memory, and the worker is
// killed; the task's result then has status timeout, oom or crash and
// killed_worker set.
#ifndef INTAKE_PIPELINE_WORKER_POOL_H_
#define INTAKE_PIPELINE_WORKER_POOL_H_

#include <memory>

#include "pipeline/executor.h"

namespace intake {

struct WorkerLimits {
  int workers = 1;
  long long max_memory_bytes = 2LL << 30;
  int stall_seconds = 120;
  int total_seconds = 900;
  int recycle_after = 200;  // documents per worker before it is replaced
};

// The pool starts workers as tasks arrive. `stages` must outlive it.
std::unique_ptr<Executor> NewWorkerPool(const WorkerLimits& limits,
                                        const Stages& stages,
                                        long long max_file_bytes);

}  // namespace intake

#endif  // INTAKE_PIPELINE_WORKER_POOL_H_
