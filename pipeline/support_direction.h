// Reads the stances of one document's passages together, after each was
// classified alone. A letter tells mostly of support it received or mostly
// of support it gave; a passage read the other way round is more often
// wrong than right (docs/model.md, "Direction against the letter"), and the
// words of one passage cannot say who wrote it; so is a need in a letter
// that tells mostly of support given. Such a passage goes to a person.
// Not a classifier: it changes no label, only the review fields.
#ifndef INTAKE_PIPELINE_SUPPORT_DIRECTION_H_
#define INTAKE_PIPELINE_SUPPORT_DIRECTION_H_

#include <span>
#include <vector>

#include "pipeline/passage.h"

namespace intake {

// The review reason FlagMinorityDirection gives a direction of support
// against the letter's.
inline constexpr char kMinorityDirection[] = "minority_direction";

// Of the passages given that reason where it was measured (docs/model.md,
// "Direction against the letter"), the share whose stance was right. The
// review list ranks such a passage as doubtful as that, however sure the
// classifier was of its stance.
inline constexpr double kMinorityDirectionRight = 0.29;

// The review reason of a `need` in a letter that tells mostly of support
// its writer gave (`provided` more often than `received` and at least as
// often as `need`): the writer's own need, or a partner's difficulty told
// by its donor, which the labelling conventions read as `other`. Out of
// fold on the development files (session 28), such needs given with a
// confidence at the stance's accept threshold were right 271 times in 314
// (0.86; 0.98 in the other letters), below the 96% accepted labels are
// chosen for.
inline constexpr char kProviderNeed[] = "provider_need";

// REQUIRES: `document` holds the labels of every passage of one document
// (or gold letter), in any order; none is null.
// When the document's passages give stance `provided` and `received` and
// one of the two less often than the other, every passage with the less
// frequent one gets needs_review and the reason kMinorityDirection
// (review_reasons stay sorted and unique). A tie flags nothing: neither
// direction is the letter's. When they give `provided` more often than
// `received` and at least as often as `need`, every passage with stance
// `need` gets kProviderNeed.
void FlagMinorityDirection(std::span<Labels* const> document);

}  // namespace intake

#endif  // INTAKE_PIPELINE_SUPPORT_DIRECTION_H_
