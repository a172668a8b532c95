#include "pipeline/json_records.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

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

// A JSON string as Dump writes it. ASCII is escaped here; anything else
// goes through nlohmann, whose handling of bad UTF-8 is the reference.
void AppendString(std::string_view s, std::string* out) {
  if (std::any_of(s.begin(), s.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80;
      })) {
    *out += Dump(Json(s));
    return;
  }
  *out += '"';
  for (char c : s) {
    switch (c) {
      case '\b':
        *out += "\\b";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      default:
        if (static_cast<unsigned char>(c) <= 0x1F) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          *out += escaped;
        } else {
          *out += c;
        }
    }
  }
  *out += '"';
}

// A double as Dump writes it (nlohmann's shortest round-trip form).
void AppendDouble(double x, std::string* out) {
  if (!std::isfinite(x)) {
    *out += "null";
    return;
  }
  std::array<char, 64> buffer;
  char* end = nlohmann::detail::to_chars(buffer.data(),
                                         buffer.data() + buffer.size(), x);
  out->append(buffer.data(), end);
}

std::string StringArrayText(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    AppendString(items[i], &out);
  }
  out += ']';
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
  AppendString(labels.stance, &stance);
  out.emplace_back("stance", std::move(stance));
  std::string confidence = "{";
  for (const auto& [label, value] : labels.confidence) {
    if (confidence.size() > 1) confidence += ',';
    AppendString(label, &confidence);
    confidence += ':';
    AppendDouble(Round3(value), &confidence);
  }
  confidence += '}';
  out.emplace_back("confidence", std::move(confidence));
  std::string evidence = "[";
  for (const Evidence& e : labels.evidence) {
    if (evidence.size() > 1) evidence += ',';
    evidence += "{\"label\":";
    AppendString(e.label, &evidence);
    evidence += ",\"start\":" + std::to_string(e.start);
    evidence += ",\"end\":" + std::to_string(e.end);
    evidence += ",\"text\":";
    AppendString(e.text, &evidence);
    evidence += ",\"source\":";
    AppendString(e.source, &evidence);
    evidence += '}';
  }
  evidence += ']';
  out.emplace_back("evidence", std::move(evidence));
  out.emplace_back("needs_review", labels.needs_review ? "true" : "false");
  out.emplace_back("review_reasons", StringArrayText(labels.review_reasons));
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

std::string PassageJson(const DocumentRecord& r, size_t index) {
  const Passage& p = r.passages[index];
  Json j = Json::object();
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
    j["ocr_confidence"] = Round3(p.ocr_confidence);
  } else {
    j["ocr_confidence"] = nullptr;
  }
  Json fields = LabelsJson(p.labels);
  for (auto it = fields.begin(); it != fields.end(); ++it) j[it.key()] = *it;
  // The output writer changes this to "reviewer" where a reviewer decided
  // (pipeline/reviewed_labels.h); the rules are the default.
  j["labels_from"] = "rules";
  j["rules_version"] = r.rules_version;
  j["model_version"] = r.model_version;
  return Dump(j);
}

}  // namespace intake
