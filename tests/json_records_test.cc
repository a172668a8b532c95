#include "pipeline/json_records.h"

#include <gtest/gtest.h>

#include <cmath>

namespace intake {
namespace {

DocumentRecord Sample() {
  DocumentRecord r;
  r.doc_id = std::string(64, 'a');
  r.path = "in/lettre \"1\".pdf";
  r.provenance = {{"file", "in/lettre \"1\".pdf"}};
  r.format = Format::kPdf;
  r.mime = "application/pdf";
  r.size = 1234;
  r.meta.pages = 2;
  r.meta.title = "Soumission de la Côte d'Ivoire";
  r.meta.extraction = "poppler-text+ocr";
  r.meta.ocr_pages = {{2, "no_text", 0.91349}};
  r.lang = "fr";
  r.convention_subject = "named";
  r.rules_version = "2026.11.1+abc";
  r.model_version = "0123456789ab";
  Passage p;
  p.kind = PassageKind::kParagraph;
  p.page = 1;
  p.start = 0;
  p.end = 5;
  p.number = "1.";
  p.text = "1. Côte";
  p.lang = "fr";
  p.labels.article14 = {"14.1"};
  p.labels.stance = "need";
  p.labels.confidence = {{"article14:14.1", 0.123456},
                         {"stance:need", 2.0 / 3}};
  p.labels.evidence = {{"article14:14.1", 3, 7, "Côte"}};
  p.labels.entities = {{"state", 3, 7, "Côte", "CIV"}};
  r.passages = {p};
  r.passage_count = 1;
  return r;
}

TEST(JsonRecordsTest, DocumentRecordExactBytes) {
  EXPECT_EQ(
      DocumentJson(Sample()),
      R"({"schema_version":1,"record":"document","doc_id":")" +
          std::string(64, 'a') +
          R"(","path":"in/lettre \"1\".pdf","other_paths":[],"provenance":[{"type":"file","name":"in/lettre \"1\".pdf"}],"container_id":"","embedded":0,"format":"pdf","mime":"application/pdf","size":1234,"pages":2,"title":"Soumission de la Côte d'Ivoire","author":"","created":"","lang":"fr","submitter":null,"convention_subject":"named","extraction":"poppler-text+ocr","ocr_pages":[{"page":2,"reason":"no_text","confidence":0.913}],"mail":null,"status":"ok","warnings":[],"error":"","passages":1,"rules_version":"2026.11.1+abc","model_version":"0123456789ab"})");
}

TEST(JsonRecordsTest, PassageRecordExactBytes) {
  EXPECT_EQ(
      PassageJson(Sample(), 0),
      R"({"schema_version":1,"record":"passage","doc_id":")" +
          std::string(64, 'a') +
          R"(","passage_id":"aaaaaaaaaaaaaaaa-p0001","page":1,"start":0,"end":5,"kind":"paragraph","furniture":"","number":"1.","text":"1. Côte","lang":"fr","ocr_confidence":null,"article14":["14.1"],"activity":[],"theme":[],"stance":"need","confidence":{"article14:14.1":0.123,"stance:need":0.667},"evidence":[{"label":"article14:14.1","start":3,"end":7,"text":"Côte","source":"rules"}],"needs_review":false,"review_reasons":[],"entities":[{"type":"state","start":3,"end":7,"text":"Côte","id":"CIV"}],"labels_from":"rules","rules_version":"2026.11.1+abc","model_version":"0123456789ab"})");
}

TEST(JsonRecordsTest, PassageOcrConfidenceIsRoundedWhenOcred) {
  DocumentRecord r = Sample();
  r.passages[0].ocr_confidence = 0.87654;
  EXPECT_NE(PassageJson(r, 0).find(R"("lang":"fr","ocr_confidence":0.877,)"),
            std::string::npos);
}

TEST(JsonRecordsTest, PassageIds) {
  EXPECT_EQ(PassageId("0123456789abcdef0123", 0), "0123456789abcdef-p0001");
  EXPECT_EQ(PassageId("0123456789abcdef0123", 41), "0123456789abcdef-p0042");
}

TEST(JsonRecordsTest, FailureStatuses) {
  DocumentRecord r;
  for (const char* s : {kStatusOk, kStatusOkWithWarnings}) {
    r.status = s;
    EXPECT_FALSE(IsFailure(r)) << s;
  }
  for (const char* s : {kStatusEmpty, kStatusEncrypted, kStatusUnsupported,
                        kStatusCorrupt, kStatusUnreadable}) {
    r.status = s;
    EXPECT_TRUE(IsFailure(r)) << s;
  }
}

