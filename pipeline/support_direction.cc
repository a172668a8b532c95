#include "pipeline/support_direction.h"

#include <string>

#include "pipeline/review_reasons.h"

namespace intake {

void FlagMinorityDirection(std::span<Labels* const> document) {
  // The stance codes as TAXONOMY.md spells them: pipeline/ sits below
  // classifiers/, so it cannot borrow classifiers/taxonomy.h's names.
  int provided = 0, received = 0, need = 0;
  for (const Labels* labels : document) {
    if (labels->stance == "provided") ++provided;
    if (labels->stance == "received") ++received;
    if (labels->stance == "need") ++need;
  }
  if (provided > received && provided >= need) {
    for (Labels* labels : document) {
      if (labels->stance == "need") AddReviewReason(kProviderNeed, labels);
    }
  }
  if (provided == 0 || received == 0 || provided == received) return;
  const std::string minority = provided < received ? "provided" : "received";
  for (Labels* labels : document) {
    if (labels->stance == minority) {
      AddReviewReason(kMinorityDirection, labels);
    }
  }
}

}  // namespace intake
