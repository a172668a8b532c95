// The diff of two runs (cli/run_diff.h) on small hand-made record sets.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/diff_report.h"
#include "cli/run_diff.h"

namespace intake {
namespace {

using Json = nlohmann::ordered_json;

struct Doc {
  std::string id;
  std::string status = "ok";
  std::string rules = "r1 aaaaaaaaaaaa";
};

struct Pass {
  std::string doc;
  std::string text;
  std::vector<std::string> article14 = {};
  std::vector<std::string> activity = {};
  std::vector<std::string> theme = {};
  std::string stance = "other";
};

// The two files of one run, as intake run would write them for these
// documents and passages (only the fields the diff reads, and a few more).
struct Records {
  Records(const std::vector<Doc>& docs, const std::vector<Pass>& passes) {
    std::ostringstream d, p;
    for (const Doc& doc : docs) {
      int count = 0;
      for (const Pass& pass : passes) {
        if (pass.doc != doc.id) continue;
        ++count;
        char id[32];
        std::snprintf(id, sizeof id, "-p%04d", count);
        Json j = {{"schema_version", 1},       {"record", "passage"},
                  {"doc_id", pass.doc},        {"passage_id", pass.doc + id},
                  {"text", pass.text},         {"article14", pass.article14},
                  {"activity", pass.activity}, {"theme", pass.theme},
                  {"stance", pass.stance},     {"rules_version", doc.rules}};
        p << j.dump() << "\n";
      }
      Json j = {{"schema_version", 1},       {"record", "document"},
                {"doc_id", doc.id},          {"path", "in/" + doc.id + ".pdf"},
                {"status", doc.status},      {"passages", count},
                {"rules_version", doc.rules}};
      d << j.dump() << "\n";
    }
    documents = d.str();
    passages = p.str();
  }
  Records(std::string documents_text, std::string passages_text)
      : documents(std::move(documents_text)),
        passages(std::move(passages_text)) {}

