// Footnotes of paged documents, kept apart from the body.
//
// In a PDF a footnote is a block in the lower half of the page, set in a
// smaller font than the body, that starts with its mark ("1", "2", "*");
// the small-font blocks after it on that page continue it. They become
// BlockKind::kFootnote so the body reads on across them. Formats that
// declare their footnotes (DOCX) need none of this.
#ifndef INTAKE_PIPELINE_FOOTNOTES_H_
#define INTAKE_PIPELINE_FOOTNOTES_H_

#include <vector>

#include "pipeline/document.h"

namespace intake {

// REQUIRES: blocks in reading order, running heads already marked.
void MarkFootnotes(std::vector<Block>* blocks);

}  // namespace intake

#endif  // INTAKE_PIPELINE_FOOTNOTES_H_
