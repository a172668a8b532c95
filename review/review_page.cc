#include "review/review_page.h"

#include <nlohmann/json.hpp>
#include <string_view>

#include "classifiers/taxonomy.h"
#include "pipeline/sha256.h"

namespace intake {

extern const char kReviewPageTemplate[];

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kPlaceholder = "@INTAKE_REVIEW_DATA@";

Json Taxonomy() {
  Json taxonomy = Json::object();
  for (std::string_view dimension : TaxonomyDimensions()) {
    Json codes = Json::array();
    for (std::string_view code : TaxonomyCodes(dimension)) {
      codes.push_back(std::string(code));
    }
    taxonomy[std::string(dimension)] = codes;
  }
  return taxonomy;
}

Json ItemJson(const ReviewItem& item, int rank) {
  const OutputPassage& p = *item.passage;
  Json confidence = Json::object();
  for (const auto& [label, value] : p.confidence) confidence[label] = value;
  Json evidence = Json::array();
  for (const OutputEvidence& e : p.evidence) {
    evidence.push_back(
        {{"label", e.label}, {"start", e.start}, {"end", e.end}});
  }
  return {{"rank", rank},
          {"passage_id", p.passage_id},
          {"doc_id", p.doc_id},
          {"text_sha256", item.text_sha256},
          {"document", item.document ? item.document->path : ""},
          {"submitter", SubmitterOf(item)},
          {"page", p.page},
          {"kind", p.kind},
          {"text", p.text},
          {"article14", p.article14},
          {"activity", p.activity},
          {"theme", p.theme},
          {"stance", p.stance},
          {"confidence", confidence},
          {"evidence", evidence},
          {"reasons", item.reasons}};
}

// JSON that is safe inside a <script> element: "</script>" or "<!--" in a
// passage must not end the element, so no '<' is left as such.
std::string ScriptSafe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  // Whole runs between the three characters at once: a page holds
  // megabytes of passages.
  size_t from = 0;
  for (size_t at = json.find_first_of("<>&"); at != std::string::npos;
       at = json.find_first_of("<>&", from)) {
    out.append(json, from, at - from);
    out += json[at] == '<'   ? "\\u003c"
           : json[at] == '>' ? "\\u003e"
                             : "\\u0026";
    from = at + 1;
  }
  out.append(json, from, std::string::npos);
  return out;
}

}  // namespace

std::string ReviewPage(const std::vector<ReviewItem>& items) {
  Json list = Json::array();
  std::string ids;
  int rank = 0;
  for (const ReviewItem& item : items) {
    list.push_back(ItemJson(item, ++rank));
    ids += item.passage->passage_id + item.text_sha256;
  }
  // Names the list in the reviewer's browser storage, so that decisions
  // recorded on one list are not shown on another.
  Json data = {{"list_id", Sha256Hex(ids).substr(0, 16)},
               {"taxonomy", Taxonomy()},
               {"items", list}};
  std::string page = kReviewPageTemplate;
  size_t at = page.find(kPlaceholder);
  return page.substr(0, at) +
         ScriptSafe(data.dump(-1, ' ', /*ensure_ascii=*/false,
                              Json::error_handler_t::replace)) +
         page.substr(at + kPlaceholder.size());
}

}  // namespace intake