  std::string documents;
  std::string passages;
};

Status Diff(const Records& old_run, const Records& new_run, RunDiff* diff,
            DiffOptions options = DiffOptions()) {
  std::istringstream od(old_run.documents), op(old_run.passages),
      nd(new_run.documents), np(new_run.passages);
  return DiffRuns({"old/documents.jsonl", &od, "old/passages.jsonl", &op},
                  {"new/documents.jsonl", &nd, "new/passages.jsonl", &np},
                  options, diff);
}

RunDiff DiffOk(const Records& old_run, const Records& new_run,
               DiffOptions options = DiffOptions()) {
  RunDiff diff;
  Status s = Diff(old_run, new_run, &diff, options);
  EXPECT_TRUE(s.ok()) << s.message();
  return diff;
}

// "code gained lost" of every changed code of `dimension`.
std::vector<std::string> Codes(const RunDiff& diff,
                               const std::string& dimension) {
  std::vector<std::string> out;
  for (const DimensionChanges& d : diff.labels) {
    if (d.dimension != dimension) continue;
    for (const CodeChange& c : d.codes) {
      out.push_back(c.code + " " + std::to_string(c.gained) + " " +
                    std::to_string(c.lost));
    }
  }
  return out;
}

const std::vector<Doc> kTwoDocs = {{"d1"}, {"d2"}};
const std::vector<Pass> kPassages = {
    {"d1", "Dear Sir,"},
    {"d1",
     "We need training on ASGM.",
     {"a"},
     {"b.training"},
     {"asgm"},
     "need"},
    {"d1", "Annex"},
    {"d1", "Annex"},
    {"d2", "Sweden provided funds.", {"b"}, {}, {"dental"}, "provided"},
};

TEST(DiffRunsTest, IdenticalRunsHaveNoDifferences) {
  Records run(kTwoDocs, kPassages);
  RunDiff diff = DiffOk(run, run);
  EXPECT_FALSE(diff.HasDifferences());
  EXPECT_EQ(diff.old_documents, 2);
  EXPECT_EQ(diff.matched_passages, 5);
  ASSERT_EQ(diff.labels.size(), 4u);
  for (const DimensionChanges& d : diff.labels) EXPECT_TRUE(d.codes.empty());
  EXPECT_EQ(diff.passages_only_old + diff.passages_only_new, 0);
  EXPECT_EQ(diff.old_rules_versions, diff.new_rules_versions);
  EXPECT_NE(FormatDiffText(diff, "a", "b").find("no differences"),
            std::string::npos);
}

TEST(DiffRunsTest, LabelsGainedAndLostPerCode) {
  std::vector<Pass> changed = kPassages;
  changed[1].theme = {};                            // asgm lost
  changed[1].activity = {"b.training", "b.trade"};  // b.trade gained
  changed[1].stance = "received";     // need lost, received gained
  changed[4].article14 = {"a", "b"};  // a gained
  RunDiff diff =
      DiffOk(Records(kTwoDocs, kPassages), Records(kTwoDocs, changed));
  EXPECT_TRUE(diff.HasDifferences());
  EXPECT_EQ(Codes(diff, "article14"), std::vector<std::string>{"a 1 0"});
  EXPECT_EQ(Codes(diff, "activity"), std::vector<std::string>{"b.trade 1 0"});
  EXPECT_EQ(Codes(diff, "theme"), std::vector<std::string>{"asgm 0 1"});
  EXPECT_EQ(Codes(diff, "stance"),
            (std::vector<std::string>{"need 0 1", "received 1 0"}));
  EXPECT_EQ(diff.passages_only_old + diff.passages_only_new, 0);
  EXPECT_TRUE(diff.status_changes.empty());
}

TEST(DiffRunsTest, LabelCountsAddUpOverPassages) {
  std::vector<Pass> old_passages = kPassages, new_passages = kPassages;
  old_passages[2].theme = {"asgm"};
  old_passages[3].theme = {"asgm"};
  old_passages[4].theme = {"asgm", "dental"};
  RunDiff diff =
      DiffOk(Records(kTwoDocs, old_passages), Records(kTwoDocs, new_passages));
  ASSERT_EQ(diff.labels[2].codes.size(), 1u);
  EXPECT_EQ(diff.labels[2].codes[0].lost, 3);
  EXPECT_EQ(diff.labels[2].codes[0].net(), -3);
}

TEST(DiffRunsTest, StatusAndPassageCountChanges) {
  std::vector<Doc> docs = kTwoDocs;
  docs[1].status = "corrupt";
  std::vector<Pass> passages(kPassages.begin(), kPassages.end() - 1);
  RunDiff diff = DiffOk(Records(kTwoDocs, kPassages), Records(docs, passages));
  ASSERT_EQ(diff.status_changes.size(), 1u);
  EXPECT_EQ(diff.status_changes[0].doc.path, "in/d2.pdf");
  EXPECT_EQ(diff.status_changes[0].old_status, "ok");
  EXPECT_EQ(diff.status_changes[0].new_status, "corrupt");
  ASSERT_EQ(diff.passage_count_changes.size(), 1u);
  EXPECT_EQ(diff.passage_count_changes[0].old_count, 1);
  EXPECT_EQ(diff.passage_count_changes[0].new_count, 0);
  // Its passage is gone from NEW: a text change, not a label loss.
  EXPECT_EQ(diff.passages_only_old, 1);
  EXPECT_TRUE(Codes(diff, "theme").empty());
  ASSERT_EQ(diff.text_examples.size(), 1u);
  EXPECT_EQ(diff.text_examples[0].text, "Sweden provided funds.");
  EXPECT_EQ(diff.text_examples[0].passage_id, "d2-p0001");
}

TEST(DiffRunsTest, DocumentsOnlyInOneRun) {
  std::vector<Doc> old_docs = {{"d1"}, {"gone"}};
  std::vector<Doc> new_docs = {{"d1"}, {"d2"}};
  std::vector<Pass> old_passages(kPassages.begin(), kPassages.end() - 1);
  old_passages.push_back({"gone", "Old letter.", {}, {}, {"asgm"}});
  RunDiff diff =
      DiffOk(Records(old_docs, old_passages), Records(new_docs, kPassages));
  ASSERT_EQ(diff.only_old.size(), 1u);
  EXPECT_EQ(diff.only_old[0].doc_id, "gone");
  ASSERT_EQ(diff.only_new.size(), 1u);
  EXPECT_EQ(diff.only_new[0].path, "in/d2.pdf");
  // Passages of documents of one run only are neither label nor text
  // changes: the document lines say it all.
  EXPECT_TRUE(Codes(diff, "theme").empty());
  EXPECT_EQ(diff.passages_only_old + diff.passages_only_new, 0);
  EXPECT_TRUE(diff.HasDifferences());
}

TEST(DiffRunsTest, ChangedTextIsPassagesInOneRunOnly) {
  std::vector<Pass> changed = kPassages;
  changed[0].text = "Dear Madam,";
  // An extra passage first shifts every passage_id after it; matching by
  // text still pairs the others.
  changed.insert(changed.begin(), Pass{"d1", "REPUBLIC OF X"});
  RunDiff diff =
      DiffOk(Records(kTwoDocs, kPassages), Records(kTwoDocs, changed));
  EXPECT_EQ(diff.passages_only_old, 1);
  EXPECT_EQ(diff.passages_only_new, 2);
  EXPECT_EQ(diff.documents_with_text_changes, 1);
  EXPECT_EQ(diff.matched_passages, 4);
  for (const DimensionChanges& d : diff.labels) EXPECT_TRUE(d.codes.empty());
  ASSERT_EQ(diff.text_examples.size(), 3u);
  EXPECT_FALSE(diff.text_examples[0].added);
  EXPECT_EQ(diff.text_examples[0].text, "Dear Sir,");
  EXPECT_EQ(diff.text_examples[0].passage_id, "d1-p0001");
  EXPECT_TRUE(diff.text_examples[1].added);
  EXPECT_EQ(diff.text_examples[1].text, "REPUBLIC OF X");
  EXPECT_EQ(diff.text_examples[2].text, "Dear Madam,");
  EXPECT_EQ(diff.text_examples[2].passage_id, "d1-p0002");
}

TEST(DiffRunsTest, RepeatedTextMatchesAsOftenAsItOccurs) {
  std::vector<Pass> fewer = kPassages;
  fewer.erase(fewer.begin() + 3);  // one "Annex" of two
  RunDiff diff = DiffOk(Records(kTwoDocs, kPassages), Records(kTwoDocs, fewer));
  EXPECT_EQ(diff.passages_only_old, 1);
  EXPECT_EQ(diff.passages_only_new, 0);
  ASSERT_EQ(diff.text_examples.size(), 1u);
  EXPECT_EQ(diff.text_examples[0].text, "Annex");
}

TEST(DiffRunsTest, ExamplesAreBoundedAndCut) {
  std::vector<Pass> changed = kPassages;
  changed[0].text = "Dear Madam and Sir, ñandú";
  changed[1].text = "Something else";
  DiffOptions options;
  options.examples = 2;
  options.example_chars = 7;
  RunDiff diff =
      DiffOk(Records(kTwoDocs, kPassages), Records(kTwoDocs, changed), options);
  EXPECT_EQ(diff.passages_only_old + diff.passages_only_new, 4);
  ASSERT_EQ(diff.text_examples.size(), 2u);
  EXPECT_EQ(diff.text_examples[0].text, "Dear Si\u2026");
  std::string text = FormatDiffText(diff, "a", "b");
  EXPECT_NE(text.find("(2 of 4 shown"), std::string::npos) << text;

  options.examples = 0;
  diff =
      DiffOk(Records(kTwoDocs, kPassages), Records(kTwoDocs, changed), options);
  EXPECT_TRUE(diff.text_examples.empty());
  EXPECT_EQ(diff.passages_only_new, 2);
}

TEST(DiffRunsTest, RulesVersionChangeIsADifference) {
  std::vector<Doc> docs = kTwoDocs;
  for (Doc& d : docs) d.rules = "r2 bbbbbbbbbbbb";
  RunDiff diff = DiffOk(Records(kTwoDocs, kPassages), Records(docs, kPassages));
  EXPECT_TRUE(diff.HasDifferences());
  EXPECT_EQ(diff.old_rules_versions,
            std::vector<std::string>{"r1 aaaaaaaaaaaa"});
  EXPECT_EQ(diff.new_rules_versions,
            std::vector<std::string>{"r2 bbbbbbbbbbbb"});
  EXPECT_NE(FormatDiffText(diff, "a", "b")
                .find("rules_version: r1 aaaaaaaaaaaa -> r2 bbbbbbbbbbbb"),
            std::string::npos);
}

TEST(DiffReportTest, TextTableAndJsonAgree) {
  std::vector<Pass> changed = kPassages;
  changed[1].theme = {};
  RunDiff diff =
      DiffOk(Records(kTwoDocs, kPassages), Records(kTwoDocs, changed));
  std::string text = FormatDiffText(diff, "old", "new");
  EXPECT_NE(text.find("  theme:\n    code                      gained    "
                      "lost     net\n    asgm                           0  "
                      "     1      -1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  article14: no change\n"), std::string::npos);
  Json j = DiffJson(diff, "old", "new");
  EXPECT_EQ(j["differences"], true);
  EXPECT_EQ(j["labels"]["theme"][0]["code"], "asgm");
  EXPECT_EQ(j["labels"]["theme"][0]["lost"], 1);
  EXPECT_EQ(j["labels"]["theme"][0]["net"], -1);
  EXPECT_EQ(j["labels"]["matched_passages"], 5);
  EXPECT_EQ(j["text"]["only_old"], 0);
  EXPECT_TRUE(j["documents"]["only_new"].empty());
}

// Every input the diff refuses, with the FILE:LINE its message names.
TEST(DiffRunsTest, MalformedInputNamesFileAndLine) {
  Records good(kTwoDocs, kPassages);
  std::string doc1 = good.documents.substr(0, good.documents.find('\n') + 1);
  std::string first_passage =
      good.passages.substr(0, good.passages.find('\n') + 1);
  struct Case {
    Records old_run;
    std::string where;
    std::string what;
  } cases[] = {
      {Records(good.documents, first_passage + "{\"schema_version\": 1,\n"),
       "old/passages.jsonl:2: ", "not valid JSON"},
      {Records(doc1 + "[1, 2]\n", good.passages),
       "old/documents.jsonl:2: ", "not a JSON object"},
      {Records("\n" + doc1 + "{\"record\":\"document\"}\n", good.passages),
       "old/documents.jsonl:3: ", "no schema_version"},
      {Records(R"({"schema_version":2,"record":"document"})"
               "\n",
               ""),
       "old/documents.jsonl:1: ", "schema_version 2 is not the version"},
      {Records(good.passages, good.passages),
       "old/documents.jsonl:1: ", "not a document record"},
      {Records(doc1 + doc1, ""),
       "old/documents.jsonl:2: ", "document d1 is listed twice"},
      {Records(R"({"schema_version":1,"record":"document","doc_id":"d1"})"
               "\n",
               ""),
       "old/documents.jsonl:1: ", "field \"path\" is missing"},
      {Records(good.documents,
               R"({"schema_version":1,"record":"passage","doc_id":"d1",)"
               R"("passage_id":"x","text":"t","article14":"a"})"
               "\n"),
       "old/passages.jsonl:1: ",
       "field \"article14\" is missing or not an "
       "array of strings"},
      {Records(
           good.documents,
           first_passage + good.passages.substr(good.passages.rfind("{\"sch"))),
       "old/passages.jsonl:2: ", ""},  // a good run: d1, then d2
      {Records(doc1, good.passages), "old/passages.jsonl:5: ",
       "passage of document d2, which the documents file does not list"},
      {Records(good.documents, good.passages + first_passage),
       "old/passages.jsonl:6: ", "passages of document d1 are not together"},
  };
  for (const Case& c : cases) {
    RunDiff diff;
    Status s = Diff(c.old_run, good, &diff);
    if (c.what.empty()) {
      EXPECT_TRUE(s.ok()) << s.message();
      continue;
    }
    EXPECT_EQ(s.code(), Status::Code::kCorrupt) << c.where << c.what;
    EXPECT_EQ(s.message().rfind(c.where + c.what, 0), 0u)
        << s.message() << "\nwanted: " << c.where << c.what;
  }
  // NEW is checked the same way, with its own names.
  RunDiff diff;
  Status s =
      Diff(good, Records(good.documents, good.passages + "oops\n"), &diff);
  EXPECT_EQ(s.message().rfind("new/passages.jsonl:6: not valid JSON", 0), 0u)
      << s.message();
  s = Diff(good, Records(good.documents, good.passages + first_passage), &diff);
  EXPECT_EQ(
      s.message().rfind("new/passages.jsonl:6: passages of document d1", 0), 0u)
      << s.message();
}

TEST(DiffFoldersTest, MissingFolderOrFileIsNotFound) {
  RunDiff diff;
  Status s = DiffFolders("/no/such/folder", "/tmp", DiffOptions(), &diff);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("/no/such/folder: no such folder"),
            std::string::npos)
      << s.message();
  s = DiffFolders("/", "/", DiffOptions(), &diff);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("documents.jsonl: cannot open"), std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace intake
