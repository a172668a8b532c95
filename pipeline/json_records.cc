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

// The length of the well-formed UTF-8 sequence at the start of `s` (Unicode
// Table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or 0.
// Those are exactly the sequences nlohmann's decoder accepts.
size_t Utf8SequenceLength(std::string_view s) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  auto tail = [&](size_t i, unsigned lo, unsigned hi) {
    return i < s.size() && byte(i) >= lo && byte(i) <= hi;
  };
  unsigned lead = byte(0);
  if (lead >= 0xC2 && lead <= 0xDF) return tail(1, 0x80, 0xBF) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;
    unsigned hi = lead == 0xED ? 0x9F : 0xBF;
    return tail(1, lo, hi) && tail(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    unsigned lo = lead == 0xF0 ? 0x90 : 0x80;
    unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;
    return tail(1, lo, hi) && tail(2, 0x80, 0xBF) && tail(3, 0x80, 0xBF) ? 4
                                                                         : 0;
  }
  return 0;
}

// A JSON string as Dump writes it: well-formed UTF-8 is copied, ASCII
// escaped as nlohmann escapes it. A string with bad UTF-8 goes through
// nlohmann, whose replacement of the bad bytes is the reference. (Every
// string used to go through nlohmann's tree; that and the tree of the
// record were a tenth of a PDF run, the README's third profile.)
void AppendString(std::string_view s, std::string* out) {
  const size_t mark = out->size();
  *out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      size_t n = Utf8SequenceLength(s.substr(i));
      if (n == 0) {
        out->resize(mark);
        *out += Dump(Json(s));
        return;
      }
      out->append(s.data() + i, n);
      i += n - 1;
      continue;
    }
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
  AppendString(r.doc_id, &out);
  key("passage_id");
  AppendString(PassageId(r.doc_id, index), &out);
  key("page");
  out += std::to_string(p.page);
  key("start");
  out += std::to_string(p.start);
  key("end");
  out += std::to_string(p.end);
  key("kind");
  AppendString(PassageKindName(p.kind), &out);
  key("furniture");
  AppendString(p.furniture, &out);
  key("number");
  AppendString(p.number, &out);
  key("text");
  AppendString(p.text, &out);
  key("lang");
  AppendString(p.lang, &out);
  key("ocr_confidence");
  if (p.ocr_confidence >= 0) {
    AppendDouble(Round3(p.ocr_confidence), &out);
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
  AppendString(r.rules_version, &out);
  key("model_version");
  AppendString(r.model_version, &out);
  out += '}';
  return out;
}

}  // namespace intake
