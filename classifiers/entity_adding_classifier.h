// A classifier's labels with the passage's entities added: what `intake
// run` and `intake classify` write (cli/wiring.cc wraps the rules, or the
// rules and the model, in it).
#ifndef INTAKE_CLASSIFIERS_ENTITY_ADDING_CLASSIFIER_H_
#define INTAKE_CLASSIFIERS_ENTITY_ADDING_CLASSIFIER_H_

#include <memory>
#include <string>
#include <string_view>

#include "classifiers/entity_finder.h"
#include "classifiers/gazetteer.h"
#include "pipeline/classifier.h"

namespace intake {

// A classifier's labels with the passage's entities added: what `intake
// run` and `intake classify` write. Entities are found in every passage,
// furniture too (a letterhead names its State, a date line its date). A
// passage the classifier flagged unsupported_language also gets the
// labels its entities allow (entity_labels.h).
class EntityAddingClassifier : public Classifier {
 public:
  EntityAddingClassifier(std::unique_ptr<Classifier> classifier,
                         std::shared_ptr<const Gazetteer> gazetteer);
  Labels Classify(std::string_view text, std::string_view lang,
                  PassageKind kind,
                  const PassageContext& context) const override;
  using Classifier::Classify;
  std::string Version() const override { return classifier_->Version(); }
  std::string ModelVersion() const override {
    return classifier_->ModelVersion();
  }

 private:
  std::unique_ptr<Classifier> classifier_;
  EntityFinder entities_;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_ENTITY_ADDING_CLASSIFIER_H_
