#include "review/review_list.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "pipeline/reviewed_labels.h"
#include "pipeline/sha256.h"

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

// A hash of seed and passage id: ordering by it is a random permutation
// that does not depend on the platform's random number library, and a
// passage keeps its draw when other documents are added.
std::string Draw(std::uint64_t seed, const std::string& passage_id) {
  return Sha256Hex(std::to_string(seed) + ":" + passage_id);
}

ReviewItem MakeItem(const OutputPassage& p, const OutputDocument* doc,
                    std::vector<std::string> reasons) {
  ReviewItem item;
  item.passage = &p;
  item.document = doc;
  item.text_sha256 = PassageTextHash(p.text);
  item.reasons = std::move(reasons);
  item.doubt = LowestConfidence(p);
  return item;
}

}  // namespace

std::string SubmitterOf(const ReviewItem& item) {
  return item.document ? item.document->submitter_name : "";
}

std::vector<ReviewItem> ChooseForReview(const OutputRecords& records,
                                        const ReviewListOptions& options) {
  std::map<std::string, const OutputDocument*> documents;
  for (const OutputDocument& d : records.documents) documents[d.doc_id] = &d;
  std::vector<ReviewItem> flagged;
  std::vector<std::pair<std::string, const OutputPassage*>> others;
  for (const OutputPassage& p : records.passages) {
    if (p.labels_from == "reviewer") continue;
    if (p.needs_review) {
      auto it = documents.find(p.doc_id);
      flagged.push_back(MakeItem(
          p, it == documents.end() ? nullptr : it->second, p.review_reasons));
    } else if (p.kind != "header_footer") {
      others.emplace_back(Draw(options.seed, p.passage_id), &p);
    }
  }
  // Most doubtful first; ties keep the output order (stable sort).
  std::stable_sort(
      flagged.begin(), flagged.end(),
      [](const ReviewItem& a, const ReviewItem& b) {
        return std::make_tuple(a.doubt, -static_cast<int>(a.reasons.size())) <
               std::make_tuple(b.doubt, -static_cast<int>(b.reasons.size()));
      });
  size_t want = static_cast<size_t>(
      std::ceil(options.sample_fraction * static_cast<double>(others.size())));
  want = std::min(others.size(),
                  std::max(want, static_cast<size_t>(options.min_sample)));
  std::sort(others.begin(), others.end());
  std::vector<ReviewItem> sample;
  for (size_t i = 0; i < want; ++i) {
    const OutputPassage& p = *others[i].second;
    auto it = documents.find(p.doc_id);
    sample.push_back(
        MakeItem(p, it == documents.end() ? nullptr : it->second, {"sample"}));
  }
  std::stable_sort(sample.begin(), sample.end(),
                   [](const ReviewItem& a, const ReviewItem& b) {
                     return a.doubt < b.doubt;
                   });
  flagged.insert(flagged.end(), sample.begin(), sample.end());
  return flagged;
}

}  // namespace intake
