// --dry-run: what a run would do to each file, from the state store as it
// is (new, unchanged, reprocessed and why, quarantined); nothing is
// written, not even the store.
#ifndef INTAKE_PIPELINE_RUN_PLAN_H_
#define INTAKE_PIPELINE_RUN_PLAN_H_

#include <string>
#include <vector>

#include "pipeline/runner.h"

namespace intake {

// The state store a run with `options` uses.
std::string StatePathOf(const RunOptions& options);

// Tells `observer` (OnPlan) what would happen to each of `files`.
Status PlanRun(const RunOptions& options, const Stages& stages,
               const std::vector<std::string>& files, RunObserver* observer);

}  // namespace intake

#endif  // INTAKE_PIPELINE_RUN_PLAN_H_
