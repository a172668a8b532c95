#include "pipeline/json_records.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "pipeline/json_text.h"

namespace intake {
namespace {

using Json = nlohmann::ordered_json;

// Confidences are rounded to three decimals so that a rounding difference
// in the last bit of a double can never change the bytes of a record.
double Round3(double x) { return std::round(x * 1000.0) / 1000.0; }

Json StringArray(const std::vector<std::string>& items) {
  Json array = Json::array();
  for (const std::string& s : items) array.push_back(s);
  return array;
}

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', /*ensure_ascii=*/false,
                Json::error_handler_t::replace);
}

std::string StringArrayText(const std::vector<std::string>& items) {
  std::string out;
  AppendJsonStrings(items, &out);
  return out;
}

}  // namespace

bool IsFailure(const DocumentRecord& record) {
  return record.status != kStatusOk && record.status != kStatusOkWithWarnings;
}

std::vector<std::pair<std::string_view, std::string>> LabelsJsonFields(
    const Labels& labels) {
  std::vector<std::pair<std::string_view, std::string>> out;
  out.reserve(8);
  out.emplace_back("article14", StringArrayText(labels.article14));
  out.emplace_back("activity", StringArrayText(labels.activity));
  out.emplace_back("theme", StringArrayText(labels.theme));
  std::string stance;
  AppendJsonString(labels.stance, &stance);
  out.emplace_back("stance", std::move(stance));
  std::string confidence = "{";
  for (const auto& [label, value] : labels.confidence) {
    if (confidence.size() > 1) confidence += ',';
    AppendJsonString(label, &confidence);
    confidence += ':';
    AppendJsonNumber(Round3(value), &confidence);
  }
  confidence += '}';
  out.emplace_back("confidence", std::move(confidence));
  std::string evidence = "[";
  for (const Evidence& e : labels.evidence) {
    if (evidence.size() > 1) evidence += ',';
    evidence += "{\"label\":";
    AppendJsonString(e.label, &evidence);
    evidence += ",\"start\":" + std::to_string(e.start);
    evidence += ",\"end\":" + std::to_string(e.end);
    evidence += ",\"text\":";
    AppendJsonString(e.text, &evidence);
    evidence += ",\"source\":";
    AppendJsonString(e.source, &evidence);
    evidence += '}';
  }
  evidence += ']';
  out.emplace_back("evidence", std::move(evidence));
  out.emplace_back("needs_review", labels.needs_review ? "true" : "false");
  out.emplace_back("review_reasons", StringArrayText(labels.review_reasons));
  std::string entities = "[";
  for (const Entity& e : labels.entities) {
    if (entities.size() > 1) entities += ',';
    entities += "{\"type\":";
    AppendJsonString(e.type, &entities);
    entities += ",\"start\":" + std::to_string(e.start);
    entities += ",\"end\":" + std::to_string(e.end);
    entities += ",\"text\":";
    AppendJsonString(e.text, &entities);
    entities += ",\"id\":";
    AppendJsonString(e.id, &entities);
    entities += '}';
  }
  entities += ']';
  out.emplace_back("entities", std::move(entities));
  return out;
}

std::string PassageId(std::string_view doc_id, size_t index) {
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "-p%04zu", index + 1);
  return std::string(doc_id.substr(0, 16)) + suffix;
}

Json LabelsJson(const Labels& labels) {
  Json j = Json::object();
  j["article14"] = StringArray(labels.article14);
  j["activity"] = StringArray(labels.activity);
  j["theme"] = StringArray(labels.theme);
  j["stance"] = labels.stance;
  Json confidence = Json::object();
  for (const auto& [label, value] : labels.confidence) {
    confidence[label] = Round3(value);
  }
  j["confidence"] = confidence;
  Json evidence = Json::array();
  for (const Evidence& e : labels.evidence) {
    evidence.push_back({{"label", e.label},
                        {"start", e.start},
                        {"end", e.end},
                        {"text", e.text},
                        {"source", e.source}});
  }
  j["evidence"] = evidence;
  j["needs_review"] = labels.needs_review;
  j["review_reasons"] = StringArray(labels.review_reasons);
  Json entities = Json::array();
  for (const Entity& e : labels.entities) {
    entities.push_back({{"type", e.type},
                        {"start", e.start},
                        {"end", e.end},
                        {"text", e.text},
                        {"id", e.id}});
  }
  j["entities"] = entities;
  return j;
}

