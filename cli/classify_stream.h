// `intake classify`: JSON Lines in, the same objects with labels out.
//
// The contract for evaluating the classifier on labelled files: every
// input object comes back, fields in their order, with the classification
// fields (article14, activity, theme, stance, confidence, evidence,
// needs_review, review_reasons, rules_version, model_version) set, and "lang"
// added when the input had none. A line that is not a JSON object with a string
// "text" is reported on `errors` with its line number and skipped.
#ifndef INTAKE_CLI_CLASSIFY_STREAM_H_
#define INTAKE_CLI_CLASSIFY_STREAM_H_

#include <istream>
#include <ostream>

#include "pipeline/classifier.h"

namespace intake {

// Returns kExitOk, or kExitSomeFailed when any line was bad.
int ClassifyStream(std::istream& in, std::ostream& out, std::ostream& errors,
                   const Classifier& classifier);

}  // namespace intake

#endif  // INTAKE_CLI_CLASSIFY_STREAM_H_
