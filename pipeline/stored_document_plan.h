// What a run does with a document the state store already holds: keep its
// records or process it again, and why. The dry-run plan (run_plan.h)
// prints the reason and the run (runner.h) acts on the decision, so the
// two cannot disagree about a stored document.
#ifndef INTAKE_PIPELINE_STORED_DOCUMENT_PLAN_H_
#define INTAKE_PIPELINE_STORED_DOCUMENT_PLAN_H_

#include <string>

#include "pipeline/state_store.h"

namespace intake {

// The versions a run would store with each document it processes.
struct RunVersions {
  std::string rules;
  std::string model;
  std::string intake_build;
};

struct StoredDocumentPlan {
  bool redo = false;
  std::string reason;  // "unchanged", "reprocess (model changed)", ...
};

// `reprocess` is the --reprocess switch: redo even what is up to date.
StoredDocumentPlan PlanStoredDocument(const StoredDocument& doc,
                                      const RunVersions& now, bool reprocess);

}  // namespace intake

#endif  // INTAKE_PIPELINE_STORED_DOCUMENT_PLAN_H_
