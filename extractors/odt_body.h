// Turns one OpenDocument text story (office:text, a master page header or
// footer) into Blocks in reading order.
//
// Knows the ODF text vocabulary: paragraphs and headings, lists and their
// counters, tables (covered cells, nested tables), notes, frames and text
// boxes, spaces, tabs and line breaks, tracked changes and annotations.
// Does not know where stories live in the package or how they are ordered
// against each other: odt_extractor decides that.
#ifndef INTAKE_EXTRACTORS_ODT_BODY_H_
#define INTAKE_EXTRACTORS_ODT_BODY_H_

#include <libxml/tree.h>

#include <vector>

#include "extractors/odt_styles.h"
#include "pipeline/document.h"

namespace intake {

struct OdtStory {
  std::vector<Block> blocks;
  // One kFootnote block per text:note, in the order they are cited, its
  // paragraphs joined by '\n'; footnotes and endnotes apart.
  std::vector<Block> footnotes;
  std::vector<Block> endnotes;
};

// Reads `story`: paragraphs as kBody, text:h as kHeading (level from
// text:outline-level, number from the outline style), the first paragraph
// of a list item as kListItem with its label in Block::number (later
// paragraphs of the item as kBody), one kTableRow per table row with cells
// joined by " | ", nested table rows right after their outer row, text box
// paragraphs right after the paragraph that anchors them. Note citations
// are left out of the text; the notes go to out->footnotes / endnotes.
// Empty paragraphs are skipped (but still counted by lists).
// REQUIRES: the tree's depth was bounded when it was parsed (recursion).
void ReadOdtStory(const xmlNode* story, const OdtStyles& styles, OdtStory* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_ODT_BODY_H_
