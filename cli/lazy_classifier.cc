#include "cli/lazy_classifier.h"

#include "classifiers/submitter_finder.h"

namespace intake {
namespace {

// The prepared classifier's finder, once it is loaded.
class LazySubmitterFinder : public SubmitterFinder {
 public:
  explicit LazySubmitterFinder(const LazyClassifier* classifier)
      : classifier_(classifier) {}

  Submitter Find(const std::vector<Passage>& passages,
                 const DocumentMeta& meta) const override {
    return classifier_->FindSubmitter(passages, meta);
  }

 private:
  const LazyClassifier* classifier_;
};

}  // namespace

LazyClassifier::LazyClassifier(Loader load, std::string rules_version,
                               std::string model_version)
    : load_(std::move(load)),
      rules_version_(std::move(rules_version)),
      model_version_(std::move(model_version)) {}

Status LazyClassifier::Prepare() const {
  std::call_once(once_, [this] {
    ClassifierData data;
    status_ = load_(&data);
    load_ = nullptr;  // what it holds (the model's bytes) is not needed again
    if (!status_.ok()) return;
    std::string model_version = data.model ? data.model->version : "";
    if (data.rules->version() != rules_version_ ||
        model_version != model_version_) {
      status_ = Status::InvalidArgument(
          "the rules or the model file changed while the run started; run "
          "again");
      return;
    }
    submitters_ = std::make_unique<GazetteerSubmitterFinder>(data.gazetteer);
    classifier_ = MakeClassifier(data);
  });
  return status_;
}

Labels LazyClassifier::Classify(std::string_view text, std::string_view lang,
                                PassageKind kind,
                                const PassageContext& context) const {
  if (!Prepare().ok()) return Labels();
  return classifier_->Classify(text, lang, kind, context);
}

Submitter LazyClassifier::FindSubmitter(const std::vector<Passage>& passages,
                                        const DocumentMeta& meta) const {
  if (!Prepare().ok()) return Submitter();
  return submitters_->Find(passages, meta);
}

std::unique_ptr<SubmitterFinder> LazyClassifier::NewSubmitterFinder() const {
  return std::make_unique<LazySubmitterFinder>(this);
}

}  // namespace intake
