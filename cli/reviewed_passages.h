// The passages reviewers decided in an output folder's state store, as
// `intake train --reviews` learns from them and `intake eval --reviews`
// measures against them (docs/review.md). Each carries the newest
// decision's labels and is read as the run read it: its text, kind and
// language from the stored record, and its heading and paragraph above
// from its document's passages in order, so that the model is taught, and
// measured, on what the run asked of it.
#ifndef INTAKE_CLI_REVIEWED_PASSAGES_H_
#define INTAKE_CLI_REVIEWED_PASSAGES_H_

#include <set>
#include <string>

#include "cli/labelled_letters.h"
#include "pipeline/sha256.h"
#include "pipeline/status.h"

namespace intake {

// What the folders read so far held; kept across calls.
struct ReviewsRead {
  int decisions = 0;  // the newest decision of each passage text
  // Decisions whose text no stored document has any more: the document was
  // read again and the passage changed, or the document is gone. Left out,
  // since their kind, language and context are no longer known.
  int unmatched = 0;
  // Documents already read, so that one found in two folders (a shard and
  // the merged output, say) is read once: from the first folder given
  // that has a decision on it. Decisions on it in later folders are left
  // out, and not counted in `decisions`.
  std::set<std::string> documents;
  int repeated_documents = 0;
};

// Appends every passage of `out_dir`'s store that has a decision, in the
// store's document order, to *out (its `letter` names the document, so
// that a document's passages share a cross-validation fold and are read
// together as a letter's are), and each passage's text, kind, context and
// labels to *hash when not null. A text that occurs twice in a document
// gives two passages, as its decision labels both in the records. Opens
// the store read-only. Fails, naming the path, when there is no store of
// this intake there, it holds no decision, or a stored record is broken.
Status AppendReviewedPassages(const std::string& out_dir, LabelledReading* out,
                              Sha256* hash, ReviewsRead* read);

}  // namespace intake

#endif  // INTAKE_CLI_REVIEWED_PASSAGES_H_
