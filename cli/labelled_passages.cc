#include "cli/labelled_passages.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "classifiers/taxonomy.h"
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

std::string StringField(const Json& object, const char* key,
                        std::string_view fallback) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::string(fallback);
  return it->get<std::string>();
}

}  // namespace

bool IsTranslatedCopy(std::string_view id) {
  for (std::string_view suffix : {"~en", "~es", "~fr"}) {
    if (id.size() > suffix.size() && id.ends_with(suffix)) return true;
  }
  return false;
}

Status ReadLabelled(const std::string& path, std::vector<LabelledPassage>* out,
                    Sha256* hash, std::ostream& errors, int* bad) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open for reading");
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string all = bytes.str();
  if (hash != nullptr) hash->Update(all);
  ParseLabelled(path, all, out, errors, bad);
  return Status::Ok();
}

void ParseLabelled(const std::string& name, const std::string& all,
                   std::vector<LabelledPassage>* out, std::ostream& errors,
                   int* bad) {
  std::istringstream lines(all);
  long number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json object = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object() || !object.contains("text") ||
        !object["text"].is_string()) {
      errors << "intake: " << name << ":" << number
             << ": not a JSON object with a \"text\" string; left out\n";
      ++*bad;
      continue;
    }
    LabelledPassage p;
    p.id = StringField(object, "id", "");
    p.letter = StringField(object, "letter", "");
    p.text = ToValidUtf8(object["text"].get<std::string>());
    p.lang = StringField(object, "lang", "und");
    p.gold.article14 = StringList(object, "article14");
    p.gold.activity = StringList(object, "activity");
    p.gold.theme = StringList(object, "theme");
    p.gold.stance = StringField(object, "stance", kStanceOther);
    out->push_back(std::move(p));
  }
}

}  // namespace intake
