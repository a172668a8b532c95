#include "review/csv.h"

namespace intake {
namespace {

bool FormulaStart(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// The separator of the file: a spreadsheet set to a language whose
// decimal mark is the comma (French, Spanish) saves "CSV" with semicolons.
// Read from the first line, outside quotes: the one of ',' ';' and tab
// that occurs most there, a comma when none does.
char Separator(std::string_view data) {
  int commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : data) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

}  // namespace

std::string Neutralise(std::string_view cell) {
  if (!cell.empty() && FormulaStart(cell[0])) {
    return "'" + std::string(cell);
  }
  return std::string(cell);
}

std::string Unneutralise(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && FormulaStart(cell[1])) {
    cell.remove_prefix(1);
  }
  return std::string(cell);
}

std::string CsvRow(const std::vector<std::string>& cells) {
  std::string row;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) row += ',';
    std::string cell = Neutralise(cells[i]);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      row += cell;
      continue;
    }
    row += '"';
    for (char c : cell) {
      if (c == '"') row += '"';
      row += c;
    }
    row += '"';
  }
  row += "\r\n";
  return row;
}

Status ParseCsv(std::string_view data, std::vector<CsvRecord>* records) {
  if (data.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    data.remove_prefix(kUtf8Bom.size());
  }
  const char separator = Separator(data);
  long line = 1;
  size_t i = 0;
  while (i < data.size()) {
    CsvRecord record;
    record.line = line;
    std::string cell;
    bool end_of_record = false;
    while (!end_of_record) {
      if (i < data.size() && data[i] == '"') {
        long quote_line = line;
        ++i;
        for (;;) {
          if (i >= data.size()) {
            return Status::Corrupt("line " + std::to_string(quote_line) +
                                   ": a quoted field is never closed");
          }
          char c = data[i++];
          if (c == '"') {
            if (i < data.size() && data[i] == '"') {
              cell += '"';
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          cell += c;
        }
      }
      while (i < data.size() && data[i] != separator && data[i] != '\n') {
        if (data[i] != '\r' || (i + 1 < data.size() && data[i + 1] != '\n')) {
          cell += data[i];
        }
        ++i;
      }
      record.cells.push_back(std::move(cell));
      cell.clear();
      if (i >= data.size()) {
        end_of_record = true;
      } else if (data[i++] == '\n') {
        ++line;
        end_of_record = true;
      }
    }
    bool blank = record.cells.size() == 1 && record.cells[0].empty();
    if (!blank) records->push_back(std::move(record));
  }
  return Status::Ok();
}

}  // namespace intake
