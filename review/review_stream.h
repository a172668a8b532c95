// Writes review.csv and review.html from an output folder's records
// without holding the records: memory grows with the number of documents
// and of listed passages (a few numbers each), not with the passages.
//
// Two passes over passages.jsonl. The first hands every passage to a
// ReviewChoice, which keeps only the offsets and order keys of those that
// will be listed; the second seeks to those lines in list order and
// writes each one's CSV row and page item as it goes. The files are the
// same bytes that ReviewCsv and ReviewPage make from the whole list.
//
// Whether the list needs making again is review_files' business.
#ifndef INTAKE_REVIEW_REVIEW_STREAM_H_
#define INTAKE_REVIEW_REVIEW_STREAM_H_

#include <string>

#include "pipeline/status.h"
#include "review/review_list.h"

namespace intake {

// Writes OUT_DIR/review.csv and OUT_DIR/review.html, each atomically;
// *listed is the number of passages on the list. A bad record fails with
// FILE:LINE and what is wrong, and leaves the old files as they were.
Status StreamReviewList(const std::string& out_dir,
                        const ReviewListOptions& options, long long* listed);

}  // namespace intake

#endif  // INTAKE_REVIEW_REVIEW_STREAM_H_
