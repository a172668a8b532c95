// The run context that cli/ builds once per command and the stages borrow:
// the rules, the classifier, the gazetteer and submitter finder, and the
// extractors, wired into a Stages. The only place that knows where data
// files live (--rules, $INTAKE_RULES, <prefix>/share/intake, the source
// tree the binary was built from).
#ifndef INTAKE_CLI_WIRING_H_
#define INTAKE_CLI_WIRING_H_

#include <memory>
#include <string>

#include "pipeline/stages.h"
#include "pipeline/status.h"

namespace intake {

struct Wiring {
  std::unique_ptr<Classifier> classifier;
  std::unique_ptr<SubmitterFinder> submitters;
  std::unique_ptr<const WordLists> words;
  Stages stages;  // borrows the three above
};

// Loads what `stages` needs. `rules_flag` is --rules ("" for the default).
// Errors name the file and the reason.
Status Wire(const std::string& rules_flag, Wiring* out);

// Only the classifier, for `intake classify`.
Status LoadClassifier(const std::string& rules_flag,
                      std::unique_ptr<Classifier>* out);

}  // namespace intake

#endif  // INTAKE_CLI_WIRING_H_
