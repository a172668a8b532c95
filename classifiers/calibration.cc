#include "classifiers/calibration.h"

#include <cmath>

namespace intake {
namespace {

// The negative log-likelihood of targets t under 1/(1+exp(a f + b)),
// written so that exp never overflows.
double Loss(const std::vector<Outcome>& s, const std::vector<double>& t,
            double a, double b) {
  double loss = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    double x = s[i].value * a + b;
    loss += x >= 0 ? t[i] * x + std::log1p(std::exp(-x))
                   : (t[i] - 1) * x + std::log1p(std::exp(x));
  }
  return loss;
}

}  // namespace

Platt FitPlatt(const std::vector<Outcome>& scores) {
  double positives = 0, negatives = 0;
  for (const Outcome& o : scores) (o.positive ? positives : negatives) += 1;
  const double hi = (positives + 1) / (positives + 2);
  const double lo = 1 / (negatives + 2);
  std::vector<double> t;
  t.reserve(scores.size());
  for (const Outcome& o : scores) t.push_back(o.positive ? hi : lo);
  double a = 0;
  double b = std::log((negatives + 1) / (positives + 1));
  double loss = Loss(scores, t, a, b);
  for (int iteration = 0; iteration < 100; ++iteration) {
    double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
      double f = scores[i].value;
      double x = f * a + b;
      double p =
          x >= 0 ? std::exp(-x) / (1 + std::exp(-x)) : 1 / (1 + std::exp(x));
      double q = 1 - p;
      double d2 = p * q;
      h11 += f * f * d2;
      h22 += d2;
      h21 += f * d2;
      double d1 = t[i] - p;
      g1 += f * d1;
      g2 += d1;
    }
    if (std::abs(g1) < 1e-5 && std::abs(g2) < 1e-5) break;
    double det = h11 * h22 - h21 * h21;
    double da = -(h22 * g1 - h21 * g2) / det;
    double db = -(-h21 * g1 + h11 * g2) / det;
    double gd = g1 * da + g2 * db;
    double step = 1;
    while (step >= 1e-10) {
      double na = a + step * da, nb = b + step * db;
      double nl = Loss(scores, t, na, nb);
      if (nl < loss + 1e-4 * step * gd) {
        a = na;
        b = nb;
        loss = nl;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return {a, b};
}

double ExpectedCalibrationError(const std::vector<Outcome>& probabilities,
                                int bins) {
  if (probabilities.empty()) return 0;
  std::vector<double> sum(bins, 0), hits(bins, 0), count(bins, 0);
  for (const Outcome& o : probabilities) {
    int bin = static_cast<int>(o.value * bins);
    if (bin >= bins) bin = bins - 1;
    if (bin < 0) bin = 0;
    sum[bin] += o.value;
    hits[bin] += o.positive ? 1 : 0;
    count[bin] += 1;
  }
  double error = 0;
  for (int k = 0; k < bins; ++k) {
    if (count[k] == 0) continue;
    error += std::abs(sum[k] - hits[k]);  // = |mean p - share| * count
  }
  return error / probabilities.size();
}

double AcceptThreshold(const std::vector<Outcome>& probabilities,
                       double precision) {
  for (int step = 50; step < 100; ++step) {
    double t = step / 100.0;
    int above = 0, right = 0;
    for (const Outcome& o : probabilities) {
      if (o.value < t) continue;
      ++above;
      right += o.positive ? 1 : 0;
    }
    if (above > 0 && right >= precision * above) return t;
  }
  return 1.0;
}

double RejectThreshold(const std::vector<Outcome>& probabilities, double accept,
                       double miss) {
  int positives = 0;
  for (const Outcome& o : probabilities) positives += o.positive ? 1 : 0;
  for (int step = static_cast<int>(std::lround(accept * 100)); step > 0;
       --step) {
    double t = step / 100.0;
    int below = 0;
    for (const Outcome& o : probabilities) {
      if (o.positive && o.value < t) ++below;
    }
    if (below <= miss * positives) return t;
  }
  return 0.0;
}

}  // namespace intake
