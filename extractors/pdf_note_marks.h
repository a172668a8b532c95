// Footnote reference marks in a PDF's text: the small raised digits ("1",
// "23") or signs ("*", "†") set right after a word. Poppler gives each as
// a word of its own; joined into the line they glue onto the word before
// ("below.1", "Convention2", a table cell "2020" + "2" read as "20202").
// The DOCX and .doc readers drop the reference mark and keep the note's
// own text with its number; so does the PDF reader, through this. Not the
// notes themselves: pipeline/footnotes.h finds those.
#ifndef INTAKE_EXTRACTORS_PDF_NOTE_MARKS_H_
#define INTAKE_EXTRACTORS_PDF_NOTE_MARKS_H_

#include <vector>

#include "extractors/pdf_layout.h"

namespace intake {

// Removes from `words` (one page, in Poppler's reading order) every mark
// that follows a word of at least three letters or digits, touching
// it, set clearly smaller and with its foot clearly above that word's.
// A mark opening a line (the note's own number) stays, as do exponents
// after a one- or two-letter symbol ("x2", "m2", "d(A0").
void DropNoteMarks(std::vector<PdfWord>* words);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_PDF_NOTE_MARKS_H_
