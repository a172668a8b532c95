// Turns one WordprocessingML story (the document body, a header, a footer,
// a footnote) into Blocks in reading order.
//
// Knows the inline vocabulary (runs, tabs, breaks, fields, tracked changes,
// text boxes) and the block vocabulary (paragraphs, tables, content
// controls). Does not know where stories live in the package or how they
// are ordered against each other: docx_extractor decides that.
#ifndef INTAKE_EXTRACTORS_DOCX_BODY_H_
#define INTAKE_EXTRACTORS_DOCX_BODY_H_

#include <libxml/tree.h>

#include <vector>

#include "extractors/docx_numbering.h"
#include "pipeline/document.h"

namespace intake {

// Appends the blocks of `story` (w:body, w:hdr, w:ftr, w:footnote, ...):
// paragraphs as kBody / kHeading / kListItem (numbering label in
// Block::number, not in the text), one kTableRow per table row with cells
// joined by " | ", nested table rows right after their outer row, text box
// paragraphs right after the paragraph that anchors them. Empty
// paragraphs are skipped. `numbering` advances as paragraphs are seen.
// REQUIRES: the tree's depth was bounded when it was parsed (recursion).
void AppendStoryBlocks(const xmlNode* story, const DocxStyles& styles,
                       Numbering* numbering, std::vector<Block>* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOCX_BODY_H_
