// Title and author from the "\005SummaryInformation" property set of an
// OLE2 compound file ([MS-OLEPS]), as Word 97-2003 writes it. Our own
// bounded reader: libgsf's prints warnings and assertion failures on
// damaged property sets, and a reader's report is its status, not stderr.
// Not the other properties, not the user-defined ones.
#ifndef INTAKE_EXTRACTORS_OLE_SUMMARY_H_
#define INTAKE_EXTRACTORS_OLE_SUMMARY_H_

#include <string>
#include <string_view>

namespace intake {

struct OleSummary {
  std::string title;   // UTF-8, "" when absent or unreadable
  std::string author;  // UTF-8, "" when absent or unreadable
};

// Reads the stream's bytes; a damaged stream gives empty fields.
OleSummary ParseSummaryInformation(std::string_view stream);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_OLE_SUMMARY_H_
