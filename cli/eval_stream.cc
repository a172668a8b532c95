#include "cli/eval_stream.h"

#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/unicode_text.h"

namespace intake {
namespace {

using Json = nlohmann::json;

std::vector<std::string> StringList(const Json& object, const char* key) {
  std::vector<std::string> out;
  auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const Json& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

int EvaluateStream(std::istream& gold, const Classifier& classifier,
                   std::ostream& errors, Evaluation* result) {
  Evaluator evaluator;
  int bad = 0;
  long number = 0;
  for (std::string line; std::getline(gold, line);) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json object = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object() || !object.contains("text") ||
        !object["text"].is_string()) {
      errors << "intake: gold line " << number
             << ": not a JSON object with a \"text\" string; left out\n";
      ++bad;
      continue;
    }
    LabelSet want;
    want.article14 = StringList(object, "article14");
    want.activity = StringList(object, "activity");
    want.theme = StringList(object, "theme");
    if (object.contains("stance") && object["stance"].is_string()) {
      want.stance = object["stance"].get<std::string>();
    }
    std::string lang = object.value("lang", std::string("und"));
    Labels got =
        classifier.Classify(ToValidUtf8(object["text"].get<std::string>()),
                            lang, PassageKind::kParagraph);
    LabelSet predicted{got.article14, got.activity, got.theme, got.stance};
    evaluator.Add(want, predicted);
  }
  *result = evaluator.Finish();
  return bad;
}

}  // namespace intake
