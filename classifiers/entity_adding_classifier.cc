#include "classifiers/entity_adding_classifier.h"

#include <utility>

#include "classifiers/entity_labels.h"
#include "classifiers/evidence_order.h"
#include "classifiers/rule_classifier.h"
#include "pipeline/review_reasons.h"

namespace intake {
namespace {

// The kinds the rules label in a language they read: a heading or a
// footnote names what others say, not support of its own.
bool Labelled(PassageKind kind) {
  return kind == PassageKind::kParagraph || kind == PassageKind::kListItem ||
         kind == PassageKind::kTableRow;
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
  if (Labelled(kind) &&
      HasReviewReason(labels.review_reasons, "unsupported_language")) {
    const size_t evidence_before = labels.evidence.size();
    AddEntityLabels(labels.entities, &labels);
    if (labels.evidence.size() > evidence_before) {
      static_assert(kEntityLabelConfidence < kLowConfidence);
      AddReviewReason("low_confidence", &labels);
      std::erase(labels.review_reasons, std::string("no_label"));
    }
    SortUniqueEvidence(&labels.evidence);
  }
  return labels;
}

}  // namespace intake
