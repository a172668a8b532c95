// The one order of evidence spans in a record: by start, then label, end,
// source and text, each span once. Records must be the same bytes however
// the spans were found.
#ifndef INTAKE_CLASSIFIERS_EVIDENCE_ORDER_H_
#define INTAKE_CLASSIFIERS_EVIDENCE_ORDER_H_

#include <vector>

#include "pipeline/passage.h"

namespace intake {

void SortUniqueEvidence(std::vector<Evidence>* evidence);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_EVIDENCE_ORDER_H_
