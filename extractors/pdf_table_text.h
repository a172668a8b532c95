// Whether the words the table finder (pdf_tables.h) laid out in columns
// read as the cells of a table. Formulas set on a page of mathematics
// leave the same wide gutters as a table (a fraction, a case split, an
// equation number far to the right), but their lines are mostly maths
// symbols, not words and figures. Not the geometry: pdf_tables.cc decides
// where the columns are.
#ifndef INTAKE_EXTRACTORS_PDF_TABLE_TEXT_H_
#define INTAKE_EXTRACTORS_PDF_TABLE_TEXT_H_

#include <string>
#include <vector>

namespace intake {

// `lines`: the text of each line of the candidate table, cell by cell
// ("" where a column is empty on that line). False when half its lines or
// more are formulas (a fifth or more of their characters maths symbols:
// operators, maths letters, primes, Greek).
bool ReadsAsTableCells(const std::vector<std::vector<std::string>>& lines);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_PDF_TABLE_TEXT_H_
