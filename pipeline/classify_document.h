// The classify stage over one document: each passage read with what stands
// above it, then the document's stances read together
// (support_direction.h) and whether it names the Convention's subject
// (off_topic.h). `intake run` and `intake classify` both go through here,
// so their records of the same passages agree.
#ifndef INTAKE_PIPELINE_CLASSIFY_DOCUMENT_H_
#define INTAKE_PIPELINE_CLASSIFY_DOCUMENT_H_

#include <vector>

#include "pipeline/classifier.h"
#include "pipeline/off_topic.h"
#include "pipeline/passage.h"

namespace intake {

// REQUIRES: `passages` are one document's, in document order, each with
// its kind, text and language set.
// Sets every passage's labels, and returns what the passages say of the
// Convention's subject (off_topic.h). `whole` says the document's subject
// can only be in its own passages: false for a message or an archive that
// holds other files (a cover mail's letter is its attachment), which is
// then never flagged off_topic. A document that names no subject and more
// than half of whose passages were read by OCR, which may have garbled
// the one word that counts, is not judged and not flagged. `title` (an
// e-mail's subject line, a file's title in its metadata) is no passage
// but names the subject as well as one: "Submission under article 14 of
// the Minamata Convention".
Subject ClassifyDocument(const Classifier& classifier,
                         std::vector<Passage>* passages, bool whole = true,
                         std::string_view title = {});

}  // namespace intake

#endif  // INTAKE_PIPELINE_CLASSIFY_DOCUMENT_H_
