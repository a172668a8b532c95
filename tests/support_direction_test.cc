// A passage whose direction of support goes against the rest of its
// document, or a need in a letter that tells of support given, is sent to
// review; labels never change.
#include "pipeline/support_direction.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace intake {
namespace {

struct Case {
  const char* name;
  std::vector<std::string> stances;  // one per passage of the document
  std::vector<const char*> flagged;  // expected reason, "" for none
};

TEST(SupportDirectionTest, FlagsTheLessFrequentDirectionOnly) {
  const Case cases[] = {
      {"mostly received",
       {"received", "provided", "received", "other", "need"},
       {"", kMinorityDirection, "", "", ""}},
      // A need in a provider's letter: often a partner's difficulty told
      // by its donor.
      {"mostly provided",
       {"provided", "provided", "received", "need"},
       {"", "", kMinorityDirection, kProviderNeed}},
      {"provided only", {"provided", "need", "other"}, {"", kProviderNeed, ""}},
      // A letter of needs with one passage read as support given is no
      // provider's letter.
      {"needs with one provided", {"need", "provided", "need"}, {"", "", ""}},
      {"a tie is no one's direction",
       {"provided", "received", "need"},
       {"", "", ""}},
      {"one direction only", {"received", "need", "received"}, {"", "", ""}},
      {"no support at all", {"other", "need"}, {"", ""}},
      {"empty document", {}, {}},
      {"two against three",
       {"received", "provided", "provided", "received", "received"},
       {"", kMinorityDirection, kMinorityDirection, "", ""}},
  };
  for (const Case& c : cases) {
    std::vector<Labels> labels(c.stances.size());
    std::vector<Labels*> document;
    for (size_t i = 0; i < labels.size(); ++i) {
      labels[i].stance = c.stances[i];
      document.push_back(&labels[i]);
    }
    FlagMinorityDirection(document);
    for (size_t i = 0; i < labels.size(); ++i) {
      const bool flagged = *c.flagged[i] != '\0';
      EXPECT_EQ(labels[i].needs_review, flagged) << c.name << " " << i;
      EXPECT_EQ(labels[i].review_reasons,
                flagged ? std::vector<std::string>{c.flagged[i]}
                        : std::vector<std::string>{})
          << c.name << " " << i;
      EXPECT_EQ(labels[i].stance, c.stances[i]) << c.name;
    }
  }
}

TEST(SupportDirectionTest, KeepsReasonsSortedAndUnique) {
  Labels minority;
  minority.stance = "provided";
  minority.needs_review = true;
  minority.review_reasons = {"low_confidence", "rules_model_disagree"};
  Labels a, b;
  a.stance = b.stance = "received";
  std::vector<Labels*> document = {&a, &minority, &b};
  FlagMinorityDirection(document);
  FlagMinorityDirection(document);  // a second reading adds nothing
  EXPECT_EQ(minority.review_reasons,
            (std::vector<std::string>{"low_confidence", kMinorityDirection,
                                      "rules_model_disagree"}));
  EXPECT_FALSE(a.needs_review);
  EXPECT_TRUE(a.review_reasons.empty());
}

}  // namespace
}  // namespace intake
