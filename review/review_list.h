// Which passages a person should check after a run, and in which order:
// every passage the classifier flagged (needs_review), then a seeded random
// sample of the others for quality control. Passages a reviewer already
// decided are left out. The same records and seed give the same list.
//
// Writing the list as CSV or HTML is review_csv / review_page; this module
// only chooses and orders. ReviewChoice does it while the passages stream
// by, keeping a few numbers per listed passage, so that a run's memory
// does not grow with its records (review_stream); ChooseForReview does the
// same over records already in memory.
#ifndef INTAKE_REVIEW_REVIEW_LIST_H_
#define INTAKE_REVIEW_REVIEW_LIST_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
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
  // The lowest confidence among its labels and stance, 0 when it has none,
  // at most kMinorityDirectionRight when it is flagged minority_direction,
  // and kOffTopicAfter more when it is flagged off_topic: the lower, the
  // earlier in the list.
  double doubt = 0;
};

// A passage on the list, as little as orders it.
struct ListedPassage {
  // Where the caller finds its record again: the byte offset of its line
  // in passages.jsonl, or its index in OutputRecords::passages.
  long long where = 0;
  double doubt = 0;  // as ReviewItem::doubt
  int reasons = 0;   // how many review_reasons it has
  bool sample = false;
};

class ReviewChoice {
 public:
  // REQUIRES: `most_passages` is at least the number of passages Add()
  // will be given (a count of lines will do): the sample is a draw over
  // all unflagged passages, and this bounds how many draws it must keep
  // before it knows how many it takes.
  ReviewChoice(const ReviewListOptions& options, size_t most_passages);

  // Considers one passage. REQUIRES: in output order, `where` increasing.
  void Add(const OutputPassage& p, long long where);

  // The list, in its order. Call once, after the last Add().
  std::vector<ListedPassage> Finish();

 private:
  // A sampled passage's draw and its place on the list; compared by draw,
  // then by output order.
  using Drawn = std::pair<std::string, ListedPassage>;

  const ReviewListOptions options_;
  size_t keep_;           // draws kept: the largest sample there can be
  size_t unflagged_ = 0;  // passages the sample is drawn from
  std::vector<ListedPassage> flagged_;
  std::vector<Drawn> drawn_;  // max-heap: the `keep_` lowest draws so far
};

// The item of a listed passage, with its record and its document (null
// when missing). REQUIRES: `p` and `document` outlive the item.
ReviewItem ItemFor(const ListedPassage& listed, const OutputPassage& p,
                   const OutputDocument* document);

// REQUIRES: `records` outlives the items.
std::vector<ReviewItem> ChooseForReview(const OutputRecords& records,
                                        const ReviewListOptions& options);

// The submitter's name of an item's document, "" when unknown.
std::string SubmitterOf(const ReviewItem& item);

}  // namespace intake

#endif  // INTAKE_REVIEW_REVIEW_LIST_H_