std::string DocumentJson(const DocumentRecord& r) {
  Json j = Json::object();
  j["schema_version"] = kSchemaVersion;
  j["record"] = "document";
  j["doc_id"] = r.doc_id;
  j["path"] = r.path;
  j["other_paths"] = StringArray(r.other_paths);
  Json provenance = Json::array();
  for (const ProvenanceStep& step : r.provenance) {
    provenance.push_back({{"type", step.type}, {"name", step.name}});
  }
  j["provenance"] = provenance;
  j["container_id"] = r.container_id;
  j["embedded"] = r.embedded;
  j["format"] = std::string(FormatName(r.format));
  j["mime"] = r.mime;
  j["size"] = r.size;
  j["pages"] = r.meta.pages;
  j["title"] = r.meta.title;
  j["author"] = r.meta.author;
  j["created"] = r.meta.created;
  j["lang"] = r.lang;
  if (r.submitter.found()) {
    j["submitter"] = {{"name", r.submitter.name},
                      {"code", r.submitter.code},
                      {"kind", r.submitter.kind},
                      {"found_by", r.submitter.found_by}};
  } else {
    j["submitter"] = nullptr;
  }
  j["convention_subject"] = r.convention_subject;
  j["extraction"] = r.meta.extraction;
  Json ocr_pages = Json::array();
  for (const PageOcr& page : r.meta.ocr_pages) {
    ocr_pages.push_back({{"page", page.page},
                         {"reason", page.reason},
                         {"confidence", Round3(page.confidence)}});
  }
  j["ocr_pages"] = ocr_pages;
  if (r.meta.is_mail) {
    const MailHeaders& m = r.meta.mail;
    j["mail"] = {{"from", m.from},       {"to", m.to},
                 {"cc", m.cc},           {"date", m.date},
                 {"subject", m.subject}, {"message_id", m.message_id}};
  } else {
    j["mail"] = nullptr;
  }
  j["status"] = r.status;
  j["warnings"] = StringArray(r.warnings);
  j["error"] = r.error;
  j["passages"] = r.passage_count;
  j["rules_version"] = r.rules_version;
  j["model_version"] = r.model_version;
  return Dump(j);
}

// Written field by field, not through an nlohmann tree: the tree cost
// ~300 k instructions a passage (a tenth of a PDF run, the README's third
// profile). json_records_test compares it with the tree's dump.
std::string PassageJson(const DocumentRecord& r, size_t index) {
  const Passage& p = r.passages[index];
  std::string out;
  out.reserve(512 + 2 * p.text.size());
  auto key = [&out](std::string_view name) {
    out += out.empty() ? '{' : ',';
    out += '"';
    out += name;
    out += "\":";
  };
  key("schema_version");
  out += std::to_string(kSchemaVersion);
  key("record");
  out += "\"passage\"";
  key("doc_id");
  AppendJsonString(r.doc_id, &out);
  key("passage_id");
  AppendJsonString(PassageId(r.doc_id, index), &out);
  key("page");
  out += std::to_string(p.page);
  key("start");
  out += std::to_string(p.start);
  key("end");
  out += std::to_string(p.end);
  key("kind");
  AppendJsonString(PassageKindName(p.kind), &out);
  key("furniture");
  AppendJsonString(p.furniture, &out);
  key("number");
  AppendJsonString(p.number, &out);
  key("text");
  AppendJsonString(p.text, &out);
  key("lang");
  AppendJsonString(p.lang, &out);
  key("ocr_confidence");
  if (p.ocr_confidence >= 0) {
    AppendJsonNumber(Round3(p.ocr_confidence), &out);
  } else {
    out += "null";
  }
  for (const auto& [name, value] : LabelsJsonFields(p.labels)) {
    key(name);
    out += value;
  }
  // The output writer changes this to "reviewer" where a reviewer decided
  // (pipeline/reviewed_labels.h); the rules are the default.
  key("labels_from");
  out += "\"rules\"";
  key("rules_version");
  AppendJsonString(r.rules_version, &out);
  key("model_version");
  AppendJsonString(r.model_version, &out);
  out += '}';
  return out;
}

}  // namespace intake
