// A task of the run, done: read (when it names a file), identify, take
// through the stages (process_document), and turn into record lines.
// The same function runs in the run's own process and in worker processes.
#ifndef INTAKE_PIPELINE_PROCESS_TASK_H_
#define INTAKE_PIPELINE_PROCESS_TASK_H_

#include <string>

#include "pipeline/document_task.h"
#include "pipeline/identify.h"
#include "pipeline/stages.h"

namespace intake {

// Never throws. Files larger than `max_file_bytes` are not read.
DocumentResult ProcessTask(const DocumentTask& task, const Stages& stages,
                           const Identifier& identifier,
                           long long max_file_bytes);

// The result for a document nobody could take through the stages: a file
// that could not be read, or one that killed the worker reading it.
// `status` is a record status (kStatusUnreadable, kStatusCrash...).
DocumentResult FailedResult(const DocumentTask& task, long long size,
                            const std::string& status, const std::string& error,
                            const Classifier& classifier);

}  // namespace intake

#endif  // INTAKE_PIPELINE_PROCESS_TASK_H_
