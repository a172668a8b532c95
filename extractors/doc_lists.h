// Word 97-2003 list tables ([MS-DOC] 2.9.147 LSTF, 2.9.150 LVL, 2.9.188
// PlfLst, 2.9.189 PlfLfo) read into the DOCX reader's NumberingDefs, so a
// .doc list label is rendered by the same Numbering as a .docx one ("3.",
// "(b)", "2.1", bullets). A list (LSTF, by its lsid) plays the part of a
// w:abstractNum, a list format override (LFO, by its 1-based index, the
// paragraph's ilfo) the part of a w:num. Not which paragraph uses which
// list: doc_paragraphs.h reads sprmPIlfo and sprmPIlvl.
#ifndef INTAKE_EXTRACTORS_DOC_LISTS_H_
#define INTAKE_EXTRACTORS_DOC_LISTS_H_

#include <string_view>

#include "extractors/doc_fib.h"
#include "extractors/docx_numbering.h"

namespace intake {

// Reads the lists at `plf_lst` and their overrides at `plf_lfo` in the
// table stream. Never fails: a damaged or missing table gives fewer
// definitions and a warning, and paragraphs of unknown lists get no label.
NumberingDefs ParseDocLists(std::string_view table, FcLcb plf_lst,
                            FcLcb plf_lfo);

// A level's number text (the LVL's xst, where a code unit 0..8 at a place
// rgbxchNums names stands for that level's number) in w:lvlText form
// ("%1.", "(%2)"); other units as UTF-8. Exposed for tests.
std::string LevelTextFromXst(std::u16string_view xst,
                             std::string_view rgbxch_nums);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOC_LISTS_H_
