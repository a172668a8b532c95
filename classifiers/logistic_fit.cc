#include "classifiers/logistic_fit.h"

#include <algorithm>

#include "classifiers/count_ratio.h"

namespace intake {
namespace {

void Quiet(const char*) {}

}  // namespace

TrainingRows::TrainingRows(const std::vector<TrainingPassage>& passages,
                           const std::vector<uint32_t>& buckets) {
  n_ = static_cast<int>(buckets.size()) + 1;  // the bias is feature n
  rows_.resize(passages.size());
  for (size_t i = 0; i < passages.size(); ++i) {
    for (const ModelFeature& f : passages[i].features) {
      auto it = std::lower_bound(buckets.begin(), buckets.end(), f.bucket);
      if (it == buckets.end() || *it != f.bucket) continue;
      rows_[i].push_back({static_cast<int>(it - buckets.begin()) + 1, f.value});
    }
    rows_[i].push_back({n_, 1.0});
    rows_[i].push_back({-1, 0.0});
  }
}

std::vector<double> FitLogistic(TrainingRows* training,
                                const std::vector<size_t>& rows,
                                const std::vector<double>& y, double cost,
                                bool balanced, double ratio_power) {
  std::vector<double> labels;
  std::vector<feature_node*> x;
  double positives = 0, negatives = 0;
  for (size_t i : rows) {
    labels.push_back(y[i]);
    x.push_back(training->row(i));
    (y[i] > 0 ? positives : negatives) += 1;
  }
  std::vector<double> w(training->n(), 0.0);
  if (positives == 0 || negatives == 0) {
    w.back() = positives > 0 ? 5.0 : -5.0;
    return w;
  }
  std::vector<double> scales(training->n(), 1.0);
  std::vector<std::vector<feature_node>> scaled;
  if (ratio_power > 0) {  // at 0 every scale is 1: no copies needed
    scales = CountRatioScales(x, labels, training->n(), ratio_power);
    scaled = ScaledRows(x, scales);
    for (size_t k = 0; k < x.size(); ++k) x[k] = scaled[k].data();
  }
  struct problem prob;
  prob.l = static_cast<int>(rows.size());
  prob.n = training->n();
  prob.y = labels.data();
  prob.x = x.data();
  prob.bias = 1.0;
  struct parameter param = {};
  param.solver_type = L2R_LR;
  param.eps = 0.001;
  param.C = cost;
  int class_label[2] = {1, -1};
  double class_weight[2] = {1.0, 1.0};
  if (balanced) {
    const double all = positives + negatives;
    class_weight[0] = all / (2 * positives);
    class_weight[1] = all / (2 * negatives);
    param.nr_weight = 2;
    param.weight_label = class_label;
    param.weight = class_weight;
  }
  set_print_string_function(Quiet);
  struct model* m = train(&prob, &param);
  // liblinear orients w towards the first label it met.
  double sign = m->label[0] > 0 ? 1.0 : -1.0;
  for (int j = 0; j < training->n(); ++j) w[j] = sign * m->w[j] * scales[j];
  free_and_destroy_model(&m);
  return w;
}

double RowScore(const std::vector<double>& w, const feature_node* row) {
  double s = 0;
  for (; row->index != -1; ++row) s += w[row->index - 1] * row->value;
  return s;
}

}  // namespace intake
