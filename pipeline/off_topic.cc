#include "pipeline/off_topic.h"

#include <algorithm>
#include <string>
#include <vector>

namespace intake {
namespace {

// Whether a reader of the records would take something from the passage:
// a label, a direction of support, or a question already put to a person.
bool SaysSomething(const Labels& labels) {
  return !labels.article14.empty() || !labels.activity.empty() ||
         !labels.theme.empty() || labels.stance != "other" ||
         labels.needs_review;
}

}  // namespace

void FlagOffTopic(std::span<Labels* const> document) {
  for (const Labels* labels : document) {
    if (labels->on_topic) return;
  }
  for (Labels* labels : document) {
    if (!SaysSomething(*labels)) continue;
    std::vector<std::string>& reasons = labels->review_reasons;
    auto at = std::lower_bound(reasons.begin(), reasons.end(),
                               std::string(kOffTopic));
    if (at == reasons.end() || *at != kOffTopic) reasons.insert(at, kOffTopic);
    labels->needs_review = true;
  }
}

}  // namespace intake
