// The reasons a passage is sent to a person: adding one, for the steps that
// read a whole document after each passage was classified
// (support_direction.h, off_topic.h), and asking whether a passage has one.
#ifndef INTAKE_PIPELINE_REVIEW_REASONS_H_
#define INTAKE_PIPELINE_REVIEW_REASONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/passage.h"

namespace intake {

// Sets labels->needs_review and adds `reason` to labels->review_reasons,
// which stay sorted and hold it once.
void AddReviewReason(std::string_view reason, Labels* labels);

// Whether `reasons` (a passage's review_reasons, sorted or not) holds
// `reason`.
bool HasReviewReason(const std::vector<std::string>& reasons,
                     std::string_view reason);

}  // namespace intake

#endif  // INTAKE_PIPELINE_REVIEW_REASONS_H_
