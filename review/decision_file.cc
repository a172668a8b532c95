#include "review/decision_file.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "classifiers/taxonomy.h"
#include "review/csv.h"

namespace intake {
namespace {

using Json = nlohmann::json;

bool IsHex64(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::vector<std::string> SplitCodes(const std::string& cell) {
  std::vector<std::string> codes;
  std::string code;
  for (char c : cell + " ") {
    if (c == ' ' || c == ',' || c == ';' || c == '\t' || c == '\n' ||
        c == '\r') {
      if (!code.empty()) codes.push_back(code);
      code.clear();
    } else {
      code += c;
    }
  }
  return codes;
}

// Checks and sorts `codes` of `dimension` into taxonomy order; an unknown
// code adds a problem.
void CheckCodes(std::string_view dimension, std::vector<std::string>* codes,
                std::vector<std::string>* problems) {
  for (const std::string& c : *codes) {
    if (!IsKnownCode(dimension, c)) {
      problems->push_back("unknown " + std::string(dimension) + " code \"" + c +
                          "\"");
    }
  }
  std::sort(codes->begin(), codes->end(),
            [&](const std::string& a, const std::string& b) {
              return TaxonomyRank(dimension, a) < TaxonomyRank(dimension, b);
            });
  codes->erase(std::unique(codes->begin(), codes->end()), codes->end());
}

// Checks a decision filled from either form; "" when it is good.
std::string Check(ReviewDecision* d) {
  std::vector<std::string> problems;
  if (!IsHex64(d->doc_id)) problems.push_back("doc_id is not 64 hex digits");
  if (!IsHex64(d->text_sha256)) {
    problems.push_back("text_sha256 is not 64 hex digits");
  }
  CheckCodes(kArticle14, &d->article14, &problems);
  CheckCodes(kActivity, &d->activity, &problems);
  CheckCodes(kTheme, &d->theme, &problems);
  if (!IsKnownCode(kStance, d->stance)) {
    problems.push_back("unknown stance \"" + d->stance +
                       "\" (need, provided, received or other)");
  }
  if (d->reviewer.empty()) {
    problems.push_back(
        "no reviewer: fill the reviewer column or pass --reviewer NAME");
  }
  std::string out;
  for (const std::string& p : problems) out += (out.empty() ? "" : "; ") + p;
  return out;
}

void ReadCsv(const std::string& name, const std::string& data,
             const std::string& reviewer, const std::string& now,
             std::vector<DecisionRow>* rows, std::vector<std::string>* errors) {
  std::vector<CsvRecord> records;
  Status s = ParseCsv(data, &records);
  if (!s.ok()) {
    errors->push_back(name + ": " + s.message());
    return;
  }
  if (records.empty()) return;
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < records[0].cells.size(); ++i) {
    column[records[0].cells[i]] = i;
  }
  for (const char* needed : {"passage_id", "doc_id", "text_sha256", "article14",
                             "activity", "theme", "stance", "decision"}) {
    if (!column.count(needed)) {
      errors->push_back(name + ":1: no column \"" + needed +
                        "\": not a review.csv written by intake");
      return;
    }
  }
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    auto cell = [&](const char* key) {
      auto it = column.find(key);
      if (it == column.end() || it->second >= record.cells.size())
        return std::string();
      return Unneutralise(record.cells[it->second]);
    };
    std::string decision = cell("decision");
    bool corrected = false;
    for (const char* key : {"reviewer_article14", "reviewer_activity",
                            "reviewer_theme", "reviewer_stance"}) {
      corrected = corrected || !cell(key).empty();
    }
    if (decision.empty() && !corrected) continue;  // not reviewed
    std::string where = name + ":" + std::to_string(record.line);
    if (decision != "accept" && decision != "correct" && !decision.empty()) {
      errors->push_back(where + ": decision \"" + decision +
                        "\" is neither accept nor correct");
      continue;
    }
    DecisionRow row;
    row.where = where;
    ReviewDecision& d = row.decision;
    d.passage_id = cell("passage_id");
    d.doc_id = cell("doc_id");
    d.text_sha256 = cell("text_sha256");
    // An empty reviewer column keeps what was proposed; "none" clears it.
    auto labels = [&](const char* proposed, const char* reviewed) {
      std::string value = cell(reviewed);
      if (decision == "accept" || value.empty()) value = cell(proposed);
      if (value == "none") value.clear();
      return SplitCodes(value);
    };
    d.article14 = labels("article14", "reviewer_article14");
    d.activity = labels("activity", "reviewer_activity");
    d.theme = labels("theme", "reviewer_theme");
    d.stance = cell("reviewer_stance");
    if (decision == "accept" || d.stance.empty()) d.stance = cell("stance");
    d.reviewer = cell("reviewer").empty() ? reviewer : cell("reviewer");
    d.comment = cell("comment");
    d.decided_at = now;
    std::string problem = Check(&d);
    if (!problem.empty()) {
      errors->push_back(where + " (" + d.passage_id + "): " + problem);
      continue;
    }
    rows->push_back(std::move(row));
  }
}

std::vector<std::string> JsonCodes(const Json& j, const char* key,
                                   std::vector<std::string>* problems) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) {
    problems->push_back(std::string("\"") + key + "\" is not a list of codes");
    return out;
  }
  for (const Json& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

void ReadJson(const std::string& name, const Json& file,
              const std::string& reviewer, const std::string& now,
              std::vector<DecisionRow>* rows,
              std::vector<std::string>* errors) {
  if (file.value("format", "") != "intake-review-decisions" ||
      file.value("version", 0) != 1) {
    errors->push_back(name +
                      ": not a decisions file of version 1 saved by "
                      "review.html (format \"intake-review-decisions\")");
    return;
  }
  std::string file_reviewer = file.value("reviewer", "");
  if (file_reviewer.empty()) file_reviewer = reviewer;
  const Json& list = file.contains("decisions") ? file["decisions"] : Json();
  if (!list.is_array()) {
    errors->push_back(name + ": \"decisions\" is not a list");
    return;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const Json& j = list[i];
    DecisionRow row;
    row.where = name + ": decision " + std::to_string(i + 1);
    if (!j.is_object()) {
      errors->push_back(row.where + ": not an object");
      continue;
    }
    std::vector<std::string> problems;
    ReviewDecision& d = row.decision;
    d.passage_id = j.value("passage_id", "");
    d.doc_id = j.value("doc_id", "");
    d.text_sha256 = j.value("text_sha256", "");
    d.article14 = JsonCodes(j, "article14", &problems);
    d.activity = JsonCodes(j, "activity", &problems);
    d.theme = JsonCodes(j, "theme", &problems);
    d.stance = j.value("stance", "");
    d.comment = j.value("comment", "");
    d.reviewer = j.value("reviewer", file_reviewer);
    d.decided_at = j.value("decided_at", now);
    std::string problem = Check(&d);
    if (!problem.empty()) problems.push_back(problem);
    if (!problems.empty()) {
      std::string all;
      for (const std::string& p : problems)
        all += (all.empty() ? "" : "; ") + p;
      errors->push_back(row.where + " (" + d.passage_id + "): " + all);
      continue;
    }
    rows->push_back(std::move(row));
  }
}

}  // namespace

