// Issue 6's "done when": after a run over the example letters a reviewer
// opens review.html in a browser, corrects three passages and saves; the
// file is imported, the pipeline runs again (and reprocesses everything)
// and the corrections are kept, in the records and in the compilation
// and its figures. Also: a conflicting import says so and keeps both
// decisions; a file with a bad row imports nothing; export gives every
// decision back.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "compile/markup_escape.h"
#include "tests/example_letters.h"
#include "tests/intake_runs.h"
#include "tests/review_browser.h"
#include "tests/shipped_rules.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using Json = nlohmann::json;
using testing::Figures;
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

bool IsBody(const Json& p) {
  return p["kind"] != "furniture" && p["kind"] != "header_footer";
}

// A letter received once, so the compilation reproduces its passages.
struct Letter {
  std::string submitter;
  std::vector<Json> body;
  bool Describes(const std::string& stance) const {
    for (const Json& p : body) {
      if (p["stance"] == stance) return true;
    }
    return false;
  }
  // The first passage the review list shows (flagged), or null.
  const Json* Flagged() const {
    for (const Json& p : body) {
      if (p["needs_review"] == true) return &p;
    }
    return nullptr;
  }
};

std::string Name(const Json& document) {
  return document["submitter"]["name"].get<std::string>();
}

std::vector<Letter> LettersReceivedOnce(const std::string& out) {
  std::map<std::string, int> copies;
  auto documents = ReadJsonLines(out + "/documents.jsonl");
  for (const Json& d : documents) {
    if (d["submitter"].is_object()) ++copies[Name(d)];
  }
  auto passages = ReadJsonLines(out + "/passages.jsonl");
  std::vector<Letter> letters;
  for (const Json& d : documents) {
    if (!d["submitter"].is_object() || copies[Name(d)] != 1) continue;
    Letter letter{Name(d), {}};
    for (const Json& p : passages) {
      if (p["doc_id"] == d["doc_id"] && IsBody(p)) letter.body.push_back(p);
    }
    if (letter.Flagged() != nullptr) letters.push_back(letter);
  }
  return letters;
}

// What the compilation shows under the passage with `text`: its labels
// line, "" when it has none or the passage is not reproduced.
std::string LabelsShownFor(const std::string& html, const std::string& text) {
  size_t at = html.find(">" + EscapeMarkup(text) + "</p>");
  if (at == std::string::npos) return "";
  size_t end_of_passage = html.find("</div>", at);
  const std::string open = "<p class=\"labels\">";
  size_t labels = html.find(open, at);
  if (labels == std::string::npos || labels > end_of_passage) return "";
  labels += open.size();
  return html.substr(labels, html.find("</p>", labels) - labels);
}

bool Lists(const std::string& figure, const std::string& name) {
  return figure.find(name) != std::string::npos;
}

