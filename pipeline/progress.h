// Signs of life from deep inside a stage, for the watchdog of a worker
// process: a stage that loops without calling NoteProgress for a while is
// stopped. Stages call it per page, per part, per passage; cheap (one
// relaxed atomic add) and a no-op outside a worker.
#ifndef INTAKE_PIPELINE_PROGRESS_H_
#define INTAKE_PIPELINE_PROGRESS_H_

#include <atomic>
#include <cstdint>

namespace intake {

void NoteProgress();

// Where NoteProgress counts, for the life of the process: memory the
// parent also sees. nullptr turns counting off.
void SetProgressCounter(std::atomic<uint64_t>* counter);

}  // namespace intake

#endif  // INTAKE_PIPELINE_PROGRESS_H_
