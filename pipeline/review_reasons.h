// Adding a reason to send a passage to a person, for the steps that read a
// whole document after each passage was classified (support_direction.h,
// off_topic.h).
#ifndef INTAKE_PIPELINE_REVIEW_REASONS_H_
#define INTAKE_PIPELINE_REVIEW_REASONS_H_

#include <string_view>

#include "pipeline/passage.h"

namespace intake {

// Sets labels->needs_review and adds `reason` to labels->review_reasons,
// which stay sorted and hold it once.
void AddReviewReason(std::string_view reason, Labels* labels);

}  // namespace intake

#endif  // INTAKE_PIPELINE_REVIEW_REASONS_H_
