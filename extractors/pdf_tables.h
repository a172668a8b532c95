// Tables on a PDF page, found from the word boxes alone (poppler-cpp gives
// no ruling lines): a run of lines whose words leave the same vertical
// gutters free, starting with a line that has a wide gap between cells.
// Each table row, however many lines its cells wrap onto, becomes one
// line of its own with its cells in order, joined by " | ", so that rows
// neither interleave cell by cell with each other nor merge with the text
// around the table.
//
// Rows are told apart by how text wraps: a cell's line ends because its
// next word did not fit, so a line whose first word would have fitted
// after the previous line of the same column starts a new cell, and with
// it a new row. A row whose every cell wraps to the full width of its
// column is not told from the next one. Lines of formulas are no table
// (pdf_table_text.h). Not here: two-column pages
// (pdf_columns.h), tables spread over pages (pipeline/table_breaks.h),
// merged cells.
#ifndef INTAKE_EXTRACTORS_PDF_TABLES_H_
#define INTAKE_EXTRACTORS_PDF_TABLES_H_

#include <vector>

#include "extractors/pdf_layout.h"

namespace intake {

// GroupLines, with each table row as one PdfLine with table_row set.
// REQUIRES: words in reading order.
std::vector<PdfLine> GroupLinesAndTables(const std::vector<PdfWord>& words);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_PDF_TABLES_H_
