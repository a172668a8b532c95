#include "classifiers/evidence_order.h"

#include <algorithm>
#include <tuple>

namespace intake {

void SortUniqueEvidence(std::vector<Evidence>* evidence) {
  auto key = [](const Evidence& e) {
    return std::tie(e.start, e.label, e.end, e.source, e.text);
  };
  std::sort(
      evidence->begin(), evidence->end(),
      [&](const Evidence& a, const Evidence& b) { return key(a) < key(b); });
  evidence->erase(std::unique(evidence->begin(), evidence->end(),
                              [&](const Evidence& a, const Evidence& b) {
                                return key(a) == key(b);
                              }),
                  evidence->end());
}

}  // namespace intake
