// `intake train --out-of-fold FILE`: what training read of each passage
// out of fold, as JSON Lines, for the keeper of the model to see which
// labels it learns poorly and in which language, without touching the
// test split (docs/model.md, "Measuring"). Not a record: the pipeline
// never reads it back.
#ifndef INTAKE_CLI_OUT_OF_FOLD_FILE_H_
#define INTAKE_CLI_OUT_OF_FOLD_FILE_H_

#include <string>
#include <vector>

#include "classifiers/linear_model.h"
#include "classifiers/model_training.h"
#include "pipeline/status.h"

namespace intake {

// One passage learned from, beside what training made of it.
struct OutOfFoldLine {
  std::string id;      // the labelled line's id, "" when it had none
  std::string letter;  // its letter, or the document of a decided passage
  std::string lang;    // the language it was read in
  const TrainingPassage* passage = nullptr;  // gold, rules, fold, copy
  const OutOfFold* read = nullptr;
};

// Whether `path` can be written (its folder exists and is writable):
// asked before training, not after it.
Status CheckOutOfFoldPath(const std::string& path);

// Writes `lines` to `path` atomically, one JSON object a line, the
// probabilities named by `model`'s labels: each label's own, the
// stance's four one against the rest (records give the stance's share of
// the four instead). Labels are listed in the taxonomy's order.
Status WriteOutOfFold(const std::string& path,
                      const std::vector<OutOfFoldLine>& lines,
                      const LinearModel& model);

}  // namespace intake

#endif  // INTAKE_CLI_OUT_OF_FOLD_FILE_H_
