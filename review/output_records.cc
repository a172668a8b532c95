#include "review/output_records.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/output_files.h"
#include "pipeline/record_lines.h"

namespace intake {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<std::string> Strs(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const Json& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

OutputDocument DocumentFromJson(const Json& j) {
  OutputDocument d;
  d.doc_id = Str(j, "doc_id");
  d.path = Str(j, "path");
  d.format = Str(j, "format");
  d.status = Str(j, "status");
  d.error = Str(j, "error");
  d.title = Str(j, "title");
  d.lang = Str(j, "lang");
  d.container_id = Str(j, "container_id");
  d.embedded = j.value("embedded", 0LL);
  auto s = j.find("submitter");
  if (s != j.end() && s->is_object()) {
    d.submitter_name = Str(*s, "name");
    d.submitter_code = Str(*s, "code");
    d.submitter_kind = Str(*s, "kind");
  }
  d.convention_subject = Str(j, "convention_subject");
  auto mail = j.find("mail");
  if (mail != j.end() && mail->is_object()) d.mail_from = Str(*mail, "from");
  return d;
}

const std::vector<std::string>& PassageFields() {
  static const std::vector<std::string> kFields = {
      "activity",       "article14", "confidence", "doc_id",
      "evidence",       "furniture", "kind",       "labels_from",
      "needs_review",   "number",    "page",       "passage_id",
      "review_reasons", "stance",    "text",       "theme"};
  return kFields;
}

OutputPassage PassageFromJson(const Json& j) {
  OutputPassage p;
  p.doc_id = Str(j, "doc_id");
  p.passage_id = Str(j, "passage_id");
  p.page = j.value("page", 0LL);
  p.kind = Str(j, "kind");
  p.furniture = Str(j, "furniture");
  p.number = Str(j, "number");
  p.text = Str(j, "text");
  p.article14 = Strs(j, "article14");
  p.activity = Strs(j, "activity");
  p.theme = Strs(j, "theme");
  p.stance = Str(j, "stance");
  auto c = j.find("confidence");
  if (c != j.end() && c->is_object()) {
    for (auto it = c->begin(); it != c->end(); ++it) {
      if (it->is_number())
        p.confidence.emplace_back(it.key(), it->get<double>());
    }
  }
  auto e = j.find("evidence");
  if (e != j.end() && e->is_array()) {
    for (const Json& v : *e) {
      if (!v.is_object()) continue;
      OutputEvidence evidence{Str(v, "label"), v.value("start", 0LL),
                              v.value("end", 0LL)};
      const std::string source = Str(v, "source");
      if (source == "heading") evidence.context = "heading: " + Str(v, "text");
      if (source == "above") {
        evidence.context = "paragraph above: " + Str(v, "text");
      }
      if (source == "rules_taken_back") {
        evidence.context =
            "the rules gave it, the model took it back: " + Str(v, "text");
      }
      p.evidence.push_back(std::move(evidence));
    }
  }
  p.needs_review = j.value("needs_review", false);
  p.review_reasons = Strs(j, "review_reasons");
  p.labels_from = Str(j, "labels_from");
  if (p.labels_from.empty()) p.labels_from = "rules";
  return p;
}

namespace {

template <typename T>
Status ReadAll(const std::string& path, const char* kind,
               T (*convert)(const Json&), std::vector<T>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound(path +
                            ": cannot open (has 'intake run' written there?)");
  }
  RecordLines lines(in, path, kind);
  Json record;
  while (lines.Next(&record)) out->push_back(convert(record));
  return lines.status();
}

}  // namespace

Status LoadOutputRecords(const std::string& out_dir, OutputRecords* out) {
  Status s = ReadAll(DocumentsFile(out_dir), "document", &DocumentFromJson,
                     &out->documents);
  if (!s.ok()) return s;
  return ReadAll(PassagesFile(out_dir), "passage", &PassageFromJson,
                 &out->passages);
}

}  // namespace intake
