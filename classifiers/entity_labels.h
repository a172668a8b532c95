// The labels a passage's entities allow on their own, for passages in a
// language the rules are not written for (issue 4: "labelled where the
// entities allow it and always marked for review"). Naming how support is
// delivered (a UN agency, the GEF, a regional centre) is 14.2 (TAXONOMY.md
// rule 3); stating an amount of money is the theme finance (rule 9); citing
// paragraph N of article 14 is 14.N. The passage already goes to review
// for its language; these labels only give the reviewer a start.
#ifndef INTAKE_CLASSIFIERS_ENTITY_LABELS_H_
#define INTAKE_CLASSIFIERS_ENTITY_LABELS_H_

#include <vector>

#include "pipeline/passage.h"

namespace intake {

// Confidence of a label its entities gave: a guess a person checks.
inline constexpr double kEntityLabelConfidence = 0.5;

// Adds to *labels, in taxonomy order, each label `entities` allow that it
// does not have, with confidence kEntityLabelConfidence and the entity's
// span as evidence (source "entities"). Labels it has are left as they are.
void AddEntityLabels(const std::vector<Entity>& entities, Labels* labels);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_ENTITY_LABELS_H_
