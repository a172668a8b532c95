// Writes the review list of an output folder: review.csv and review.html
// from its documents.jsonl and passages.jsonl, atomically. Called once at
// the end of every `intake run` and after `intake review import`. Skipped
// when .review-stamp says the files were made from the records as they are
// now (same inode, size and times), with the same options and binary.
#ifndef INTAKE_REVIEW_REVIEW_FILES_H_
#define INTAKE_REVIEW_REVIEW_FILES_H_

#include <string>

#include "pipeline/status.h"
#include "review/review_list.h"

namespace intake {

// *listed is the number of passages on the list.
Status WriteReviewList(const std::string& out_dir,
                       const ReviewListOptions& options, long long* listed);

}  // namespace intake

#endif  // INTAKE_REVIEW_REVIEW_FILES_H_
