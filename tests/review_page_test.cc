// review.html in a real browser (Debian's chromium, driven by
// tests/browser/review_click_through.mjs through playwright-core, which
// scripts/install-deps installs): a reviewer filters by submitter,
// corrects a passage and saves; the saved file holds that decision.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/intake_runs.h"
#include "tests/review_browser.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using Json = nlohmann::json;

TEST(ReviewPageTest, ReviewerFiltersCorrectsAndSaves) {
  std::string out = testing::MakeTempDir("review-page");
  ASSERT_EQ(testing::Intake("run --quiet fixtures/letters --out " + out), 0);
  Json spec = {{"reviewer", "Ana Reviewer"},
               {"submitter", "Samoa"},
               {"corrections",
                {{{"nth", 0}, {"theme", "waste health"}, {"stance", "need"}}}}};
  Json result;
  std::string saved = out + "/decisions.json";
  ASSERT_TRUE(testing::ClickThroughReviewPage(out + "/review.html", spec, saved,
                                              &result));
  EXPECT_LT(result["shown"].get<int>(), result["total"].get<int>());
  EXPECT_GT(result["shown"].get<int>(), 0);
  Json file = Json::parse(testing::ReadFileOrDie(saved));
  EXPECT_EQ(file["format"], "intake-review-decisions");
  EXPECT_EQ(file["reviewer"], "Ana Reviewer");
  ASSERT_EQ(file["decisions"].size(), 1u);
  const Json& d = file["decisions"][0];
  EXPECT_EQ(d["passage_id"], result["corrected"][0]);
  // Codes come back in taxonomy order, whatever order they were typed in.
  EXPECT_EQ(d["theme"], Json({"waste", "health"}));
  EXPECT_EQ(d["stance"], "need");
  EXPECT_EQ(d["text_sha256"].get<std::string>().size(), 64u);
}

}  // namespace
}  // namespace intake