TEST(ReviewRoundTripTest, CorrectionsInTheBrowserSurviveRerunsAndReprocessing) {
  std::string out = testing::MakeTempDir("review-round-trip");
  // Rules of this test's own, which give no stance and leave most
  // passages without a label (so flagged): what moves the summary lists
  // is then the reviewer alone, however the shipped rules and model come
  // to read the letters (with them every letter received once came to
  // describe every stance, and there was nothing left to move).
  const std::string rules = out + "/../round-trip-rules.xml";
  std::ofstream(rules) << R"(<rules format="1" version="round-trip">
  <label dimension="theme" code="asgm"><term weight="1">gold</term></label>
</rules>
)";
  std::string run = "run --quiet --jobs 2 --no-model --rules " + rules +
                    " fixtures/letters --out " + out;
  ASSERT_EQ(Intake(run), 0);
  for (const Json& p : ReadJsonLines(out + "/passages.jsonl")) {
    ASSERT_EQ(p["labels_from"], "rules");
  }
  std::string figures_before = out + "/../figures-before.txt";
  ASSERT_EQ(Intake("compile --from " + out, figures_before), 0);

  // Three letters received once, so their passages are in the
  // compilation: one whose writer describes no needs yet gets a need (or,
  // if every letter does, a stance its writer lacks), a second gets
  // another stance its writer lacks, and one loses all its labels. Which
  // letters fit depends on what the classifier proposed, so they are
  // chosen from the run's own records.
  std::vector<Letter> letters = LettersReceivedOnce(out);
  auto take = [&](auto wanted, Letter* found) {
    for (auto it = letters.begin(); it != letters.end(); ++it) {
      if (!wanted(*it)) continue;
      *found = *it;
      letters.erase(it);
      return true;
    }
    return false;
  };
  Letter to_need, to_support, to_none;
  std::string first_stance, support;
  for (const char* stance : {"need", "provided", "received"}) {
    auto lacks = [&](const Letter& l) { return !l.Describes(stance); };
    if (first_stance.empty() && take(lacks, &to_need)) {
      first_stance = stance;
    } else if (first_stance != stance && take(lacks, &to_support)) {
      support = stance;
      break;
    }
  }
  ASSERT_FALSE(support.empty())
      << "the letters received once describe every stance between them";
  ASSERT_TRUE(take([](const Letter&) { return true; }, &to_none));
  Json need = *to_need.Flagged(), provided = *to_support.Flagged(),
       none = *to_none.Flagged();

  Json spec = {{"reviewer", "Ana Reviewer"},
               {"submitter", ""},
               {"corrections",
                {{{"passage_id", need["passage_id"]},
                  {"theme", "waste"},
                  {"stance", first_stance}},
                 {{"passage_id", none["passage_id"]},
                  {"article14", ""},
                  {"activity", ""},
                  {"theme", ""},
                  {"stance", "other"}},
                 {{"passage_id", provided["passage_id"]},
                  {"article14", "14.3 14.1"},
                  {"activity", "e.project"},
                  {"theme", "products"},
                  {"stance", support}}}}};
  Json result;
  std::string saved = out + "/../review-decisions.json";
  ASSERT_TRUE(testing::ClickThroughReviewPage(out + "/review.html", spec, saved,
                                              &result));
  ASSERT_EQ(Intake("review import " + saved + " --out " + out), 0);

  std::vector<std::string> ids;
  for (const Json& id : result["corrected"])
    ids.push_back(id.get<std::string>());
  ASSERT_EQ(ids, std::vector<std::string>(
                     {need["passage_id"].get<std::string>(),
                      none["passage_id"].get<std::string>(),
                      provided["passage_id"].get<std::string>()}));
  auto expect_corrected = [&](const std::string& when) {
    std::map<std::string, Json> passages = PassagesById(out);
    const Json& a = passages[ids[0]];
    EXPECT_EQ(a["labels_from"], "reviewer") << when;
    EXPECT_EQ(a["theme"], Json({"waste"})) << when;
    EXPECT_EQ(a["stance"], first_stance) << when;
    const Json& b = passages[ids[1]];
    EXPECT_EQ(b["labels_from"], "reviewer") << when;
    EXPECT_EQ(b["article14"], Json::array()) << when;
    EXPECT_EQ(b["activity"], Json::array()) << when;
    EXPECT_EQ(b["theme"], Json::array()) << when;
    EXPECT_EQ(b["stance"], "other") << when;
    const Json& c = passages[ids[2]];
    EXPECT_EQ(c["article14"], Json({"14.1", "14.3"})) << when;
    EXPECT_EQ(c["activity"], Json({"e.project"})) << when;
    EXPECT_EQ(c["theme"], Json({"products"})) << when;
    EXPECT_EQ(c["stance"], support) << when;
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

  // The compilation of the rerun's records shows the reviewer's labels
  // and counts them.
  std::string figures_after = out + "/../figures-after.txt";
  ASSERT_EQ(Intake("compile --from " + out, figures_after), 0);
  auto before = Figures(figures_before), after = Figures(figures_after);
  auto figure_of = [](const std::string& stance) {
    return stance == "need" ? std::string("describe needs")
                            : "describe support " + stance;
  };
  EXPECT_FALSE(Lists(before[figure_of(first_stance)], to_need.submitter));
  EXPECT_TRUE(Lists(after[figure_of(first_stance)], to_need.submitter))
      << after[figure_of(first_stance)];
  const std::string figure = figure_of(support);
  EXPECT_FALSE(Lists(before[figure], to_support.submitter));
  EXPECT_TRUE(Lists(after[figure], to_support.submitter)) << after[figure];
  std::string html = ReadFileOrDie(out + "/compilation.html");
  const std::string reviewed = " <span class=\"reviewed\">(reviewed)</span>";
  std::string need_labels =
      LabelsShownFor(html, need["text"].get<std::string>());
  EXPECT_NE(
      need_labels.find("theme: waste · stance: " + first_stance + reviewed),
      std::string::npos)
      << need_labels;
  EXPECT_EQ(LabelsShownFor(html, none["text"].get<std::string>()),
            "no labels" + reviewed);
  EXPECT_EQ(LabelsShownFor(html, provided["text"].get<std::string>()),
            "article 14: 14.1 14.3 · activity: e.project · theme: products · "
            "stance: " +
                support + reviewed);

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
  // `intake status` counts them, newest decision by reviewer.
  std::string status = out + "/../status.txt";
  ASSERT_EQ(Intake("status " + out, status), 0);
  std::string summary = ReadFileOrDie(status);
  EXPECT_NE(summary.find("reviewers' decisions: 3 passages decided (4 "
                         "decisions imported"),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("  Ana Reviewer\t2\n  Ben Second\t1\n"),
            std::string::npos)
      << summary;

  // One bad code among good rows: an error naming it, nothing imported.
  Json bad = first;
  bad["decisions"][1]["theme"] = Json::array({"mercury"});
  bad["decisions"][2]["stance"] = "need";
  std::string bad_path = out + "/../bad.json";
  std::ofstream(bad_path) << bad.dump();
  ASSERT_EQ(Intake("review import " + bad_path + " --out " + out, "", err), 2);
  EXPECT_NE(ReadFileOrDie(err).find("decision 2 (" + ids[1] +
                                    "): unknown theme code \"mercury\""),
            std::string::npos);
  EXPECT_EQ(PassagesById(out)[ids[2]]["stance"], support);
  // A row the store does not hold is named with the bad code, not after
  // it is mended: every bad row at once.
  bad["decisions"][2]["text_sha256"] = std::string(64, '0');
  std::ofstream(bad_path) << bad.dump();
  ASSERT_EQ(Intake("review import " + bad_path + " --out " + out, "", err), 2);
  std::string both = ReadFileOrDie(err);
  EXPECT_NE(both.find("unknown theme code \"mercury\""), std::string::npos);
  EXPECT_NE(
      both.find("decision 3 (" + ids[2] + "): the store holds no passage"),
      std::string::npos)
      << both;
  EXPECT_NE(both.find("2 rows are wrong"), std::string::npos) << both;
  EXPECT_EQ(PassagesById(out)[ids[2]]["stance"], support);
}

