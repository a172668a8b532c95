// Turning model scores into probabilities one can read as such, and
// measuring how well they read: Platt scaling, expected calibration
// error, and the probability bands of docs/model.md. Pure arithmetic over
// (probability or score, outcome) pairs; where the pairs come from (out
// of fold during training, a labelled file in `intake eval`) is the
// caller's business.
#ifndef INTAKE_CLASSIFIERS_CALIBRATION_H_
#define INTAKE_CLASSIFIERS_CALIBRATION_H_

#include <vector>

namespace intake {

struct Outcome {
  double value = 0;  // a score or a probability
  bool positive = false;
};

struct Platt {
  double a = -1;  // probability = 1 / (1 + exp(a * score + b))
  double b = 0;
};

// Platt's sigmoid fitted by Newton's method with the smoothed targets of
// Lin, Lin and Weng (2007), so that a label seen only a few times does
// not get probabilities of exactly 0 or 1. Deterministic.
Platt FitPlatt(const std::vector<Outcome>& scores);

// Expected calibration error over `bins` equal-width bins of probability:
// the mean, weighted by bin size, of |mean probability - share positive|.
// 0 for no outcomes.
double ExpectedCalibrationError(const std::vector<Outcome>& probabilities,
                                int bins = 10);

// The lowest probability threshold t (0.50, 0.51, ... 0.99) at which the
// outcomes with probability >= t are at least `precision` positive; 1.0
// (accept nothing) when none is.
double AcceptThreshold(const std::vector<Outcome>& probabilities,
                       double precision);

// The highest threshold t <= accept (steps of 0.01) below which at most
// `miss` of all positives lie: what is rejected loses few true labels.
double RejectThreshold(const std::vector<Outcome>& probabilities, double accept,
                       double miss);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_CALIBRATION_H_