std::string DecisionFileJson(const std::vector<ReviewDecision>& decisions,
                             bool history) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ReviewDecision& d : decisions) {
    nlohmann::ordered_json j = {
        {"passage_id", d.passage_id},   {"doc_id", d.doc_id},
        {"text_sha256", d.text_sha256}, {"article14", d.article14},
        {"activity", d.activity},       {"theme", d.theme},
        {"stance", d.stance},           {"comment", d.comment},
        {"reviewer", d.reviewer},       {"decided_at", d.decided_at}};
    if (history) {
      j["decision_id"] = d.decision_id;
      j["imported_at"] = d.imported_at;
      j["source"] = d.source;
    }
    j["text"] = d.text;
    list.push_back(j);
  }
  nlohmann::ordered_json file = {{"format", "intake-review-decisions"},
                                 {"version", 1},
                                 {"reviewer", ""},
                                 {"decisions", list}};
  return file.dump(1, ' ', /*ensure_ascii=*/false,
                   nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

Status ReadDecisionFile(const std::string& path, const std::string& reviewer,
                        const std::string& now, std::vector<DecisionRow>* rows,
                        std::vector<std::string>* errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open for reading");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string data = buffer.str();
  size_t first = data.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && data[first] == '{') {
    Json file = Json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (file.is_discarded()) {
      return Status::Corrupt(path + ": not valid JSON");
    }
    ReadJson(path, file, reviewer, now, rows, errors);
  } else {
    ReadCsv(path, data, reviewer, now, rows, errors);
  }
  return Status::Ok();
}

}  // namespace intake