// The same, with the shipped rules and model and the figures of
// fixtures/letter-sources/EXPECTED.md: the reviewer goes through
// review.html and corrects every passage whose stance puts its submitter
// on a list the letters do not (each one must be flagged, so on the
// page), giving it the direction its writer takes in the letters, or
// `other`; after the import and a rerun the
// compilation's three lists are the letters'. Which passages need it
// depends on what the shipped model reads, so they come from the run.
TEST(ReviewRoundTripTest, ShippedModelFiguresMatchTheLettersAfterReview) {
  std::string out = testing::MakeTempDir("review-shipped");
  std::string run = "run --quiet --jobs 2 --model '" +
                    testing::ShippedModelPath() + "' fixtures/letters --out " +
                    out;
  ASSERT_EQ(Intake(run), 0);
  const auto& lists = testing::kSubmittersByStance;
  std::map<std::string, std::string> submitter;
  for (const Json& d : ReadJsonLines(out + "/documents.jsonl")) {
    submitter[d["doc_id"]] = Name(d);
  }
  Json corrections = Json::array();
  for (const Json& p : ReadJsonLines(out + "/passages.jsonl")) {
    auto list = lists.find(p["stance"]);
    const std::string& who = submitter[p["doc_id"]];
    if (list == lists.end() || list->second.count(who)) continue;
    ASSERT_TRUE(p["needs_review"].get<bool>()) << who << ": " << p["text"];
    std::string stance = "other";
    for (const char* side : {"received", "provided"}) {
      if (p["stance"] != side && lists.at(side).count(who)) stance = side;
    }
    corrections.push_back(
        {{"passage_id", p["passage_id"]}, {"stance", stance}});
  }
  Json spec = {{"reviewer", "Ana Reviewer"},
               {"submitter", ""},
               {"corrections", corrections}};
  Json result;
  std::string saved = out + "/../shipped-decisions.json";
  ASSERT_TRUE(testing::ClickThroughReviewPage(out + "/review.html", spec, saved,
                                              &result));
  EXPECT_EQ(result["corrected"].size(), corrections.size());
  ASSERT_EQ(Intake("review import " + saved + " --out " + out), 0);
  ASSERT_EQ(Intake(run), 0);
  std::string figures = out + "/../shipped-figures.txt";
  ASSERT_EQ(Intake("compile --from " + out, figures), 0);
  auto after = Figures(figures);
  EXPECT_EQ(after["describe needs"], testing::kDescribeNeeds);
  EXPECT_EQ(after["describe support provided"],
            testing::kDescribeSupportProvided);
  EXPECT_EQ(after["describe support received"],
            testing::kDescribeSupportReceived);
}

}  // namespace
}  // namespace intake
