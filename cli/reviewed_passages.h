// The passages reviewers decided in an output folder's state store, as
// `intake train` learns from them (docs/review.md, "Training on the
// decisions"). Each carries the newest decision's labels and is read as
// the run read it: its text, kind and language from the stored record, and
// its heading and paragraph above from its document's passages in order,
// so the model is taught on what it will be asked about.
#ifndef INTAKE_CLI_REVIEWED_PASSAGES_H_
#define INTAKE_CLI_REVIEWED_PASSAGES_H_

#include <string>
#include <vector>

#include "cli/labelled_passages.h"
#include "pipeline/passage.h"
#include "pipeline/passage_context.h"
#include "pipeline/sha256.h"
#include "pipeline/status.h"

namespace intake {

struct ReviewedPassage {
  // The reviewer's labels; `letter` names the document, so that its
  // passages share a cross-validation fold as a letter's do.
  LabelledPassage labelled;
  Passage seen;  // text, kind and language as the run stored them
  PassageContext context;
};

struct ReviewedCounts {
  int decisions = 0;  // newest decision of each passage text
  // Decisions no stored document still has the text of: their document
  // was read again and the passage changed. They are left out, since
  // their kind, language and context are no longer known.
  int unmatched = 0;
};

// Appends every passage of `out_dir`'s store that has a decision, in the
// store's document order, to *out, and what was learned from to *hash.
// Fails, naming the path, when there is no store or it holds no decision.
Status ReadReviewedPassages(const std::string& out_dir,
                            std::vector<ReviewedPassage>* out, Sha256* hash,
                            ReviewedCounts* counts);

}  // namespace intake

#endif  // INTAKE_CLI_REVIEWED_PASSAGES_H_
