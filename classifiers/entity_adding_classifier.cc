#include "classifiers/entity_adding_classifier.h"

#include <algorithm>
#include <utility>

#include "classifiers/entity_labels.h"
#include "classifiers/evidence_order.h"

namespace intake {
namespace {

bool Reads(const Labels& labels, const char* reason) {
  const auto& reasons = labels.review_reasons;
  return std::find(reasons.begin(), reasons.end(), reason) != reasons.end();
}

}  // namespace

EntityAddingClassifier::EntityAddingClassifier(
    std::unique_ptr<Classifier> classifier,
    std::shared_ptr<const Gazetteer> gazetteer)
    : classifier_(std::move(classifier)), entities_(std::move(gazetteer)) {}

Labels EntityAddingClassifier::Classify(std::string_view text,
                                        std::string_view lang, PassageKind kind,
                                        const PassageContext& context) const {
  Labels labels = classifier_->Classify(text, lang, kind, context);
  labels.entities = entities_.Find(text);
  // The rules have no words for this language; its names, amounts and
  // citations still say something (entity_labels.h).
  if (kind != PassageKind::kFurniture && kind != PassageKind::kHeaderFooter &&
      Reads(labels, "unsupported_language")) {
    AddEntityLabels(labels.entities, &labels);
    SortUniqueEvidence(&labels.evidence);
    if (!labels.article14.empty() || !labels.activity.empty() ||
        !labels.theme.empty()) {
      std::erase(labels.review_reasons, std::string("no_label"));
    }
  }
  return labels;
}

}  // namespace intake
