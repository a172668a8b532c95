// Paragraph properties of a Word 97-2003 document, as far as the reader
// needs them: the style (headings), the outline level, the list and list
// level (numbering), and whether the paragraph is in a table or ends a
// table row. Found from the paragraph
// mark's stream offset through the PlcBtePapx and its 512-byte PAPX pages
// ([MS-DOC] 2.8.2, 2.9.175). Not character formatting, not the numbers
// themselves: doc_lists.h reads the lists.
#ifndef INTAKE_EXTRACTORS_DOC_PARAGRAPHS_H_
#define INTAKE_EXTRACTORS_DOC_PARAGRAPHS_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "extractors/doc_fib.h"

namespace intake {

struct ParagraphProps {
  uint16_t istd = 0;       // style index; 1..9 are Heading 1..9
  int outline_level = -1;  // 0..8 from sprmPOutLvl; -1 when not given
  bool in_table = false;   // sprmPFInTable or a table depth (itap) >= 1
  bool row_end = false;    // sprmPFTtp: the mark ends a table row
  int ilfo = 0;            // sprmPIlfo: 1-based list override; 0 no list
  int ilvl = 0;            // sprmPIlvl: list level 0..8
};

// Borrows both streams; they must outlive it. Damaged pages give no
// properties rather than an error: the text is still worth having.
class ParagraphIndex {
 public:
  ParagraphIndex(std::string_view word_document, std::string_view table,
                 FcLcb plcf_bte_papx);

  // The properties of the paragraph whose mark is at stream offset `fc`;
  // nullopt when the file does not say (no page covers it, damaged page).
  std::optional<ParagraphProps> Find(uint32_t fc) const;

  // False when the file has no usable paragraph property pages at all.
  bool usable() const { return !page_numbers_.empty(); }

 private:
  std::optional<ParagraphProps> FromPage(std::string_view page,
                                         uint32_t fc) const;

  std::string_view word_document_;
  std::vector<uint32_t> fcs_;           // n+1 page boundaries
  std::vector<uint32_t> page_numbers_;  // n pages of 512 bytes
};

// The properties a grpprlInPapx (style index, then property modifiers)
// gives. Exposed for tests.
ParagraphProps ParsePapxGrpprl(std::string_view grpprl);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOC_PARAGRAPHS_H_
