// Table rows that a page break cut in two.
//
// When a table runs onto the next page, word processors repeat its header
// row there, and a row too tall for the page is split: its first lines
// end page one, the rest of each cell opens page two. Read page by page,
// the table has the header twice and the split row as two rows, the
// second of which means nothing alone ("for the Minamata Convention |
// Programme | Environment | |"). Here the repeated header is dropped and
// the two halves are joined cell by cell, when only running heads and
// footnotes stand between them, the columns are the same (each cell's
// left edge within half a font size), and the second half reads as a
// continuation: no first-column value, or some cells empty and the first
// one reading on in lower case. Only rows whose format gives the columns
// (PDF) are joined.
#ifndef INTAKE_PIPELINE_TABLE_BREAKS_H_
#define INTAKE_PIPELINE_TABLE_BREAKS_H_

#include <vector>

#include "pipeline/document.h"

namespace intake {

// REQUIRES: blocks normalized (lines joined), running heads and footnotes
// marked, in reading order.
std::vector<Block> JoinRowsAcrossPageBreaks(std::vector<Block> blocks);

}  // namespace intake

#endif  // INTAKE_PIPELINE_TABLE_BREAKS_H_
