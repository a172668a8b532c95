// Choosing the probability from which the model gives a label by itself
// (ModelLabel::gives), out of fold, in training.
#ifndef INTAKE_CLASSIFIERS_GIVE_THRESHOLD_H_
#define INTAKE_CLASSIFIERS_GIVE_THRESHOLD_H_

#include <vector>

namespace intake {

// One passage as the choice of a label's give threshold sees it.
struct GiveOutcome {
  double probability = 0;  // the model's, out of fold
  bool rules_give = false;
  bool gold = false;  // the label is right here
  bool copy = false;  // a translated copy (TrainingPassage::copy)
};

// The give thresholds tried are kModelGives, kModelGives - kGiveStep, ...
// down to kLowestGives.
inline constexpr double kGiveStep = 0.05;

// The give threshold, on a grid of kGiveStep from kModelGives down to
// kLowestGives, at which the label as rules and model give it together
// (CombinedGives) has the best F1 over the outcomes that are not copies:
// the model is less sure of the rough copies, which would pull the
// thresholds down. For a calibrated model the threshold with the best F1
// is about half that F1, so below 0.5 for any label it does not get right
// every time. Ties go to the higher threshold, which sends fewer labels
// to review.
double ChooseGiveThreshold(const std::vector<GiveOutcome>& outcomes);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_GIVE_THRESHOLD_H_
