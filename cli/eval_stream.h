// `intake eval GOLD.jsonl`: runs the classifier on every labelled passage
// of a gold file (the JSON Lines form `intake classify` writes, with the
// gold labels in article14, activity, theme and stance) and reports how
// the predictions compare (classifiers/evaluation.h). Passages are
// classified as `intake run` would classify them: a letter's passages are
// segmented together first, so its furniture stays unlabelled
// (cli/labelled_letters.h).
#ifndef INTAKE_CLI_EVAL_STREAM_H_
#define INTAKE_CLI_EVAL_STREAM_H_

#include <istream>
#include <ostream>
#include <vector>

#include "classifiers/evaluation.h"
#include "cli/labelled_letters.h"
#include "pipeline/classifier.h"

namespace intake {

// Classifies each passage of `gold` as read and compares with its labels.
Evaluation EvaluatePassages(const LabelledReading& gold,
                            const Classifier& classifier);

// Reads `gold`, classifies, fills `*result`. A line that is not a JSON
// object with a string "text" is reported on `errors` with its number and
// left out. Returns the number of such lines.
int EvaluateStream(std::istream& gold, const Classifier& classifier,
                   std::ostream& errors, Evaluation* result);

}  // namespace intake

#endif  // INTAKE_CLI_EVAL_STREAM_H_
