// The classifier of a run, loaded when the first passage is to be
// classified (or the runner calls Prepare): a run over documents that are
// all up to date needs the versions of the rules and the model (read from
// the files' bytes), never the compiled rules, the gazetteer or the
// model's weights, which were most of such a run's time.
//
// Not a different classifier: once prepared it is the rules alone or
// CombinedClassifier, and the submitter finder is the gazetteer's.
#ifndef INTAKE_CLI_LAZY_CLASSIFIER_H_
#define INTAKE_CLI_LAZY_CLASSIFIER_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cli/wiring.h"
#include "pipeline/classifier.h"
#include "pipeline/submitter.h"

namespace intake {

class LazyClassifier : public Classifier {
 public:
  // Loads the rules, the gazetteer and the model (or none); called once.
  using Loader = std::function<Status(ClassifierData*)>;

  // REQUIRES: the versions are those of what `load` loads; Prepare fails
  // when they are not (a file changed since start-up).
  LazyClassifier(Loader load, std::string rules_version,
                 std::string model_version);

  // Loads; fails, naming the file and the line, when a file is bad.
  Status Prepare() const override;
  // REQUIRES: Prepare() succeeded or would; should a file be bad, the
  // passage gets no labels (the runner never lets it come to that: it
  // stops the run on Prepare's error).
  Labels Classify(std::string_view text, std::string_view lang,
                  PassageKind kind,
                  const PassageContext& context) const override;
  using Classifier::Classify;
  std::string Version() const override { return rules_version_; }
  std::string ModelVersion() const override { return model_version_; }

  // The gazetteer's submitter finder, prepared with the classifier; no
  // submitter when Prepare() failed.
  Submitter FindSubmitter(const std::vector<Passage>& passages,
                          const DocumentMeta& meta) const;
  // A SubmitterFinder calling FindSubmitter; borrows this classifier,
  // which must outlive it.
  std::unique_ptr<SubmitterFinder> NewSubmitterFinder() const;

 private:
  mutable Loader load_;
  std::string rules_version_;
  std::string model_version_;
  mutable std::once_flag once_;
  mutable Status status_;
  mutable std::unique_ptr<Classifier> classifier_;
  mutable std::unique_ptr<SubmitterFinder> submitters_;
};

}  // namespace intake

#endif  // INTAKE_CLI_LAZY_CLASSIFIER_H_
