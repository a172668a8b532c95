// The rules and the learned model, with the model's weights parsed only
// when the first passage is to be classified (or the runner calls
// Prepare): a run over documents that are all up to date needs the
// model's version (its file's hash), never its weights.
//
// Not a different classifier: once prepared it is CombinedClassifier.
#ifndef INTAKE_CLI_LAZY_MODEL_CLASSIFIER_H_
#define INTAKE_CLI_LAZY_MODEL_CLASSIFIER_H_

#include <memory>
#include <mutex>
#include <string>

#include "classifiers/combined_classifier.h"
#include "classifiers/gazetteer.h"
#include "classifiers/linear_model.h"
#include "classifiers/rules.h"
#include "pipeline/classifier.h"

namespace intake {

class LazyModelClassifier : public Classifier {
 public:
  // REQUIRES: rules not null. gazetteer may be null (tests).
  LazyModelClassifier(std::shared_ptr<const Rules> rules,
                      std::shared_ptr<const Gazetteer> gazetteer,
                      ModelFile model);

  // Parses the model; fails, naming the file and the line, when it is bad.
  Status Prepare() const override;
  // REQUIRES: Prepare() succeeded or would; should the model file be bad,
  // the passage gets the rules' labels alone (the runner never lets it
  // come to that: it stops the run on Prepare's error).
  Labels Classify(std::string_view text, std::string_view lang,
                  PassageKind kind) const override;
  std::string Version() const override { return rules_.Version(); }
  std::string ModelVersion() const override { return model_.version; }

 private:
  std::shared_ptr<const Rules> rules_data_;
  std::shared_ptr<const Gazetteer> gazetteer_;
  RuleClassifier rules_;
  mutable ModelFile model_;  // bytes released once parsed
  mutable std::once_flag once_;
  mutable Status status_;
  mutable std::unique_ptr<const CombinedClassifier> combined_;
};

}  // namespace intake

#endif  // INTAKE_CLI_LAZY_MODEL_CLASSIFIER_H_
