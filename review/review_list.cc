#include "review/review_list.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "pipeline/off_topic.h"
#include "pipeline/review_reasons.h"
#include "pipeline/reviewed_labels.h"
#include "pipeline/sha256.h"
#include "pipeline/support_direction.h"

namespace intake {
namespace {

double LowestConfidence(const OutputPassage& p) {
  if (p.confidence.empty()) return 0;
  double lowest = 1;
  for (const auto& [label, value] : p.confidence) {
    lowest = std::min(lowest, value);
  }
  return lowest;
}

// How doubtful the passage is, the lower the earlier: its lowest
// confidence, or less when its direction of support goes against its
// letter's, which a confident stance does not make right. A passage of a
// document off the Convention's subject comes after all the others, above
// 1: a person dismisses such a document once, after the submissions.
double Doubt(const OutputPassage& p) {
  double doubt = LowestConfidence(p);
  if (HasReviewReason(p.review_reasons, kMinorityDirection)) {
    doubt = std::min(doubt, kMinorityDirectionRight);
  }
  if (HasReviewReason(p.review_reasons, kOffTopic)) doubt += kOffTopicAfter;
  return doubt;
}

// A hash of seed and passage id: ordering by it is a random permutation
// that does not depend on the platform's random number library, and a
// passage keeps its draw when other documents are added.
std::string Draw(std::uint64_t seed, const std::string& passage_id) {
  return Sha256Hex(std::to_string(seed) + ":" + passage_id);
}

// How many of `unflagged` passages are sampled. Never falls when
// `unflagged` grows, which is what lets ReviewChoice keep fewer draws.
size_t SampleSize(const ReviewListOptions& options, size_t unflagged) {
  size_t want = static_cast<size_t>(
      std::ceil(options.sample_fraction * static_cast<double>(unflagged)));
  return std::min(unflagged,
                  std::max(want, static_cast<size_t>(options.min_sample)));
}

bool DrawnBefore(const std::pair<std::string, ListedPassage>& a,
                 const std::pair<std::string, ListedPassage>& b) {
  return std::tie(a.first, a.second.where) < std::tie(b.first, b.second.where);
}

}  // namespace

ReviewChoice::ReviewChoice(const ReviewListOptions& options,
                           size_t most_passages)
    : options_(options), keep_(SampleSize(options, most_passages)) {}

void ReviewChoice::Add(const OutputPassage& p, long long where) {
  if (p.labels_from == "reviewer") return;
  ListedPassage listed;
  listed.where = where;
  listed.doubt = Doubt(p);
  if (p.needs_review) {
    listed.reasons = static_cast<int>(p.review_reasons.size());
    flagged_.push_back(listed);
    return;
  }
  if (p.kind == "header_footer") return;
  ++unflagged_;
  listed.sample = true;
  Drawn drawn(Draw(options_.seed, p.passage_id), listed);
  if (drawn_.size() < keep_) {
    drawn_.push_back(std::move(drawn));
    std::push_heap(drawn_.begin(), drawn_.end(), DrawnBefore);
  } else if (!drawn_.empty() && DrawnBefore(drawn, drawn_.front())) {
    std::pop_heap(drawn_.begin(), drawn_.end(), DrawnBefore);
    drawn_.back() = std::move(drawn);
    std::push_heap(drawn_.begin(), drawn_.end(), DrawnBefore);
  }
}

std::vector<ListedPassage> ReviewChoice::Finish() {
  // Most doubtful first; ties keep the output order (stable sort).
  std::vector<ListedPassage> list = std::move(flagged_);
  std::stable_sort(list.begin(), list.end(),
                   [](const ListedPassage& a, const ListedPassage& b) {
                     return std::make_tuple(a.doubt, -a.reasons) <
                            std::make_tuple(b.doubt, -b.reasons);
                   });
  std::sort_heap(drawn_.begin(), drawn_.end(), DrawnBefore);
  drawn_.resize(std::min(drawn_.size(), SampleSize(options_, unflagged_)));
  const size_t first_sampled = list.size();
  for (const Drawn& drawn : drawn_) list.push_back(drawn.second);
  drawn_.clear();
  std::stable_sort(list.begin() + static_cast<std::ptrdiff_t>(first_sampled),
                   list.end(),
                   [](const ListedPassage& a, const ListedPassage& b) {
                     return a.doubt < b.doubt;
                   });
  return list;
}

ReviewItem ItemFor(const ListedPassage& listed, const OutputPassage& p,
                   const OutputDocument* document) {
  ReviewItem item;
  item.passage = &p;
  item.document = document;
  item.text_sha256 = PassageTextHash(p.text);
  item.reasons =
      listed.sample ? std::vector<std::string>{"sample"} : p.review_reasons;
  item.doubt = listed.doubt;
  return item;
}

std::string SubmitterOf(const ReviewItem& item) {
  return item.document ? item.document->submitter_name : "";
}

std::vector<ReviewItem> ChooseForReview(const OutputRecords& records,
                                        const ReviewListOptions& options) {
  std::map<std::string, const OutputDocument*> documents;
  for (const OutputDocument& d : records.documents) documents[d.doc_id] = &d;
  ReviewChoice choice(options, records.passages.size());
  for (size_t i = 0; i < records.passages.size(); ++i) {
    choice.Add(records.passages[i], static_cast<long long>(i));
  }
  std::vector<ReviewItem> items;
  for (const ListedPassage& listed : choice.Finish()) {
    const OutputPassage& p = records.passages[listed.where];
    auto it = documents.find(p.doc_id);
    items.push_back(
        ItemFor(listed, p, it == documents.end() ? nullptr : it->second));
  }
  return items;
}

}  // namespace intake
