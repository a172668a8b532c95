// The body text size of a paged document, against which headings (larger)
// and footnotes (smaller) are told apart.
#ifndef INTAKE_PIPELINE_FONT_SIZES_H_
#define INTAKE_PIPELINE_FONT_SIZES_H_

#include <vector>

#include "pipeline/document.h"

namespace intake {

// The median font size of the blocks long enough to be running text; 0 when
// the format gives no sizes (DOCX) or there is no such block.
double BodyFontSize(const std::vector<Block>& blocks);

}  // namespace intake

#endif  // INTAKE_PIPELINE_FONT_SIZES_H_
