#include "pipeline/review_reasons.h"

#include <algorithm>
#include <string>
#include <vector>

namespace intake {

void AddReviewReason(std::string_view reason, Labels* labels) {
  std::vector<std::string>& reasons = labels->review_reasons;
  auto at = std::lower_bound(reasons.begin(), reasons.end(), reason);
  if (at == reasons.end() || *at != reason) {
    reasons.insert(at, std::string(reason));
  }
  labels->needs_review = true;
}

bool HasReviewReason(const std::vector<std::string>& reasons,
                     std::string_view reason) {
  return std::find(reasons.begin(), reasons.end(), reason) != reasons.end();
}

}  // namespace intake
