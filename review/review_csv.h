// review.csv: the review list for a spreadsheet, one row per passage
// (docs/review.md lists the columns). The decision columns are empty; a
// reviewer fills them and `intake review import` reads the file back.
#ifndef INTAKE_REVIEW_REVIEW_CSV_H_
#define INTAKE_REVIEW_REVIEW_CSV_H_

#include <string>
#include <vector>

#include "review/review_list.h"

namespace intake {

// The header row's cells, in order; import finds columns by these names.
const std::vector<std::string>& ReviewCsvColumns();

// The whole file: BOM, header, one row per item.
std::string ReviewCsv(const std::vector<ReviewItem>& items);

// The same file in pieces, for a list written as it is read: the BOM and
// header, then the row of each item; `rank` counts from 1.
std::string ReviewCsvHead();
std::string ReviewCsvRow(const ReviewItem& item, int rank);

// "a b c": how a list of codes is written in one cell.
std::string JoinCodes(const std::vector<std::string>& codes);

}  // namespace intake

#endif  // INTAKE_REVIEW_REVIEW_CSV_H_