// LabelsJsonFields writes by hand what LabelsJson builds and nlohmann
// dumps; every kind of string and number a label can carry must agree.
TEST(JsonRecordsTest, LabelsFieldsAreWhatTheJsonTreeDumps) {
  std::vector<Labels> cases(3);
  cases[1].article14 = {"14.1", "14.4b"};
  cases[1].theme = {"asgm"};
  cases[1].stance = "need";
  cases[1].confidence = {{"article14:14.1", 0.1},  {"article14:14.4b", 1.0},
                         {"stance:need", 2.0 / 3}, {"theme:asgm", 1e-5},
                         {"activity:x", 0.0},      {"theme:y", 123456789.0},
                         {"stance:other", 0.00049}};
  cases[1].evidence = {
      {"article14:14.1", 0, 4, "ctl \x01\x1f\x7f \b\t\n\f\r \"q\" \\ /"},
      {"theme:asgm", 5, 9, "Côte d’Ivoire 中文 😀", "model"},
      {"theme:asgm", 9, 10, std::string("bad \xff\xfe utf-8 \xc3", 14)}};
  cases[1].needs_review = true;
  cases[1].review_reasons = {"low_confidence", "no_label"};
  cases[2].activity = {"b.trade"};
  cases[2].stance = "éè";
  for (const Labels& labels : cases) {
    nlohmann::ordered_json tree = LabelsJson(labels);
    auto fields = LabelsJsonFields(labels);
    ASSERT_EQ(fields.size(), tree.size());
    size_t i = 0;
    for (auto it = tree.begin(); it != tree.end(); ++it, ++i) {
      EXPECT_EQ(fields[i].first, it.key());
      EXPECT_EQ(fields[i].second,
                it->dump(-1, ' ', false,
                         nlohmann::ordered_json::error_handler_t::replace))
          << it.key();
    }
  }
}

// PassageJson as it was first written, through an nlohmann tree: the
// reference for the hand-written one.
std::string PassageJsonThroughTree(const DocumentRecord& r, size_t index) {
  const Passage& p = r.passages[index];
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["schema_version"] = kSchemaVersion;
  j["record"] = "passage";
  j["doc_id"] = r.doc_id;
  j["passage_id"] = PassageId(r.doc_id, index);
  j["page"] = p.page;
  j["start"] = p.start;
  j["end"] = p.end;
  j["kind"] = std::string(PassageKindName(p.kind));
  j["furniture"] = p.furniture;
  j["number"] = p.number;
  j["text"] = p.text;
  j["lang"] = p.lang;
  if (p.ocr_confidence >= 0) {
    j["ocr_confidence"] = std::round(p.ocr_confidence * 1000.0) / 1000.0;
  } else {
    j["ocr_confidence"] = nullptr;
  }
  nlohmann::ordered_json fields = LabelsJson(p.labels);
  for (auto it = fields.begin(); it != fields.end(); ++it) j[it.key()] = *it;
  j["labels_from"] = "rules";
  j["rules_version"] = r.rules_version;
  j["model_version"] = r.model_version;
  return j.dump(-1, ' ', false,
                nlohmann::ordered_json::error_handler_t::replace);
}

// Every kind of string the tree's dump treats apart: escapes, controls,
// DEL, each length of UTF-8, and each way UTF-8 can be ill-formed
// (overlong, surrogate, past U+10FFFF, cut short, stray continuation).
TEST(JsonRecordsTest, PassageRecordIsWhatTheJsonTreeDumps) {
  const std::vector<std::string> texts = {
      "",
      "plain ascii",
      "ctl \x01\x1f\x7f \b\t\n\f\r \"q\" \\ /",
      "Côte d’Ivoire 中文 😀 \u00a0\u2028",
      "\xef\xbf\xbf \xf4\x8f\xbf\xbf \xe0\xa0\x80 \xf0\x90\x80\x80",
      "overlong \xc0\x80 \xc1\xbf \xe0\x80\x80 \xf0\x80\x80\x80",
      "surrogate \xed\xa0\x80 \xed\xbf\xbf then \xed\x9f\xbf ok",
      "past \xf4\x90\x80\x80 \xf5\x80\x80\x80 \xff \xfe",
      "cut \xe2\x80",
      "cut \xf0\x9f\x98 mid",
      "stray \x80\xbf continuation",
      std::string("nul \0 inside", 13),
      std::string(600, 'x') + "é" + std::string(600, '"'),
  };
  DocumentRecord r = Sample();
  Passage base = r.passages[0];
  r.passages.clear();
  for (const std::string& text : texts) {
    Passage p = base;
    p.text = text;
    p.number = text.substr(0, 5);
    p.furniture = text.size() > 3 ? text.substr(text.size() - 3) : text;
    p.labels.evidence.push_back({"theme:asgm", 1, 2, text, "model"});
    r.passages.push_back(p);
  }
  r.passages[1].ocr_confidence = 0.87654;
  r.passages[2].ocr_confidence = 1.0;
  r.passages[3].ocr_confidence = 0.0;
  r.passages[4].kind = PassageKind::kFurniture;
  r.passages[5].page = 0;
  r.passages[5].start = -1;
  r.passages[6].labels = Labels();
  r.rules_version = "r\xc3\xa9gles \xff";
  for (size_t i = 0; i < r.passages.size(); ++i) {
    EXPECT_EQ(PassageJson(r, i), PassageJsonThroughTree(r, i)) << i;
  }
}

}  // namespace
}  // namespace intake
