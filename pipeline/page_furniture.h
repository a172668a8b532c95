// Running headers, running footers and page numbers of paged documents.
//
// A block near the top or bottom of a page whose text, with digits masked,
// recurs on other pages ("Submission of Ecuador - page 3") is a running
// header or footer; a lone page number ("3", "- 3 -", "Page 3 of 4") is one
// too. Such blocks become BlockKind::kHeaderFooter so that they leave the
// body but stay in the records. Formats that declare their headers (DOCX)
// need none of this; blocks without pages are left alone.
#ifndef INTAKE_PIPELINE_PAGE_FURNITURE_H_
#define INTAKE_PIPELINE_PAGE_FURNITURE_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace intake {

// True for "3", "- 3 -", "Page 3", "page 3 of 10", "3/10", "iii".
bool IsPageNumber(std::string_view text);

// Lower case, digits as '#', white space folded: the form under which a
// running header repeats from page to page.
std::string RepeatSignature(std::string_view text);

// REQUIRES: blocks in reading order, text cleaned (normalize.h CleanText).
void MarkPageFurniture(std::vector<Block>* blocks);

}  // namespace intake

#endif  // INTAKE_PIPELINE_PAGE_FURNITURE_H_
