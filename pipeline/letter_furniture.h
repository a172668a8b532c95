// Letter furniture: the parts of a letter that carry no submission content.
//
// The letterhead, reference line and date before the salutation; the
// salutation; a short paragraph that only transmits the submission ("I have
// the honour to transmit..."); the closing and the signature block after
// it; annex headings. TAXONOMY.md rule 8 gives them no labels, so they are
// marked here (kind furniture, with the role in Passage::furniture) and the
// classifier leaves them alone. English, Spanish and French forms.
#ifndef INTAKE_PIPELINE_LETTER_FURNITURE_H_
#define INTAKE_PIPELINE_LETTER_FURNITURE_H_

#include <string_view>
#include <vector>

#include "pipeline/passage.h"

namespace intake {

// The furniture role `text` has on its own, whatever its place in the
// letter: "salutation", "closing", "date", "reference", "transmittal",
// "annex_heading", or "" for none.
std::string_view FurnitureRoleOf(std::string_view text);

// Marks the furniture of a letter, using the place of each passage too
// (letterhead lines come before the salutation, a signature block after
// the closing). Passages of other documents are left as they are.
void MarkLetterFurniture(std::vector<Passage>* passages);

}  // namespace intake

#endif  // INTAKE_PIPELINE_LETTER_FURNITURE_H_
