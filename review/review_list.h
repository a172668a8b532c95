// Which passages a person should check after a run, and in which order:
// every passage the classifier flagged (needs_review), then a seeded random
// sample of the others for quality control. Passages a reviewer already
// decided are left out. The same records and seed give the same list.
//
// Writing the list as CSV or HTML is review_csv / review_page; this module
// only chooses and orders.
#ifndef INTAKE_REVIEW_REVIEW_LIST_H_
#define INTAKE_REVIEW_REVIEW_LIST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "review/output_records.h"

namespace intake {

struct ReviewListOptions {
  // Chooses the quality-control sample; `intake run --review-seed`. 1.
  std::uint64_t seed = 1;
  // Share of the unflagged passages sampled. 5%.
  double sample_fraction = 0.05;
  // Sampled at least (when there are that many unflagged passages). 5.
  int min_sample = 5;
};

struct ReviewItem {
  const OutputPassage* passage = nullptr;    // borrowed from the records
  const OutputDocument* document = nullptr;  // null when missing
  std::string text_sha256;
  // The passage's review_reasons, or {"sample"} for the sample.
  std::vector<std::string> reasons;
  // The lowest confidence among its labels and stance, 0 when it has none:
  // the lower, the earlier in the list.
  double doubt = 0;
};

// REQUIRES: `records` outlives the items.
std::vector<ReviewItem> ChooseForReview(const OutputRecords& records,
                                        const ReviewListOptions& options);

// The submitter's name of an item's document, "" when unknown.
std::string SubmitterOf(const ReviewItem& item);

}  // namespace intake

#endif  // INTAKE_REVIEW_REVIEW_LIST_H_
