// CSV as spreadsheets read and write it (RFC 4180: comma separated, CRLF,
// fields quoted when they hold a comma, quote or line break), with the
// one defence a file for spreadsheets needs: a cell that a spreadsheet
// would run as a formula is written with a leading apostrophe, which the
// spreadsheet shows as text and which Unneutralise takes off again.
#ifndef INTAKE_REVIEW_CSV_H_
#define INTAKE_REVIEW_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace intake {

// The UTF-8 byte order mark: without it spreadsheets guess a legacy code
// page and garble every accent.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A cell starting with = + - @ tab or CR gets a leading apostrophe.
std::string Neutralise(std::string_view cell);
// Undoes Neutralise: an apostrophe followed by one of those characters
// is dropped.
std::string Unneutralise(std::string_view cell);

// One row, every cell neutralised and quoted where needed, ending in CRLF.
std::string CsvRow(const std::vector<std::string>& cells);

struct CsvRecord {
  long line = 0;  // 1-based line the record starts on
  std::vector<std::string> cells;
};

// Parses a whole file (a UTF-8 BOM is skipped); an unterminated quote
// fails with its line. The separator is the comma, or the semicolon or
// tab the first line uses instead (a spreadsheet in French or Spanish
// saves its CSV with semicolons).
Status ParseCsv(std::string_view data, std::vector<CsvRecord>* records);

}  // namespace intake

#endif  // INTAKE_REVIEW_CSV_H_
