// `intake eval` with a model: the rules alone beside rules and model on
// the same labelled passages, with what the labels' confidences are worth
// (expected calibration error per dimension) and what the review bands do
// (precision of accepted labels, share of passages sent to review).
// Definitions in docs/model.md, "Measuring".
#ifndef INTAKE_CLI_MODEL_EVAL_H_
#define INTAKE_CLI_MODEL_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "classifiers/calibration.h"
#include "classifiers/combined_classifier.h"
#include "classifiers/evaluation.h"
#include "cli/labelled_letters.h"

namespace intake {

// Confidence figures of one classifier.
struct TrustFigures {
  std::map<std::string, std::vector<Outcome>> calibration;  // by dimension
  int accepted = 0;        // labels given with a confidence in its
  int accepted_right = 0;  // accepted band, and how many of them are gold
  int passages = 0;
  int review = 0;  // passages flagged needs_review
  std::map<std::string, int> reasons;
};

struct ModelEvaluation {
  Evaluation rules;
  Evaluation combined;
  TrustFigures rules_trust;
  TrustFigures combined_trust;
};

// Classifies each passage of `gold` as read, each letter's stances read
// together as a document's are.
ModelEvaluation EvaluateWithModel(const LabelledReading& reading,
                                  const CombinedClassifier& classifier,
                                  const LinearModel& model);

// Both evaluations, then the calibration and review table.
std::string FormatModelEvaluation(const ModelEvaluation& evaluation);

}  // namespace intake

#endif  // INTAKE_CLI_MODEL_EVAL_H_
