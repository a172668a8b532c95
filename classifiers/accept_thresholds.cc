#include "classifiers/accept_thresholds.h"

#include <algorithm>
#include <cmath>

namespace intake {
namespace {

constexpr double kTop = 0.99;
constexpr double kStanceFloor = 0.5;
constexpr double kSteps[] = {0.01, 0.02, 0.05, 0.1, 0.2};

// Thresholds as one list: the banded dimensions, then the stance contexts.
constexpr int kCount = kBandedDimensions + kThresholdStanceContexts;

double& At(AcceptThresholds& t, int i) {
  return i < kBandedDimensions ? t.label[i] : t.stance[i - kBandedDimensions];
}

// Thresholds are written with two decimals (docs/model.md): kept on that
// grid so that repeated steps do not drift from it.
double OnGrid(double x) { return std::round(x * 100) / 100; }

}  // namespace

ThresholdFigures MeasureThresholds(const std::vector<ThresholdPassage>& p,
                                   const AcceptThresholds& t) {
  long accepted = 0, right = 0, review = 0;
  for (const ThresholdPassage& passage : p) {
    bool flagged = false;
    for (int d = 0; d < kBandedDimensions; ++d) {
      for (const auto& [probability, is_right] : passage.labels[d]) {
        if (probability >= t.label[d]) {
          ++accepted;
          right += is_right ? 1 : 0;
        } else {
          flagged = true;
        }
      }
    }
    if (passage.stance_confidence >= t.stance[passage.stance_context]) {
      ++accepted;
      right += passage.stance_right ? 1 : 0;
    } else {
      flagged = true;
    }
    review += flagged ? 1 : 0;
  }
  ThresholdFigures f;
  f.precision = accepted > 0 ? static_cast<double>(right) / accepted : 0.0;
  f.review_share =
      p.empty() ? 0.0
                : static_cast<double>(review) / static_cast<double>(p.size());
  return f;
}

AcceptThresholds ChooseAcceptThresholds(
    const std::vector<ThresholdPassage>& passages, AcceptThresholds start,
    const std::array<double, kBandedDimensions>& floor, double precision) {
  auto lowest = [&](int i) {
    return i < kBandedDimensions ? floor[i] : kStanceFloor;
  };
  AcceptThresholds best = start;
  ThresholdFigures now = MeasureThresholds(passages, best);
  for (;;) {
    AcceptThresholds chosen = best;
    ThresholdFigures chosen_figures = now;
    // up == kCount: a threshold lowered alone.
    for (int down = 0; down < kCount; ++down) {
      for (int up = 0; up <= kCount; ++up) {
        if (up == down) continue;
        for (double down_step : kSteps) {
          for (double up_step : kSteps) {
            if (up == kCount && up_step != kSteps[0]) continue;
            AcceptThresholds t = best;
            if (At(t, down) - down_step < lowest(down) - 1e-9) continue;
            At(t, down) = OnGrid(At(t, down) - down_step);
            if (up < kCount) {
              if (At(t, up) + up_step > kTop + 1e-9) continue;
              At(t, up) = OnGrid(At(t, up) + up_step);
            }
            ThresholdFigures f = MeasureThresholds(passages, t);
            if (f.precision < precision) continue;
            // Ties go to the move found first, so the choice is the same
            // on every run.
            if (f.review_share < chosen_figures.review_share - 1e-12) {
              chosen = t;
              chosen_figures = f;
            }
          }
        }
      }
    }
    if (chosen_figures.review_share >= now.review_share - 1e-12) return best;
    best = chosen;
    now = chosen_figures;
  }
}

}  // namespace intake
