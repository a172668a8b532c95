// The run context that cli/ builds once per command and the stages borrow:
// the rules, the learned model, the classifier, the gazetteer and
// submitter finder, and the extractors, wired into a Stages. The only
// place that knows where data files live (--rules, $INTAKE_RULES, --model,
// $INTAKE_MODEL, <prefix>/share/intake, the source tree the binary was
// built from).
#ifndef INTAKE_CLI_WIRING_H_
#define INTAKE_CLI_WIRING_H_

#include <memory>
#include <string>

#include "classifiers/gazetteer.h"
#include "classifiers/linear_model.h"
#include "classifiers/rules.h"
#include "pipeline/stages.h"
#include "pipeline/status.h"

namespace intake {

// Which rules and model a command classifies with.
struct ClassifierFlags {
  std::string rules_path;  // --rules, "" for the default
  std::string model_path;  // --model, "" for the default
  bool no_model = false;   // --no-model: the rules alone
};

// What the classifiers are made from, loaded once.
struct ClassifierData {
  std::shared_ptr<const Rules> rules;
  std::shared_ptr<const Gazetteer> gazetteer;
  std::shared_ptr<const LinearModel> model;  // null: the rules alone
  std::string warning;  // ModelRulesWarning's, "" when none
};

struct Wiring {
  std::unique_ptr<Classifier> classifier;
  std::unique_ptr<SubmitterFinder> submitters;
  std::unique_ptr<const WordLists> words;
  Stages stages;        // borrows the three above
  std::string warning;  // ModelRulesWarning's, "" when none
};

// "" when the model at `model_path` learned its rule features from the
// rules in use; else a warning for the user that names both versions and
// how to retrain. The run goes on: the model still reads the words, but
// its rule features were learned from other rules (docs/model.md), so an
// edit of the rules file is only weighed right once the model is
// retrained.
std::string ModelRulesWarning(const std::string& rules_version,
                              const std::string& model_path,
                              const std::string& model_rules_version);

// Makes what `stages` needs. Errors name the file and the reason. The
// rules and model files are read here for their versions, but the rules
// are compiled, the gazetteer loaded and the model's weights parsed by the
// classifier's Prepare(), which the runner calls before the first document
// it processes.
Status Wire(const ClassifierFlags& flags, Wiring* out);

// Rules, gazetteer and (unless flags.no_model) the model. The default
// model is optional: when none is installed the rules work alone; a model
// named by --model or $INTAKE_MODEL must load.
Status LoadClassifierData(const ClassifierFlags& flags, ClassifierData* out);

// The rules alone, or rules and model when data.model is set.
std::unique_ptr<Classifier> MakeClassifier(const ClassifierData& data);

}  // namespace intake

#endif  // INTAKE_CLI_WIRING_H_
