// One label's logistic regression, as training fits it: the passages as
// liblinear reads them, the fit (liblinear's deterministic primal solver),
// and a passage's score under the weights it finds. What to fit, and what
// the scores are for, is model_training.cc's.
#ifndef INTAKE_CLASSIFIERS_LOGISTIC_FIT_H_
#define INTAKE_CLASSIFIERS_LOGISTIC_FIT_H_

#include <linear.h>

#include <cstdint>
#include <vector>

#include "classifiers/model_training.h"

namespace intake {

// The passages as liblinear reads them: feature nodes indexed 1..n over
// the kept buckets, then the bias node, then the -1 terminator.
class TrainingRows {
 public:
  TrainingRows(const std::vector<TrainingPassage>& passages,
               const std::vector<uint32_t>& buckets);
  int n() const { return n_; }
  feature_node* row(size_t i) { return rows_[i].data(); }

 private:
  int n_ = 0;
  std::vector<std::vector<feature_node>> rows_;
};

// Weights (n of them, the bias last) of a logistic regression of `y` on
// the passages `rows` of `training`. All y of one sign give a constant model.
// With `balanced`, each class's errors cost in inverse proportion to its size,
// so the few passages of a rare label weigh as much as the many without.
// Features are scaled by their count ratios at `ratio_power`
// (count_ratio.h) for the fit, and the weights by the same afterwards.
std::vector<double> FitLogistic(TrainingRows* training,
                                const std::vector<size_t>& rows,
                                const std::vector<double>& y, double cost,
                                bool balanced, double ratio_power);

// The score of the passage `row` (ended by index -1) under weights w.
double RowScore(const std::vector<double>& w, const feature_node* row);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_LOGISTIC_FIT_H_
