// Where the run's tasks are done: in the run's own process, one at a time
// (for debugging and for measuring what isolation costs), or in a pool of
// worker processes (pipeline/worker_pool.h). The run hands tasks in and
// takes results out in whatever order they finish.
#ifndef INTAKE_PIPELINE_EXECUTOR_H_
#define INTAKE_PIPELINE_EXECUTOR_H_

#include <memory>

#include "pipeline/document_task.h"
#include "pipeline/identify.h"
#include "pipeline/stages.h"
#include "pipeline/status.h"

namespace intake {

class Executor {
 public:
  virtual ~Executor() = default;
  // How many more tasks Submit takes before a result is taken out.
  virtual int FreeSlots() const = 0;
  // REQUIRES: FreeSlots() > 0.
  virtual Status Submit(DocumentTask task) = 0;
  // Waits for a task to finish. Fails only when the executor itself is
  // broken (no worker can be started); a document's failure is a result.
  // REQUIRES: a task was submitted and not yet returned.
  virtual Status Next(DocumentResult* result) = 0;
};

// Does each task in the calling process, when Next is called. A document
// that crashes a reader takes the run down with it.
std::unique_ptr<Executor> NewInProcessExecutor(const Stages& stages,
                                               const Identifier& identifier,
                                               long long max_file_bytes);

}  // namespace intake

#endif  // INTAKE_PIPELINE_EXECUTOR_H_
