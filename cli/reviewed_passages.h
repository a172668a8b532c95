// The passages reviewers decided in an output folder's state store, as
// `intake train --reviews` learns from them and `intake eval --reviews`
// measures against them (docs/review.md). Each carries the newest
// decision's labels and is read as the run read it: its text, kind and
// language from the stored record, and its heading and paragraph above
// from its document's passages in order, so that the model is taught, and
// measured, on what the run asked of it.
#ifndef INTAKE_CLI_REVIEWED_PASSAGES_H_
#define INTAKE_CLI_REVIEWED_PASSAGES_H_

#include <string>
#include <vector>

#include "cli/labelled_letters.h"
#include "pipeline/sha256.h"
#include "pipeline/status.h"

namespace intake {

struct ReviewedCounts {
  int decisions = 0;  // newest decision of each passage text
  // Decisions no stored document still has the text of: their document
  // was read again and the passage changed. They are left out, since
  // their kind, language and context are no longer known.
  int unmatched = 0;
};

// Appends every passage of `out_dir`'s store that has a decision, in the
// store's document order, to *out (its `letter` names the document, so
// that a document's passages share a cross-validation fold and are read
// together as a letter's are), and the passages and labels to *hash when
// not null. Fails, naming the path, when there is no store or it holds no
// decision.
Status AppendReviewedPassages(const std::string& out_dir, LabelledReading* out,
                              Sha256* hash, ReviewedCounts* counts);

}  // namespace intake

#endif  // INTAKE_CLI_REVIEWED_PASSAGES_H_
