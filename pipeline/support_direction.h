// Reads the stances of one document's passages together, after each was
// classified alone. A letter tells mostly of support it received or mostly
// of support it gave; a passage read the other way round is more often
// wrong than right (docs/model.md, "Direction against the letter"), and the
// words of one passage cannot say who wrote it. Such a passage goes to a
// person. Not a classifier: it changes no label, only the review fields.
#ifndef INTAKE_PIPELINE_SUPPORT_DIRECTION_H_
#define INTAKE_PIPELINE_SUPPORT_DIRECTION_H_

#include <span>
#include <vector>

#include "pipeline/passage.h"

namespace intake {

// The review reason given by FlagMinorityDirection.
inline constexpr char kMinorityDirection[] = "minority_direction";

// Of the passages given that reason where it was measured (docs/model.md,
// "Direction against the letter"), the share whose stance was right. The
// review list ranks such a passage as doubtful as that, however sure the
// classifier was of its stance.
inline constexpr double kMinorityDirectionRight = 0.29;

// REQUIRES: `document` holds the labels of every passage of one document
// (or gold letter), in any order; none is null.
// When the document's passages give stance `provided` and `received` and
// one of the two less often than the other, every passage with the less
// frequent one gets needs_review and the reason kMinorityDirection
// (review_reasons stay sorted and unique). A tie flags nothing: neither
// direction is the letter's.
void FlagMinorityDirection(std::span<Labels* const> document);

}  // namespace intake

#endif  // INTAKE_PIPELINE_SUPPORT_DIRECTION_H_
