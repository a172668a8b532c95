// One story of a Word 97-2003 document (the main text, one footnote, one
// header...) as Blocks, the way the DOCX reader gives them: a block per
// paragraph, headings with their level, a kTableRow block per table row,
// fields reduced to their result. Reads the special characters of
// [MS-DOC] 2.4.1: 0x0D paragraph, 0x07 cell and row marks, 0x0B line
// break, 0x0C page or section break, 0x13/0x14/0x15 field begin,
// separator and end, and drops the anchors of pictures, notes and
// drawings. List paragraphs get their label from the document's lists
// (doc_lists.h). Not where a story starts or ends: doc_extractor.cc
// splits them.
#ifndef INTAKE_EXTRACTORS_DOC_STORY_H_
#define INTAKE_EXTRACTORS_DOC_STORY_H_

#include <span>
#include <string>
#include <vector>

#include "extractors/doc_paragraphs.h"
#include "extractors/doc_pieces.h"
#include "extractors/docx_numbering.h"
#include "pipeline/document.h"

namespace intake {

// Appends the paragraphs of `story` to `out`; blank paragraphs are
// dropped. A last paragraph without its mark still counts. `numbering`
// holds the list counters, which run on from story to story of one kind
// (the body and its text boxes); null gives no list labels.
void AppendDocStory(std::span<const DocChar> story,
                    const ParagraphIndex& paragraphs, Numbering* numbering,
                    std::vector<Block>* out);

// UTF-16 code units as UTF-8; a lone surrogate becomes U+FFFD.
std::string Utf16UnitsToUtf8(std::u16string_view units);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOC_STORY_H_
