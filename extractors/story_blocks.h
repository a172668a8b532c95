// Story blocks: the rules the word-processor extractors (DOCX, ODT, RTF)
// share for turning a story's paragraphs into Blocks: what counts as blank
// text, how a table row's cells become one kTableRow block, and how the
// paragraphs of a cell or of a note become one text. Not the reading of
// any format: markup, styles and numbering stay in each extractor.
#ifndef INTAKE_EXTRACTORS_STORY_BLOCKS_H_
#define INTAKE_EXTRACTORS_STORY_BLOCKS_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace intake {

// True when `text` holds nothing but spaces, tabs and line ends.
bool IsBlank(std::string_view text);

// `text` without spaces, tabs and line ends at either end; a view into it.
std::string_view Trim(std::string_view text);

// Appends one kTableRow block, the cells joined by " | ", unless every
// cell is blank; then moves the rows of tables nested in the cells after
// it, in order, leaving `nested` empty.
void AppendTableRow(const std::vector<std::string>& cells,
                    std::vector<Block>* nested, std::vector<Block>* out);

// A cell's paragraphs as one line, each number in front of its text; rows
// of tables inside the cell are moved to `nested` instead.
std::string CellLine(std::vector<Block> paragraphs, std::vector<Block>* nested);

// Headers and footers repeat per section and per page kind (first, left,
// right); a reader sees one letterhead. Appends `story`'s blocks as
// kHeaderFooter blocks without heading level, each number and text only
// the first time `seen` (one set for the whole document) meets it.
void AppendHeaderFooterBlocks(std::vector<Block> story,
                              std::set<std::string>* seen,
                              std::vector<Block>* out);

// A kFootnote block from a note's paragraphs: one a line, each number in
// front, each text trimmed (writers put a space after the note mark).
// The block's text may be blank; callers drop such notes.
Block NoteBlock(const std::vector<Block>& paragraphs);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_STORY_BLOCKS_H_
