#include "pipeline/reviewed_labels.h"

#include <nlohmann/json.hpp>

#include "pipeline/sha256.h"

namespace intake {
namespace {

using Json = nlohmann::ordered_json;

void AddLabels(const std::string& dimension,
               const std::vector<std::string>& codes, Json* confidence) {
  for (const std::string& code : codes) {
    (*confidence)[dimension + ":" + code] = 1.0;
  }
}

}  // namespace

std::string PassageTextHash(std::string_view text) { return Sha256Hex(text); }

std::string WithReviewerLabels(
    const std::string& line,
    const std::map<std::string, ReviewDecision>& decisions) {
  if (decisions.empty()) return line;
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
    return line;
  }
  auto it = decisions.find(PassageTextHash(j["text"].get<std::string>()));
  if (it == decisions.end()) return line;
  const ReviewDecision& d = it->second;
  j["article14"] = d.article14;
  j["activity"] = d.activity;
  j["theme"] = d.theme;
  j["stance"] = d.stance;
  // A person's label is certain; the rules' evidence stays for the labels
  // the reviewer kept, as the reason the passage was proposed.
  Json confidence = Json::object();
  AddLabels("article14", d.article14, &confidence);
  AddLabels("activity", d.activity, &confidence);
  AddLabels("theme", d.theme, &confidence);
  confidence["stance:" + d.stance] = 1.0;
  j["confidence"] = confidence;
  Json evidence = Json::array();
  for (const Json& e : j.value("evidence", Json::array())) {
    if (e.contains("label") &&
        confidence.contains(e["label"].get<std::string>())) {
      evidence.push_back(e);
    }
  }
  j["evidence"] = evidence;
  j["needs_review"] = false;
  j["review_reasons"] = Json::array();
  j["labels_from"] = "reviewer";
  return j.dump(-1, ' ', /*ensure_ascii=*/false,
                Json::error_handler_t::replace);
}

}  // namespace intake
