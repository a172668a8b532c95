// The classify stage over one document: each passage read with what stands
// above it, then the document's stances read together
// (support_direction.h). `intake run` and `intake classify` both go
// through here, so their records of the same passages agree.
#ifndef INTAKE_PIPELINE_CLASSIFY_DOCUMENT_H_
#define INTAKE_PIPELINE_CLASSIFY_DOCUMENT_H_

#include <vector>

#include "pipeline/classifier.h"
#include "pipeline/passage.h"

namespace intake {

// REQUIRES: `passages` are one document's, in document order, each with
// its kind, text and language set.
// Sets every passage's labels.
void ClassifyDocument(const Classifier& classifier,
                      std::vector<Passage>* passages);

}  // namespace intake

#endif  // INTAKE_PIPELINE_CLASSIFY_DOCUMENT_H_
