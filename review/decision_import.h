// `intake review import`: the decisions of a file (review/decision_file.h)
// into the state store, all or none. Each decision must name a passage the
// store holds, by document and text hash; its text is kept with it, so
// that `intake review export` can show what was decided.
#ifndef INTAKE_REVIEW_DECISION_IMPORT_H_
#define INTAKE_REVIEW_DECISION_IMPORT_H_

#include <string>
#include <vector>

#include "pipeline/state_store.h"
#include "pipeline/status.h"
#include "review/decision_file.h"

namespace intake {

struct ImportReport {
  std::vector<std::string> errors;  // one per bad row; nothing stored then
  int added = 0;                    // stored, first decision on the passage
  int replaced = 0;                 // stored, the passage had another
  int unchanged = 0;                // the same labels were already decided
  // "P: replaces the decision of WHO at WHEN (old labels -> new labels)".
  std::vector<std::string> conflicts;
};

// Fails only when the store fails; bad rows are in report->errors. Rows
// are stored only when report->errors is empty, also on entry: a caller
// that found bad rows while reading the file puts them there first, and
// the good rows are still checked against the store, so that every bad
// row is reported at once.
Status ImportDecisions(StateStore* store, std::vector<DecisionRow> rows,
                       const std::string& source, ImportReport* report);

}  // namespace intake

#endif  // INTAKE_REVIEW_DECISION_IMPORT_H_
