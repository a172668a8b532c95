#include "pipeline/support_direction.h"

#include <algorithm>
#include <string>
#include <vector>

namespace intake {

void FlagMinorityDirection(std::span<Labels* const> document) {
  // The stance codes as TAXONOMY.md spells them: pipeline/ sits below
  // classifiers/, so it cannot borrow classifiers/taxonomy.h's names.
  int provided = 0, received = 0;
  for (const Labels* labels : document) {
    if (labels->stance == "provided") ++provided;
    if (labels->stance == "received") ++received;
  }
  if (provided == 0 || received == 0 || provided == received) return;
  const std::string minority = provided < received ? "provided" : "received";
  for (Labels* labels : document) {
    if (labels->stance != minority) continue;
    std::vector<std::string>& reasons = labels->review_reasons;
    auto at = std::lower_bound(reasons.begin(), reasons.end(),
                               std::string(kMinorityDirection));
    if (at == reasons.end() || *at != kMinorityDirection) {
      reasons.insert(at, kMinorityDirection);
    }
    labels->needs_review = true;
  }
}

}  // namespace intake
