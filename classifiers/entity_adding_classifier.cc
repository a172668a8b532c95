#include "classifiers/entity_adding_classifier.h"

#include <utility>

namespace intake {

EntityAddingClassifier::EntityAddingClassifier(
    std::unique_ptr<Classifier> classifier,
    std::shared_ptr<const Gazetteer> gazetteer)
    : classifier_(std::move(classifier)), entities_(std::move(gazetteer)) {}

Labels EntityAddingClassifier::Classify(std::string_view text,
                                        std::string_view lang, PassageKind kind,
                                        const PassageContext& context) const {
  Labels labels = classifier_->Classify(text, lang, kind, context);
  labels.entities = entities_.Find(text);
  return labels;
}

}  // namespace intake
