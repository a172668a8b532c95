#include "review/review_page.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "classifiers/taxonomy.h"
#include "pipeline/json_text.h"
#include "pipeline/sha256.h"

namespace intake {

extern const char kReviewPageTemplate[];

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kPlaceholder = "@INTAKE_REVIEW_DATA@";

std::string Dump(const Json& json) {
  return json.dump(-1, ' ', /*ensure_ascii=*/false,
                   Json::error_handler_t::replace);
}

// The page around the list's data.
std::string_view Before() {
  std::string_view page = kReviewPageTemplate;
  return page.substr(0, page.find(kPlaceholder));
}

std::string_view After() {
  std::string_view page = kReviewPageTemplate;
  return page.substr(page.find(kPlaceholder) + kPlaceholder.size());
}

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
    Json one = {{"label", e.label}, {"start", e.start}, {"end", e.end}};
    if (!e.context.empty()) one["context"] = e.context;
    evidence.push_back(std::move(one));
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
std::string ScriptSafe(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  // Whole runs between the three characters at once: a page holds
  // megabytes of passages.
  size_t from = 0;
  for (size_t at = json.find_first_of("<>&"); at != std::string::npos;
       at = json.find_first_of("<>&", from)) {
    out.append(json.substr(from, at - from));
    out += json[at] == '<'   ? "\\u003c"
           : json[at] == '>' ? "\\u003e"
                             : "\\u0026";
    from = at + 1;
  }
  out.append(json.substr(from));
  return out;
}

}  // namespace

void ReviewListId::Add(const ReviewItem& item) {
  hash_.Update(item.passage->passage_id);
  hash_.Update(item.text_sha256);
}

std::string ReviewListId::Value() { return hash_.HexDigest().substr(0, kSize); }

// The page's data is {"list_id":…,"taxonomy":…,"items":[…]} as
// nlohmann::ordered_json dumps it in one piece; the pieces below are
// those bytes cut at the items, so a streamed page is the same page.
std::string ReviewPageHead(std::string_view list_id, size_t* list_id_at) {
  const std::string start = "{\"list_id\":\"";
  std::string head = std::string(Before()) + start;
  *list_id_at = head.size();
  return head + ScriptSafe(std::string(list_id) + "\",\"taxonomy\":" +
                           Dump(Taxonomy()) + ",\"items\":[");
}

// Dump(ItemJson(item, rank)) written directly: the trees were most of
// making the review list, the run's serial tail (README, fourth profile).
std::string ItemText(const ReviewItem& item, int rank) {
  const OutputPassage& p = *item.passage;
  std::string out;
  auto key = [&out](const char* name) {
    if (out.size() > 1) out += ',';
    AppendJsonString(name, &out);
    out += ':';
  };
  out += '{';
  key("rank");
  out += std::to_string(rank);
  key("passage_id");
  AppendJsonString(p.passage_id, &out);
  key("doc_id");
  AppendJsonString(p.doc_id, &out);
  key("text_sha256");
  AppendJsonString(item.text_sha256, &out);
  key("document");
  AppendJsonString(item.document ? item.document->path : "", &out);
  key("submitter");
  AppendJsonString(SubmitterOf(item), &out);
  key("page");
  out += std::to_string(p.page);
  key("kind");
  AppendJsonString(p.kind, &out);
  key("text");
  AppendJsonString(p.text, &out);
  key("article14");
  AppendJsonStrings(p.article14, &out);
  key("activity");
  AppendJsonStrings(p.activity, &out);
  key("theme");
  AppendJsonStrings(p.theme, &out);
  key("stance");
  AppendJsonString(p.stance, &out);
  key("confidence");
  // ordered_json's operator[]: a label met twice keeps its first place and
  // its last value.
  std::vector<std::pair<std::string, double>> confidence;
  for (const auto& [label, value] : p.confidence) {
    auto same = std::find_if(confidence.begin(), confidence.end(),
                             [&](const auto& c) { return c.first == label; });
    if (same != confidence.end()) {
      same->second = value;
    } else {
      confidence.emplace_back(label, value);
    }
  }
  out += '{';
  for (size_t i = 0; i < confidence.size(); ++i) {
    if (i > 0) out += ',';
    AppendJsonString(confidence[i].first, &out);
    out += ':';
    AppendJsonNumber(confidence[i].second, &out);
  }
  out += '}';
  key("evidence");
  out += '[';
  for (size_t i = 0; i < p.evidence.size(); ++i) {
    const OutputEvidence& e = p.evidence[i];
    if (i > 0) out += ',';
    out += "{\"label\":";
    AppendJsonString(e.label, &out);
    out += ",\"start\":" + std::to_string(e.start) +
           ",\"end\":" + std::to_string(e.end);
    if (!e.context.empty()) {
      out += ",\"context\":";
      AppendJsonString(e.context, &out);
    }
    out += '}';
  }
  out += ']';
  key("reasons");
  AppendJsonStrings(item.reasons, &out);
  out += '}';
  return out;
}

std::string ReviewPageItem(const ReviewItem& item, int rank) {
  std::string out = rank > 1 ? "," : "";  // between items
  out += ScriptSafe(ItemText(item, rank));
  return out;
}

std::string ReviewPageItemJson(const ReviewItem& item, int rank) {
  return Dump(ItemJson(item, rank));
}

std::string ReviewPageTail() { return "]}" + std::string(After()); }

std::string ReviewPage(const std::vector<ReviewItem>& items) {
  ReviewListId list_id;
  std::string page_items;
  int rank = 0;
  for (const ReviewItem& item : items) {
    page_items += ReviewPageItem(item, ++rank);
    list_id.Add(item);
  }
  size_t list_id_at = 0;
  return ReviewPageHead(list_id.Value(), &list_id_at) + page_items +
         ReviewPageTail();
}

}  // namespace intake
