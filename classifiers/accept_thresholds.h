// Choosing the accept thresholds of all dimensions together.
//
// Issue 4 asks for bands such that accepted labels are at least 95%
// precise while as few passages as possible go to review. A threshold per
// dimension, each set for 95% on its own, meets the first half but not
// the second: it holds every dimension to the target, where the target is
// for accepted labels as a whole. Raising the threshold of one dimension
// (article 14, say, whose labels come in large numbers near the top) can
// pay for lowering another whose band holds many passages (the stance of
// support passages). ChooseAcceptThresholds makes such trades out of fold,
// one step at a time, while the pooled precision holds.
#ifndef INTAKE_CLASSIFIERS_ACCEPT_THRESHOLDS_H_
#define INTAKE_CLASSIFIERS_ACCEPT_THRESHOLDS_H_

#include <array>
#include <utility>
#include <vector>

namespace intake {

// The multi-label dimensions with bands: article14, activity, theme.
inline constexpr int kBandedDimensions = 3;
// The stance's contexts (linear_model.h, StanceContext).
inline constexpr int kThresholdStanceContexts = 2;

// One passage, out of fold, as the thresholds see it.
struct ThresholdPassage {
  // Per banded dimension: each label's probability and whether it is right,
  // for the labels at or above that dimension's reject threshold.
  std::array<std::vector<std::pair<double, bool>>, kBandedDimensions> labels;
  double stance_confidence = 0;
  int stance_context = 0;
  bool stance_right = false;
};

struct AcceptThresholds {
  std::array<double, kBandedDimensions> label{};
  std::array<double, kThresholdStanceContexts> stance{};
};

// What a choice of thresholds does to the passages.
struct ThresholdFigures {
  double precision = 0;     // of all accepted labels, stance included
  double review_share = 0;  // passages with a label or stance below accept
};

ThresholdFigures MeasureThresholds(const std::vector<ThresholdPassage>& p,
                                   const AcceptThresholds& t);

// From `start` (which should meet `precision`), moves of 0.01 to 0.2,
// one threshold up and another down or one down alone, each the move that
// lowers the review share most while the pooled precision stays at least
// `precision`; stops when no move does. Thresholds stay within
// [floor[d], 0.99] (the reject threshold, or kModelGives, for labels) and
// [0.5, 0.99] for the stance.
AcceptThresholds ChooseAcceptThresholds(
    const std::vector<ThresholdPassage>& passages, AcceptThresholds start,
    const std::array<double, kBandedDimensions>& floor, double precision);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_ACCEPT_THRESHOLDS_H_
