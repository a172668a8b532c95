// Paragraphs that a page break cut in two.
//
// When the last body block of a page does not end a sentence and the first
// body block of the next page reads on (starts in lower case, or the first
// ended on a comma or hyphen), the two are one paragraph: they are joined,
// keeping the first one's page. Running heads, footnotes and tables between
// them are stepped over, not joined.
#ifndef INTAKE_PIPELINE_PAGE_BREAKS_H_
#define INTAKE_PIPELINE_PAGE_BREAKS_H_

#include <vector>

#include "pipeline/document.h"

namespace intake {

// REQUIRES: blocks normalized (lines joined), in reading order.
std::vector<Block> JoinAcrossPageBreaks(std::vector<Block> blocks);

}  // namespace intake

#endif  // INTAKE_PIPELINE_PAGE_BREAKS_H_
