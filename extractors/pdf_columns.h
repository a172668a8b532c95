// Two-column pages: the words of a page in reading order by column.
//
// A page has two columns when a vertical gutter near its middle is crossed
// by (almost) no words and each side holds a fair share of the page's
// running text. Then the words that span the gutter above the columns (a
// title), the left column, the right column, and what spans below (a
// footer) are read in that order. Otherwise the page is one column.
// Not here: more than two columns, or columns that change down the page.
#ifndef INTAKE_EXTRACTORS_PDF_COLUMNS_H_
#define INTAKE_EXTRACTORS_PDF_COLUMNS_H_

#include <vector>

#include "extractors/pdf_layout.h"

namespace intake {

// Groups of words to be put into lines one group after the other. One
// group when the page is not in two columns.
std::vector<std::vector<PdfWord>> SplitColumns(
    const std::vector<PdfWord>& words);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_PDF_COLUMNS_H_
