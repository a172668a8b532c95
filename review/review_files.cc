#include "review/review_files.h"

#include "pipeline/output_files.h"
#include "review/output_records.h"
#include "review/review_csv.h"
#include "review/review_page.h"

namespace intake {

Status WriteReviewList(const std::string& out_dir,
                       const ReviewListOptions& options, long long* listed) {
  OutputRecords records;
  Status s = LoadOutputRecords(out_dir, &records);
  if (!s.ok()) return s;
  std::vector<ReviewItem> items = ChooseForReview(records, options);
  *listed = static_cast<long long>(items.size());
  s = WriteFileAtomically(ReviewCsvFile(out_dir), ReviewCsv(items));
  if (s.ok())
    s = WriteFileAtomically(ReviewHtmlFile(out_dir), ReviewPage(items));
  return s;
}

}  // namespace intake
