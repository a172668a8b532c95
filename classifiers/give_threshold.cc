#include "classifiers/give_threshold.h"

#include <cmath>

#include "classifiers/linear_model.h"

namespace intake {

double ChooseGiveThreshold(const std::vector<GiveOutcome>& outcomes) {
  double best = kModelGives;
  double best_f1 = -1;
  for (int step = 0; kModelGives - kGiveStep * step >= kLowestGives - 1e-9;
       ++step) {
    // On the grid of two decimals the model file keeps, so that what is
    // measured here is what the classifier does.
    const double gives =
        std::round((kModelGives - kGiveStep * step) * 100) / 100;
    long right = 0, wrong = 0, missed = 0;
    for (const GiveOutcome& o : outcomes) {
      if (o.copy) continue;
      bool given = CombinedGives(o.rules_give, o.probability, gives);
      right += given && o.gold;
      wrong += given && !o.gold;
      missed += !given && o.gold;
    }
    double f1 = right > 0 ? 2.0 * right / (2.0 * right + wrong + missed) : 0;
    if (f1 > best_f1 + 1e-12) {
      best = gives;
      best_f1 = f1;
    }
  }
  return best;
}

}  // namespace intake
