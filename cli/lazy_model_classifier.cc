#include "cli/lazy_model_classifier.h"

namespace intake {

LazyModelClassifier::LazyModelClassifier(
    std::shared_ptr<const Rules> rules,
    std::shared_ptr<const Gazetteer> gazetteer, ModelFile model)
    : rules_data_(rules),
      gazetteer_(std::move(gazetteer)),
      rules_(std::move(rules)),
      model_(std::move(model)) {}

Status LazyModelClassifier::Prepare() const {
  std::call_once(once_, [this] {
    std::shared_ptr<const LinearModel> model;
    status_ = ParseModelFile(model_, &model);
    if (status_.ok()) {
      combined_ = std::make_unique<const CombinedClassifier>(
          rules_data_, gazetteer_, std::move(model));
    }
    model_.bytes = std::string();
  });
  return status_;
}

Labels LazyModelClassifier::Classify(std::string_view text,
                                     std::string_view lang,
                                     PassageKind kind) const {
  if (!Prepare().ok()) return rules_.Classify(text, lang, kind);
  return combined_->Classify(text, lang, kind);
}

}  // namespace intake
