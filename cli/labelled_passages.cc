#include "cli/labelled_passages.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "classifiers/taxonomy.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

using Json = nlohmann::json;

// Reads the codes of `dimension` into *codes, or says why they cannot be
// read: a labelled line names every dimension, [] when nothing applies, so
// that a missing or misspelt field is not read as "no label".
std::string ReadCodes(const Json& object, std::string_view dimension,
                      std::vector<std::string>* codes) {
  const std::string key(dimension);
  auto it = object.find(key);
  if (it == object.end()) return "no \"" + key + "\" list";
  if (!it->is_array()) return "\"" + key + "\" is not a list";
  for (const Json& v : *it) {
    if (!v.is_string()) return "\"" + key + "\" holds " + v.dump();
    std::string code = v.get<std::string>();
    if (!IsKnownCode(dimension, code)) {
      return "\"" + key + "\" holds \"" + code +
             "\", which is no code of that dimension in TAXONOMY.md";
    }
    codes->push_back(std::move(code));
  }
  return "";
}

// The gold labels of a labelled line, or why they cannot be read.
std::string ReadGold(const Json& object, LabelSet* gold) {
  for (std::string_view dimension : {kArticle14, kActivity, kTheme}) {
    std::vector<std::string>* codes = dimension == kArticle14 ? &gold->article14
                                      : dimension == kActivity ? &gold->activity
                                                               : &gold->theme;
    std::string problem = ReadCodes(object, dimension, codes);
    if (!problem.empty()) return problem;
  }
  auto it = object.find(std::string(kStance));
  if (it == object.end() || !it->is_string() ||
      !IsKnownCode(kStance, it->get<std::string>())) {
    return "\"stance\" is not one of need, provided, received, other";
  }
  gold->stance = it->get<std::string>();
  return "";
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
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument(
        path + ": is a folder, not a file of labelled passages");
  }
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
    std::string problem = ReadGold(object, &p.gold);
    if (!problem.empty()) {
      errors << "intake: " << name << ":" << number << ": " << problem
             << "; left out\n";
      ++*bad;
      continue;
    }
    p.id = StringField(object, "id", "");
    p.letter = StringField(object, "letter", "");
    p.text = ToValidUtf8(object["text"].get<std::string>());
    p.lang = StringField(object, "lang", "und");
    out->push_back(std::move(p));
  }
}

}  // namespace intake
