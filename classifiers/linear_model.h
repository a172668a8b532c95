// The learned model: one linear scorer per label over hashed features
// (model_features.h), a Platt calibration per label that turns a score
// into a probability, and the bands that sort a probability into
// accepted, review or rejected. Reading and writing its file is
// model_file.h.
//
// A LinearModel is immutable once loaded and shared between threads as
// std::shared_ptr<const LinearModel>. Training is model_training.h.
#ifndef INTAKE_CLASSIFIERS_LINEAR_MODEL_H_
#define INTAKE_CLASSIFIERS_LINEAR_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classifiers/calibration.h"
#include "classifiers/model_features.h"

namespace intake {

// The probability at which the model gives a label by itself, unless
// training chose a lower one for the label (ModelLabel::gives); also the
// lowest accept threshold: a label more likely wrong than right is never
// accepted.
inline constexpr double kModelGives = 0.5;
// The lowest give threshold training chooses: below it, the few labels a
// lower threshold adds out of fold are too few to choose by.
inline constexpr double kLowestGives = 0.25;
// Below this probability the model takes back a label the rules gave:
// it is at least 95% sure the rules are wrong there (docs/model.md,
// "Combining with the rules").
inline constexpr double kModelVetoes = 0.05;

// Whether rules and model together give a label of article14, activity
// or theme, which the rules gave or not, at the model's probability `p`
// and the label's give threshold `gives`.
inline bool CombinedGives(bool rules_give, double p, double gives) {
  return rules_give ? p >= kModelVetoes : p >= gives;
}

struct ModelLabel {
  std::string name;  // "dimension:code", as in Evidence::label
  double bias = 0;   // the score of a passage with no features
  // Probability = 1 / (1 + exp(platt_a * score + platt_b)).
  double platt_a = -1;
  double platt_b = 0;
  // Probability at or above `accept`: accepted; below `reject`: rejected;
  // between: a person should look. 0 <= reject <= accept <= 1, and
  // reject <= gives for article14, activity and theme labels, so that a
  // label the model gives is either accepted or reviewed.
  double accept = 1;
  double reject = 0;
  // The probability at or above which the model gives the label by
  // itself: chosen in training, between kLowestGives and kModelGives, for
  // the best F1 out of fold (docs/model.md, "Combining with the rules").
  // Not used for the stance.
  double gives = kModelGives;
};

// One feature's part in a label's score, for evidence.
struct Contribution {
  size_t feature = 0;  // index into the features given to Contributions
  double amount = 0;   // weight times value
};

// What the stance's confidence is judged in: a passage without support
// labels (no article14 or activity label) is nearly always `other`; one
// with them may be need, provided or received, and is much harder. Each
// has its own stance calibration and accept threshold. (Splitting the
// second by whether the rules chose the model's stance was measured too,
// by letter-wise cross-validation: it sent more passages to review.)
enum StanceContext {
  kPlainPassage = 0,    // no support label
  kSupportPassage = 1,  // an article14 or activity label
};
inline constexpr int kStanceContexts = 2;
// Its name in the model file: "plain", "support".
const char* StanceContextName(int context);

StanceContext StanceContextOf(const std::vector<std::string>& article14,
                              const std::vector<std::string>& activity);

struct StanceCalibration {
  // Maps the logit of the most probable stance's share of the stance
  // distribution to the probability that it is right: one-vs-rest
  // probabilities, even each calibrated, are not once normalised.
  Platt platt;
  // A stance less probable than this is reviewed.
  double accept = 1;
};

struct LinearModel {
  // SHA-256 (hex) of the labelled files it was trained on, in the order
  // given, and how many passages they held.
  std::string training_data;
  int passages = 0;
  std::string rules_version;  // of the rules whose features it learned
  std::vector<ModelLabel> labels;
  // By StanceContext. The stance labels' own reject and accept are not
  // used.
  StanceCalibration stance[kStanceContexts];
  std::vector<uint32_t> buckets;  // sorted; the features it has weights for
  // Open addressing from a bucket to its index in `buckets` (-1: a free
  // slot), built by IndexBuckets: Rows looks a feature up in one or two
  // probes of a table that stays in cache, instead of a binary search
  // over tens of thousands of buckets.
  std::vector<std::pair<uint32_t, int32_t>> bucket_rows;
  // weights[b * labels.size() + l]: of buckets[b] for labels[l]. Floats:
  // the file keeps no more precision, and a row of 50 labels is half the
  // memory to fetch (docs/model.md, "File format").
  std::vector<float> weights;
  // First 12 hex digits of the SHA-256 of the model file's content after
  // its version line, which states it: set by Save and Load, "" for a
  // model only built in memory.
  std::string version;

  // Builds bucket_rows from buckets; call after setting buckets.
  void IndexBuckets();
  // The label's index, or -1.
  int Find(std::string_view name) const;
  // The weight row of each feature (its index in `buckets`), -1 where the
  // model has no weights for its bucket: looked up once for Scores and
  // every TopContributions of a passage. REQUIRES: IndexBuckets() was
  // called since buckets last changed (the loader and training do).
  std::vector<int32_t> Rows(const std::vector<ModelFeature>& features) const;
  // Scores of every label, in `labels` order.
  std::vector<double> Scores(const std::vector<ModelFeature>& features) const;
  // REQUIRES: rows == Rows(features).
  std::vector<double> Scores(const std::vector<ModelFeature>& features,
                             const std::vector<int32_t>& rows) const;
  double Probability(size_t label, double score) const;
  // The probability that the stance with share `top` of
  // StanceDistribution is right, in a passage of `context`.
  double StanceConfidence(double top, StanceContext context) const;
  // The features that raise label `label` most, largest first, at most
  // `limit` (positive contributions only).
  // REQUIRES: rows == Rows(features).
  std::vector<Contribution> TopContributions(
      size_t label, const std::vector<ModelFeature>& features,
      const std::vector<int32_t>& rows, size_t limit) const;
};

// Probabilities of the stance codes the model has, from Scores(),
// normalised to sum to 1 (one-vs-rest models do not by themselves):
// (code, probability) in the model's label order.
std::vector<std::pair<std::string, double>> StanceDistribution(
    const LinearModel& model, const std::vector<double>& scores);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_LINEAR_MODEL_H_
