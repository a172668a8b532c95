// review.html: the review list as one self-contained page (no network, no
// files beside it) on which a reviewer filters the passages by label,
// submitter and reason, sees the evidence highlighted, records decisions
// and saves them as a JSON file for `intake review import` (docs/review.md
// describes the file). The page is review/review_page.html with the list
// embedded as JSON; every text from the records reaches the page only as
// data (no '<' survives in it) and is shown with textContent.
#ifndef INTAKE_REVIEW_REVIEW_PAGE_H_
#define INTAKE_REVIEW_REVIEW_PAGE_H_

#include <string>
#include <vector>

#include "review/review_list.h"

namespace intake {

std::string ReviewPage(const std::vector<ReviewItem>& items);

}  // namespace intake

#endif  // INTAKE_REVIEW_REVIEW_PAGE_H_
