// Writes documents.jsonl and passages.jsonl from the state store: every
// document the store holds, in output order, with the paths it was found
// at. Atomic (pipeline/output_files.h), and skipped when the store has
// not changed since this folder was last written.
#ifndef INTAKE_PIPELINE_STORE_OUTPUT_H_
#define INTAKE_PIPELINE_STORE_OUTPUT_H_

#include <string>

#include "pipeline/state_store.h"
#include "pipeline/status.h"

namespace intake {

struct OutputCounts {
  long long documents = 0;
  long long passages = 0;
};

Status WriteOutputFromStore(StateStore* store, const std::string& out_dir,
                            OutputCounts* counts);

}  // namespace intake

#endif  // INTAKE_PIPELINE_STORE_OUTPUT_H_
