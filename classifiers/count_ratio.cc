#include "classifiers/count_ratio.h"

#include <cmath>

namespace intake {

std::vector<double> CountRatioScales(const std::vector<feature_node*>& rows,
                                     const std::vector<double>& y, int n,
                                     double power) {
  std::vector<double> scales(n, 1.0);
  std::vector<double> with(n, 0.0), without(n, 0.0);
  double positives = 0, negatives = 0;
  for (size_t k = 0; k < rows.size(); ++k) {
    std::vector<double>& count = y[k] > 0 ? with : without;
    (y[k] > 0 ? positives : negatives) += 1;
    for (const feature_node* f = rows[k]; f->index != -1; ++f) {
      count[f->index - 1] += 1;
    }
  }
  for (int j = 0; j + 1 < n; ++j) {
    double p = (with[j] + 1) / (positives + 2);
    double q = (without[j] + 1) / (negatives + 2);
    scales[j] = std::pow(std::fabs(std::log(p / q)), power);
  }
  return scales;
}

std::vector<std::vector<feature_node>> ScaledRows(
    const std::vector<feature_node*>& rows, const std::vector<double>& scales) {
  std::vector<std::vector<feature_node>> scaled(rows.size());
  for (size_t k = 0; k < rows.size(); ++k) {
    const feature_node* begin = rows[k];
    const feature_node* end = begin;
    while (end->index != -1) ++end;
    scaled[k].assign(begin, end + 1);  // with its terminator
    for (feature_node& node : scaled[k]) {
      if (node.index != -1) node.value *= scales[node.index - 1];
    }
  }
  return scaled;
}

}  // namespace intake
