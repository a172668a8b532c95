// Reads a file of reviewers' decisions: review.csv with its decision
// columns filled in, or the JSON file review.html saves (docs/review.md
// describes both). Every code is checked against the taxonomy; a bad row
// gives one error naming its line and what to fix, and the caller stores
// nothing when there is any (review/decision_import.h).
#ifndef INTAKE_REVIEW_DECISION_FILE_H_
#define INTAKE_REVIEW_DECISION_FILE_H_

#include <string>
#include <vector>

#include "pipeline/review_decision.h"
#include "pipeline/status.h"

namespace intake {

struct DecisionRow {
  std::string where;        // "review.csv:12" or "decisions.json: decision 3"
  ReviewDecision decision;  // text is empty: the import fills it
};

// `reviewer` names whoever decided rows that name no one ("" for none:
// such rows are errors). `now` is the time given to decisions that carry
// none. Fails only when the file cannot be read or is neither form;
// row errors go to *errors.
Status ReadDecisionFile(const std::string& path, const std::string& reviewer,
                        const std::string& now, std::vector<DecisionRow>* rows,
                        std::vector<std::string>* errors);

// The decisions in the JSON form ReadDecisionFile reads back (each with
// its reviewer and time); with `history`, also decision_id, imported_at
// and source, for a record of how decisions changed.
std::string DecisionFileJson(const std::vector<ReviewDecision>& decisions,
                             bool history);

}  // namespace intake

#endif  // INTAKE_REVIEW_DECISION_FILE_H_
