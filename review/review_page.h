// review.html: the review list as one self-contained page (no network, no
// files beside it) on which a reviewer filters the passages by label,
// submitter and reason, sees the evidence highlighted, records decisions
// and saves them as a JSON file for `intake review import` (docs/review.md
// describes the file). The page is review/review_page.html with the list
// embedded as JSON; every text from the records reaches the page only as
// data (no '<' survives in it) and is shown with textContent.
#ifndef INTAKE_REVIEW_REVIEW_PAGE_H_
#define INTAKE_REVIEW_REVIEW_PAGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/sha256.h"
#include "review/review_list.h"

namespace intake {

std::string ReviewPage(const std::vector<ReviewItem>& items);

// Names a list in the reviewer's browser storage, so that decisions
// recorded on one list are not shown on another: a hash of its items, in
// list order.
class ReviewListId {
 public:
  static constexpr size_t kSize = 16;  // hex digits
  void Add(const ReviewItem& item);
  std::string Value();  // call once, after the last Add()

 private:
  Sha256 hash_;
};

// The same page in pieces, for a list written as it is read: the head (up
// to the first item), each item (`rank` counts from 1), the tail. The head
// holds the list's id, which is known only after the last item: a writer
// that streams the items writes the head with any id of
// ReviewListId::kSize characters and overwrites those at *list_id_at.
std::string ReviewPageHead(std::string_view list_id, size_t* list_id_at);
std::string ReviewPageItem(const ReviewItem& item, int rank);
std::string ReviewPageTail();

// An item as nlohmann's tree of it dumps, without ScriptSafe: what
// ReviewPageItem writes directly, for the tests to compare with.
std::string ReviewPageItemJson(const ReviewItem& item, int rank);

}  // namespace intake

#endif  // INTAKE_REVIEW_REVIEW_PAGE_H_
