// The rules and the learned model together (docs/model.md, "Combining"):
// either can raise a label, the evidence says which did ("source"), every
// label's confidence is the model's calibrated probability, and the
// model's bands decide what a person should look at.
//
// The rules run first; what they found is part of the model's features,
// so the model learns how far to trust each rule. A label the model has
// no scorer for (too few training passages) is the rules' alone, with the
// rules' confidence. Thread-safe like RuleClassifier.
#ifndef INTAKE_CLASSIFIERS_COMBINED_CLASSIFIER_H_
#define INTAKE_CLASSIFIERS_COMBINED_CLASSIFIER_H_

#include <map>
#include <memory>
#include <string>

#include "classifiers/gazetteer.h"
#include "classifiers/linear_model.h"
#include "classifiers/model_features.h"
#include "classifiers/rule_classifier.h"

namespace intake {

// Both opinions on one passage, for `intake eval`.
struct Judgement {
  Labels rules;     // the rules alone
  Labels combined;  // what Classify returns
  // "dimension:code" -> calibrated probability, for every label the model
  // has (stance labels: the normalised distribution). Empty for furniture.
  std::map<std::string, double> probability;
  // The threshold the combined stance's confidence was judged against.
  double stance_accept = 0;
};

class CombinedClassifier : public Classifier {
 public:
  // REQUIRES: rules and model not null. gazetteer may be null in tests.
  CombinedClassifier(std::shared_ptr<const Rules> rules,
                     std::shared_ptr<const Gazetteer> gazetteer,
                     std::shared_ptr<const LinearModel> model);

  Labels Classify(std::string_view text, std::string_view lang,
                  PassageKind kind,
                  const PassageContext& context) const override;
  using Classifier::Classify;
  std::string Version() const override { return rules_.Version(); }
  std::string ModelVersion() const override { return model_->version; }

  Judgement Judge(std::string_view text, std::string_view lang,
                  PassageKind kind, const PassageContext& context) const;

 private:
  // Judge; `probabilities` false leaves Judgement::probability empty
  // (Classify does not need the map, and filling it was a tenth of it).
  Judgement Decide(std::string_view text, std::string_view lang,
                   PassageKind kind, const PassageContext& context,
                   bool probabilities) const;

  RuleClassifier rules_;
  FeatureExtractor features_;
  std::shared_ptr<const LinearModel> model_;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_COMBINED_CLASSIFIER_H_
