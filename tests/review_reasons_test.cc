// The reasons a passage goes to a person: added once, kept sorted, and
// found whatever their order.
#include "pipeline/review_reasons.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace intake {
namespace {

TEST(ReviewReasonsTest, AddKeepsReasonsSortedAndOnce) {
  Labels labels;
  AddReviewReason("off_topic", &labels);
  AddReviewReason("low_confidence", &labels);
  AddReviewReason("off_topic", &labels);
  EXPECT_TRUE(labels.needs_review);
  EXPECT_EQ(labels.review_reasons,
            (std::vector<std::string>{"low_confidence", "off_topic"}));
}

TEST(ReviewReasonsTest, HasFindsAReasonInAnyOrder) {
  const std::vector<std::string> reasons = {"too_long", "low_confidence"};
  struct Case {
    const char* reason;
    bool has;
  };
  const Case cases[] = {
      {"too_long", true},  {"low_confidence", true},
      {"low", false},  // a prefix is not the reason
      {"no_label", false}, {"", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HasReviewReason(reasons, c.reason), c.has) << c.reason;
  }
  EXPECT_FALSE(HasReviewReason({}, "too_long"));
}

}  // namespace
}  // namespace intake
