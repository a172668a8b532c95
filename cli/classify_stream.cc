#include "cli/classify_stream.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/exit_codes.h"
#include "pipeline/json_records.h"
#include "pipeline/language.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

using Json = nlohmann::ordered_json;

PassageKind KindFromName(const std::string& name) {
  for (PassageKind k :
       {PassageKind::kHeading, PassageKind::kParagraph, PassageKind::kListItem,
        PassageKind::kTableRow, PassageKind::kFootnote,
        PassageKind::kHeaderFooter, PassageKind::kFurniture}) {
    if (PassageKindName(k) == name) return k;
  }
  return PassageKind::kParagraph;
}

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// `object` as one line, each of `fields` (key, JSON text) replacing the
// member of that key where it stands or, when absent, added at the end in
// order: what setting them on the object and dumping it writes.
std::string ObjectWithFields(
    const Json& object,
    const std::vector<std::pair<std::string_view, std::string>>& fields) {
  std::string out = "{";
  std::vector<char> written(fields.size(), 0);
  auto member = [&](const std::string& key, const std::string& value_text) {
    if (out.size() > 1) out += ',';
    out += Dump(key);
    out += ':';
    out += value_text;
  };
  for (auto it = object.begin(); it != object.end(); ++it) {
    auto field = std::find_if(fields.begin(), fields.end(), [&](const auto& f) {
      return f.first == it.key();
    });
    if (field == fields.end()) {
      member(it.key(), Dump(*it));
    } else {
      member(it.key(), field->second);
      written[field - fields.begin()] = 1;
    }
  }
  for (size_t f = 0; f < fields.size(); ++f) {
    if (!written[f]) member(std::string(fields[f].first), fields[f].second);
  }
  out += '}';
  return out;
}

// Consecutive lines of one document (the same "doc_id", as `intake run`
// writes passages, or "letter", as labelled files group them) are read
// with what stands above them, as `intake run` reads a document; a line
// with neither is read alone.
class StreamContexts {
 public:
  PassageContext Next(const Json& object, PassageKind kind,
                      std::string_view text) {
    std::string key = StringField(object, "doc_id");
    if (key.empty()) key = StringField(object, "letter");
    if (key != key_) {
      key_ = key;
      tracker_ = ContextTracker();
    }
    if (key.empty()) return PassageContext{};
    return tracker_.Next(kind, text);
  }

 private:
  static std::string StringField(const Json& object, const char* name) {
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>()
                                                 : std::string();
  }

  std::string key_;
  ContextTracker tracker_;
};

// Classifies one line; returns "" with `error` set when the line is bad.
std::string ClassifyLine(const std::string& line, const Classifier& classifier,
                         StreamContexts* contexts, std::string* error) {
  Json object;
  try {
    object = Json::parse(line);
  } catch (const Json::parse_error& e) {
    // e.what() reads "[json.exception.parse_error.101] parse error at ...".
    std::string what = e.what();
    size_t detail = what.find("] ");
    *error = "not valid JSON: " +
             (detail == std::string::npos ? what : what.substr(detail + 2));
    return "";
  }
  if (!object.is_object()) {
    *error = "not a JSON object";
    return "";
  }
  auto text = object.find("text");
  if (text == object.end() || !text->is_string()) {
    *error = "no \"text\" string field";
    return "";
  }
  std::string body = ToValidUtf8(text->get<std::string>());
  std::string lang;
  auto given = object.find("lang");
  if (given != object.end() && given->is_string() &&
      !given->get<std::string>().empty()) {
    lang = given->get<std::string>();
  } else {
    lang = DetectLanguage(body, "und");
    object["lang"] = lang;
  }
  PassageKind kind = PassageKind::kParagraph;
  auto kind_field = object.find("kind");
  if (kind_field != object.end() && kind_field->is_string()) {
    kind = KindFromName(kind_field->get<std::string>());
  }
  Labels labels =
      classifier.Classify(body, lang, kind, contexts->Next(object, kind, body));
  std::vector<std::pair<std::string_view, std::string>> fields =
      LabelsJsonFields(labels);
  fields.emplace_back("rules_version", Dump(classifier.Version()));
  fields.emplace_back("model_version", Dump(classifier.ModelVersion()));
  return ObjectWithFields(object, fields);
}
}  // namespace

int ClassifyStream(std::istream& in, std::ostream& out, std::ostream& errors,
                   const Classifier& classifier) {
  std::string line;
  StreamContexts contexts;
  long line_number = 0;
  int bad = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string error;
    std::string result = ClassifyLine(line, classifier, &contexts, &error);
    if (result.empty()) {
      errors << "intake: standard input line " << line_number << ": " << error
             << "; line skipped\n";
      ++bad;
      continue;
    }
    out << result << '\n';
  }
  out.flush();
  return bad > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace intake
