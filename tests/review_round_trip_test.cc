// Issue 6's "done when": after a run over the example letters a reviewer
// opens review.html in a browser, corrects three passages and saves; the
// file is imported, the pipeline runs again (and reprocesses everything)
// and the corrections are kept. Also: a conflicting import says so and
// keeps both decisions; a file with a bad row imports nothing; export
// gives every decision back.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/intake_runs.h"
#include "tests/review_browser.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using Json = nlohmann::json;
using testing::Intake;
using testing::ReadFileOrDie;
using testing::ReadJsonLines;

std::map<std::string, Json> PassagesById(const std::string& out) {
  std::map<std::string, Json> by_id;
  for (Json& p : ReadJsonLines(out + "/passages.jsonl")) {
    by_id[p["passage_id"].get<std::string>()] = p;
  }
  return by_id;
}

TEST(ReviewRoundTripTest, CorrectionsInTheBrowserSurviveRerunsAndReprocessing) {
  std::string out = testing::MakeTempDir("review-round-trip");
  std::string run = "run --quiet --jobs 2 fixtures/letters --out " + out;
  ASSERT_EQ(Intake(run), 0);
  for (const Json& p : ReadJsonLines(out + "/passages.jsonl")) {
    ASSERT_EQ(p["labels_from"], "rules");
  }
  Json spec = {{"reviewer", "Ana Reviewer"},
               {"submitter", ""},
               {"corrections",
                {{{"nth", 0}, {"theme", "waste"}, {"stance", "need"}},
                 {{"nth", 1}, {"article14", ""}, {"activity", ""}},
                 {{"nth", 2},
                  {"article14", "14.3 14.1"},
                  {"activity", "e.project"},
                  {"theme", "products"},
                  {"stance", "provided"}}}}};
  Json result;
  std::string saved = out + "/../review-decisions.json";
  ASSERT_TRUE(testing::ClickThroughReviewPage(out + "/review.html", spec, saved,
                                              &result));
  ASSERT_EQ(Intake("review import " + saved + " --out " + out), 0);

  std::vector<std::string> ids;
  for (const Json& id : result["corrected"])
    ids.push_back(id.get<std::string>());
  ASSERT_EQ(ids.size(), 3u);
  auto expect_corrected = [&](const std::string& when) {
    std::map<std::string, Json> passages = PassagesById(out);
    const Json& a = passages[ids[0]];
    EXPECT_EQ(a["labels_from"], "reviewer") << when;
    EXPECT_EQ(a["theme"], Json({"waste"})) << when;
    EXPECT_EQ(a["stance"], "need") << when;
    const Json& b = passages[ids[1]];
    EXPECT_EQ(b["labels_from"], "reviewer") << when;
    EXPECT_EQ(b["article14"], Json::array()) << when;
    EXPECT_EQ(b["activity"], Json::array()) << when;
    const Json& c = passages[ids[2]];
    EXPECT_EQ(c["article14"], Json({"14.1", "14.3"})) << when;
    EXPECT_EQ(c["activity"], Json({"e.project"})) << when;
    EXPECT_EQ(c["theme"], Json({"products"})) << when;
    EXPECT_EQ(c["stance"], "provided") << when;
    EXPECT_EQ(c["needs_review"], false) << when;
    int reviewed = 0;
    for (const auto& [id, p] : passages)
      reviewed += p["labels_from"] == "reviewer";
    EXPECT_EQ(reviewed, 3) << when;
    // Decided passages leave the review list.
    std::string csv = ReadFileOrDie(out + "/review.csv");
    for (const std::string& id : ids) {
      EXPECT_EQ(csv.find(id), std::string::npos) << id << " " << when;
    }
  };
  expect_corrected("after import");
  ASSERT_EQ(Intake(run), 0);
  expect_corrected("after a rerun");
  ASSERT_EQ(Intake(run + " --reprocess"), 0);
  expect_corrected("after reprocessing");

  // The classifier measured against what the reviewers decided.
  std::string eval = out + "/../eval.txt";
  ASSERT_EQ(Intake("eval --reviews " + out, eval), 0);
  EXPECT_NE(ReadFileOrDie(eval).find("3 passages"), std::string::npos);

  // A second reviewer disagrees on one passage: both decisions are kept,
  // the import says so, and the newer wins.
  Json first = Json::parse(ReadFileOrDie(saved));
  Json second = first;
  second["reviewer"] = "Ben Second";
  second["decisions"] = Json::array({first["decisions"][0]});
  second["decisions"][0]["theme"] = Json::array({"waste", "health"});
  std::string second_path = out + "/../second.json";
  std::ofstream(second_path) << second.dump();
  std::string err = out + "/../import.err";
  ASSERT_EQ(Intake("review import " + second_path + " --out " + out, "", err),
            0);
  EXPECT_NE(ReadFileOrDie(err).find("replaces the decision of Ana Reviewer"),
            std::string::npos);
  EXPECT_EQ(PassagesById(out)[ids[0]]["theme"], Json({"waste", "health"}));
  std::string history = out + "/../history.json";
  ASSERT_EQ(Intake("review export --history --out " + out, history), 0);
  EXPECT_EQ(Json::parse(ReadFileOrDie(history))["decisions"].size(), 4u);
  std::string newest = out + "/../newest.json";
  ASSERT_EQ(Intake("review export --out " + out, newest), 0);
  EXPECT_EQ(Json::parse(ReadFileOrDie(newest))["decisions"].size(), 3u);

  // One bad code among good rows: an error naming it, nothing imported.
  Json bad = first;
  bad["decisions"][1]["theme"] = Json::array({"mercury"});
  bad["decisions"][2]["stance"] = "received";
  std::string bad_path = out + "/../bad.json";
  std::ofstream(bad_path) << bad.dump();
  ASSERT_EQ(Intake("review import " + bad_path + " --out " + out, "", err), 2);
  EXPECT_NE(ReadFileOrDie(err).find("decision 2 (" + ids[1] +
                                    "): unknown theme code \"mercury\""),
            std::string::npos);
  EXPECT_EQ(PassagesById(out)[ids[2]]["stance"], "provided");
}

}  // namespace
}  // namespace intake
