#include "cli/classify_stream.h"

#include <nlohmann/json.hpp>
#include <string>

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

// Classifies one line; returns "" with `error` set when the line is bad.
std::string ClassifyLine(const std::string& line, const Classifier& classifier,
                         std::string* error) {
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
  Labels labels = classifier.Classify(body, lang, kind);
  Json fields = LabelsJson(labels);
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    object[it.key()] = *it;
  }
  object["rules_version"] = classifier.Version();
  object["model_version"] = classifier.ModelVersion();
  return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

int ClassifyStream(std::istream& in, std::ostream& out, std::ostream& errors,
                   const Classifier& classifier) {
  std::string line;
  long line_number = 0;
  int bad = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string error;
    std::string result = ClassifyLine(line, classifier, &error);
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
