// The seam between the pipeline and whatever labels passages.
//
// The runner only knows this interface; cli/ wires in the rule classifier
// from classifiers/, tests wire in fakes. Implementations must be safe to
// call from several threads at once through a const reference.
#ifndef INTAKE_PIPELINE_CLASSIFIER_H_
#define INTAKE_PIPELINE_CLASSIFIER_H_

#include <string>
#include <string_view>

#include "pipeline/passage.h"
#include "pipeline/passage_context.h"
#include "pipeline/status.h"

namespace intake {

class Classifier {
 public:
  virtual ~Classifier() = default;

  // Labels one passage. `lang` is an ISO 639-1 code or "und". `kind` lets
  // the classifier leave letter furniture and running headers unlabelled.
  // `context` is what stands above the passage in its document (empty for
  // a passage read alone).
  virtual Labels Classify(std::string_view text, std::string_view lang,
                          PassageKind kind,
                          const PassageContext& context) const = 0;
  Labels Classify(std::string_view text, std::string_view lang,
                  PassageKind kind) const {
    return Classify(text, lang, kind, PassageContext{});
  }

  // Identifies the rules that produced the labels; goes into every record
  // so a change of rules is visible.
  virtual std::string Version() const = 0;

  // Identifies the learned model used beside the rules; "" for none.
  virtual std::string ModelVersion() const { return ""; }

  // Loads what start-up left for later (a learned model's weights). The
  // runner calls it once, in its own process, before the first document
  // is processed, so that worker processes share what it loads and a bad
  // file stops the run; a run with nothing to process never pays for it.
  // Thread-safe; later calls return the first call's status.
  virtual Status Prepare() const { return Status::Ok(); }
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_CLASSIFIER_H_
