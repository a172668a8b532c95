#include "classifiers/entity_labels.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "classifiers/taxonomy.h"

namespace intake {
namespace {

// The article14 code a cited paragraph of article 14 is, "" for another
// article or for paragraph 4, whose three codes the citation cannot tell
// apart.
std::string Article14Code(std::string_view id) {
  for (std::string_view paragraph : {"1", "2", "3", "5"}) {
    if (id == "14(" + std::string(paragraph) + ")") {
      return "14." + std::string(paragraph);
    }
  }
  return "";
}

void Add(std::string_view dimension, const std::string& code,
         const Entity& entity, Labels* labels) {
  std::vector<std::string>& codes =
      dimension == kArticle14 ? labels->article14 : labels->theme;
  if (std::find(codes.begin(), codes.end(), code) != codes.end()) return;
  auto at = std::find_if(codes.begin(), codes.end(), [&](const std::string& c) {
    return TaxonomyRank(dimension, c) > TaxonomyRank(dimension, code);
  });
  codes.insert(at, code);
  const std::string name = std::string(dimension) + ":" + code;
  labels->confidence[name] = kEntityLabelConfidence;
  labels->evidence.push_back(
      {name, entity.start, entity.end, entity.text, "entities"});
}

}  // namespace

void AddEntityLabels(const std::vector<Entity>& entities, Labels* labels) {
  for (const Entity& e : entities) {
    if (e.type == "organisation" || e.type == "regional_centre") {
      Add(kArticle14, "14.2", e, labels);
    } else if (e.type == "money") {
      Add(kTheme, "finance", e, labels);
    } else if (e.type == "article") {
      std::string code = Article14Code(e.id);
      if (!code.empty()) Add(kArticle14, code, e, labels);
    }
  }
}

}  // namespace intake
