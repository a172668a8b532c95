// The stable public names of formats and passage kinds, as they appear in
// records. Changing one is a schema change (docs/records.md).
#include "pipeline/document.h"
#include "pipeline/passage.h"

namespace intake {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kUnknown:
      return "unknown";
    case Format::kEmpty:
      return "empty";
    case Format::kPdf:
      return "pdf";
    case Format::kDocx:
      return "docx";
    case Format::kDoc:
      return "doc";
    case Format::kOdt:
      return "odt";
    case Format::kRtf:
      return "rtf";
    case Format::kEml:
      return "eml";
    case Format::kMbox:
      return "mbox";
    case Format::kMsg:
      return "msg";
    case Format::kZip:
      return "zip";
    case Format::kText:
      return "text";
    case Format::kXml:
      return "xml";
    case Format::kHtml:
      return "html";
    case Format::kEncryptedOffice:
      return "encrypted-office";
    case Format::kTnef:
      return "tnef";
  }
  return "unknown";
}

std::string_view PassageKindName(PassageKind kind) {
  switch (kind) {
    case PassageKind::kHeading:
      return "heading";
    case PassageKind::kParagraph:
      return "paragraph";
    case PassageKind::kListItem:
      return "list_item";
    case PassageKind::kTableRow:
      return "table_row";
    case PassageKind::kFootnote:
      return "footnote";
    case PassageKind::kHeaderFooter:
      return "header_footer";
    case PassageKind::kFurniture:
      return "furniture";
  }
  return "paragraph";
}

PassageKind PassageKindFromName(std::string_view name) {
  for (PassageKind k :
       {PassageKind::kHeading, PassageKind::kParagraph, PassageKind::kListItem,
        PassageKind::kTableRow, PassageKind::kFootnote,
        PassageKind::kHeaderFooter, PassageKind::kFurniture}) {
    if (PassageKindName(k) == name) return k;
  }
  return PassageKind::kParagraph;
}

}  // namespace intake
