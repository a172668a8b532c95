#include "classifiers/model_training.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <utility>

#include "classifiers/accept_thresholds.h"
#include "classifiers/calibration.h"
#include "classifiers/give_threshold.h"
#include "classifiers/logistic_fit.h"
#include "classifiers/taxonomy.h"

namespace intake {
namespace {

// Stance outcomes a context needs for a calibration of its own.
constexpr size_t kMinStanceContext = 30;

// The reject threshold of a multi-label band narrowed by `narrow` (0: as
// chosen, 1: up to accept), but never above `gives`, where the model
// gives the label itself: a label given below its accept threshold must
// be reviewed, not passed through unseen.
double Narrowed(double reject, double accept, double narrow, double gives) {
  return std::min(reject + narrow * (accept - reject), gives);
}

bool HasLabel(const LabelSet& gold, std::string_view dimension,
              std::string_view code) {
  const std::vector<std::string>* list =
      dimension == kArticle14  ? &gold.article14
      : dimension == kActivity ? &gold.activity
      : dimension == kTheme    ? &gold.theme
                               : nullptr;
  if (list == nullptr) return gold.stance == code;
  return std::find(list->begin(), list->end(), code) != list->end();
}

struct Candidate {
  std::string dimension;
  std::string code;
  std::vector<double> y;  // +1 / -1 per passage
  int positives = 0;
};

// The stance's four one-vs-rest fits keep the passages' own proportions:
// weighted, they gained nothing measurable (docs/model.md, "Training").
bool Balanced(const TrainOptions& options, const Candidate& c) {
  return options.balance_labels && c.dimension != kStance;
}

double RatioPower(const TrainOptions& options, const Candidate& c) {
  return c.dimension == kArticle14 ? options.article14_ratio_power
                                   : options.ratio_power;
}

// The accept thresholds of every dimension and stance context chosen
// together (accept_thresholds.h), from the per-dimension ones in *bands
// and stance_accept, out of fold. A label is accepted at or above its
// dimension's threshold, never below kModelGives.
void ChooseTogether(const std::vector<TrainingPassage>& passages,
                    const std::vector<Candidate>& candidates,
                    const LinearModel& m,
                    const std::vector<std::vector<double>>& probability,
                    const std::vector<std::string>& stance,
                    const std::vector<double>& stance_confidence,
                    const std::vector<StanceContext>& context, double precision,
                    std::map<std::string, std::pair<double, double>>* bands,
                    double stance_accept[kStanceContexts]) {
  static_assert(kStanceContexts == kThresholdStanceContexts);
  const std::string_view banded[kBandedDimensions] = {kArticle14, kActivity,
                                                      kTheme};
  AcceptThresholds start;
  std::array<double, kBandedDimensions> floor{};
  for (int d = 0; d < kBandedDimensions; ++d) {
    auto [reject, accept] = (*bands)[std::string(banded[d])];
    floor[d] = std::max(reject, kModelGives);
    start.label[d] = std::max(accept, floor[d]);
  }
  for (int k = 0; k < kStanceContexts; ++k) start.stance[k] = stance_accept[k];
  std::vector<ThresholdPassage> seen(passages.size());
  for (size_t i = 0; i < passages.size(); ++i) {
    for (size_t c = 0; c < candidates.size(); ++c) {
      for (int d = 0; d < kBandedDimensions; ++d) {
        if (candidates[c].dimension != banded[d]) continue;
        // Every label the model gives: those below floor[d] are never
        // accepted, so always reviewed, and count in the review share.
        if (probability[i][c] < m.labels[c].gives) continue;
        seen[i].labels[d].push_back(
            {probability[i][c], candidates[c].y[i] > 0});
      }
    }
    seen[i].stance_confidence = stance_confidence[i];
    seen[i].stance_context = context[i];
    seen[i].stance_right = passages[i].gold.stance == stance[i];
  }
  AcceptThresholds chosen =
      ChooseAcceptThresholds(seen, start, floor, precision);
  for (int d = 0; d < kBandedDimensions; ++d) {
    (*bands)[std::string(banded[d])].second = chosen.label[d];
  }
  for (int k = 0; k < kStanceContexts; ++k) stance_accept[k] = chosen.stance[k];
}

}  // namespace

Status CheckTrainOptions(const TrainOptions& options) {
  if (options.folds < 2) {
    return Status::InvalidArgument("cross-validation needs at least 2 folds");
  }
  // liblinear does not check C itself: at 0 or below its solver never
  // ends.
  if (!(options.cost > 0) || !std::isfinite(options.cost)) {
    return Status::InvalidArgument(
        "the cost (C) must be a number above 0, e.g. --cost 8");
  }
  // Below 0 the features that say nothing, scaled by 0, would be
  // infinite; far above 1 the scales overflow and the solver never ends.
  const std::pair<double, const char*> powers[] = {
      {options.ratio_power, "--ratio-power"},
      {options.article14_ratio_power, "--article14-ratio-power"}};
  for (const auto& [power, flag] : powers) {
    if (!(power >= 0 && power <= kMaxRatioPower)) {
      char message[128];
      std::snprintf(message, sizeof message,
                    "the count ratios' power must be a number from 0 to %g, "
                    "e.g. %s 0.5",
                    kMaxRatioPower, flag);
      return Status::InvalidArgument(message);
    }
  }
  // Accept thresholds are sought from 0.50 up: a precision below that
  // would accept every label the model gives at all.
  if (!(options.accept_precision >= 0.5 && options.accept_precision <= 1)) {
    return Status::InvalidArgument(
        "the accepted labels' precision must be from 0.5 to 1, e.g. "
        "--accept-precision 0.96");
  }
  return Status::Ok();
}

Status TrainModel(const std::vector<TrainingPassage>& passages,
                  const TrainOptions& options, LinearModel* model,
                  TrainReport* report, std::vector<OutOfFold>* out_of_fold) {
  if (passages.empty()) {
    return Status::InvalidArgument("no labelled passages to train on");
  }
  Status checked = CheckTrainOptions(options);
  if (!checked.ok()) return checked;
  *report = TrainReport();

  // Features in at least min_count passages.
  std::map<uint32_t, int> count;
  for (const TrainingPassage& p : passages) {
    for (const ModelFeature& f : p.features) ++count[f.bucket];
  }
  std::vector<uint32_t> buckets;
  for (const auto& [bucket, c] : count) {
    if (c >= options.min_count) buckets.push_back(bucket);
  }
  report->features = static_cast<int>(buckets.size());
  TrainingRows rows(passages, buckets);

  std::vector<Candidate> candidates;
  for (std::string_view dimension : TaxonomyDimensions()) {
    for (std::string_view code : TaxonomyCodes(dimension)) {
      Candidate c{std::string(dimension), std::string(code), {}, 0};
      for (const TrainingPassage& p : passages) {
        bool yes = HasLabel(p.gold, dimension, code);
        c.y.push_back(yes ? 1.0 : -1.0);
        c.positives += yes ? 1 : 0;
      }
      if (c.positives < options.min_positives ||
          c.positives == static_cast<int>(passages.size())) {
        report->skipped.push_back(c.dimension + ":" + c.code);
        continue;
      }
      candidates.push_back(std::move(c));
    }
  }

  // Scores each passage gets from the model trained without its fold.
  std::vector<std::vector<double>> held_out(
      candidates.size(), std::vector<double>(passages.size(), 0.0));
  for (int fold = 0; fold < options.folds; ++fold) {
    std::vector<size_t> train_rows, test_rows;
    for (size_t i = 0; i < passages.size(); ++i) {
      (passages[i].fold == fold ? test_rows : train_rows).push_back(i);
    }
    if (test_rows.empty() || train_rows.empty()) continue;
    for (size_t c = 0; c < candidates.size(); ++c) {
      std::vector<double> w = FitLogistic(
          &rows, train_rows, candidates[c].y, options.cost,
          Balanced(options, candidates[c]), RatioPower(options, candidates[c]));
      for (size_t i : test_rows) held_out[c][i] = RowScore(w, rows.row(i));
    }
  }

  LinearModel m;
  const size_t n = candidates.size();
  m.buckets = buckets;
  m.IndexBuckets();
  m.weights.assign(buckets.size() * n, 0.0f);
  std::vector<size_t> all(passages.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  for (size_t c = 0; c < n; ++c) {
    ModelLabel label;
    label.name = candidates[c].dimension + ":" + candidates[c].code;
    std::vector<Outcome> scores;
    for (size_t i = 0; i < passages.size(); ++i) {
      scores.push_back({held_out[c][i], candidates[c].y[i] > 0});
    }
    Platt platt = FitPlatt(scores);
    label.platt_a = platt.a;
    label.platt_b = platt.b;
    std::vector<double> w = FitLogistic(
        &rows, all, candidates[c].y, options.cost,
        Balanced(options, candidates[c]), RatioPower(options, candidates[c]));
    label.bias = w.back();
    for (size_t b = 0; b < buckets.size(); ++b) {
      m.weights[b * n + c] = static_cast<float>(w[b]);
    }
    m.labels.push_back(std::move(label));
  }

  // Out-of-fold probabilities of every label, and the stance chosen
  // with its share of the stance distribution.
  std::vector<std::vector<double>> probability(passages.size(),
                                               std::vector<double>(n, 0.0));
  std::vector<std::string> stance(passages.size(), std::string(kStanceOther));
  std::vector<double> stance_top(passages.size(), 1.0);
  std::vector<StanceContext> context(passages.size(), kPlainPassage);
  std::vector<Outcome> stance_logits[kStanceContexts];
  std::vector<LabelSet> given_of(out_of_fold != nullptr ? passages.size() : 0);
  for (size_t i = 0; i < passages.size(); ++i) {
    for (size_t c = 0; c < n; ++c) {
      probability[i][c] = m.Probability(c, held_out[c][i]);
    }
  }
  for (size_t c = 0; c < n; ++c) {
    const Candidate& label = candidates[c];
    if (label.dimension == kStance) continue;
    std::vector<GiveOutcome> outcomes(passages.size());
    for (size_t i = 0; i < passages.size(); ++i) {
      outcomes[i] = {probability[i][c],
                     HasLabel(passages[i].rules, label.dimension, label.code),
                     label.y[i] > 0, passages[i].copy};
    }
    m.labels[c].gives = ChooseGiveThreshold(outcomes);
  }
  for (size_t i = 0; i < passages.size(); ++i) {
    std::vector<double> scores(n);
    for (size_t c = 0; c < n; ++c) scores[c] = held_out[c][i];
    // The support labels as the combined classifier gives them: by the
    // rules unless the model takes them back, or by the model. A label
    // without a scorer is the rules'.
    std::vector<std::string> article14 = passages[i].rules.article14;
    std::vector<std::string> activity = passages[i].rules.activity;
    std::vector<std::string> theme = passages[i].rules.theme;
    for (size_t c = 0; c < n; ++c) {
      std::vector<std::string>* given =
          candidates[c].dimension == kArticle14  ? &article14
          : candidates[c].dimension == kActivity ? &activity
          : candidates[c].dimension == kTheme    ? &theme
                                                 : nullptr;
      if (given == nullptr) continue;
      auto at = std::find(given->begin(), given->end(), candidates[c].code);
      bool rules_give = at != given->end();
      bool gives =
          CombinedGives(rules_give, probability[i][c], m.labels[c].gives);
      if (rules_give && !gives) given->erase(at);
      if (!rules_give && gives) given->push_back(candidates[c].code);
    }
    if (out_of_fold != nullptr) {
      given_of[i] = {article14, activity, std::move(theme),
                     passages[i].rules.stance};
    }
    auto distribution = StanceDistribution(m, scores);
    if (distribution.empty()) continue;
    size_t best = 0;
    for (size_t k = 1; k < distribution.size(); ++k) {
      if (distribution[k].second > distribution[best].second) best = k;
    }
    stance[i] = distribution[best].first;
    if (out_of_fold != nullptr) given_of[i].stance = stance[i];
    context[i] = StanceContextOf(article14, activity);
    stance_top[i] = std::clamp(distribution[best].second, 1e-6, 1 - 1e-6);
    stance_logits[context[i]].push_back(
        {std::log(stance_top[i] / (1 - stance_top[i])),
         passages[i].gold.stance == stance[i]});
  }
  // A context with too few passages to fit shares the other's fit.
  std::vector<Outcome> all_logits;
  for (const std::vector<Outcome>& o : stance_logits) {
    all_logits.insert(all_logits.end(), o.begin(), o.end());
  }
  const Platt pooled = FitPlatt(all_logits);
  for (int k = 0; k < kStanceContexts; ++k) {
    m.stance[k].platt = stance_logits[k].size() >= kMinStanceContext
                            ? FitPlatt(stance_logits[k])
                            : pooled;
  }
  std::vector<double> stance_confidence(passages.size());
  for (size_t i = 0; i < passages.size(); ++i) {
    stance_confidence[i] = m.StanceConfidence(stance_top[i], context[i]);
  }
  // Stance outcomes of one context, or of both (-1).
  auto stance_outcomes = [&](int k) {
    std::vector<Outcome> out;
    for (size_t i = 0; i < passages.size(); ++i) {
      if (k >= 0 && context[i] != k) continue;
      out.push_back(
          {stance_confidence[i], passages[i].gold.stance == stance[i]});
    }
    return out;
  };
  auto outcomes = [&](std::string_view dimension) {
    if (dimension == kStance) return stance_outcomes(-1);
    std::vector<Outcome> out;
    for (size_t i = 0; i < passages.size(); ++i) {
      for (size_t c = 0; c < n; ++c) {
        if (candidates[c].dimension != dimension) continue;
        out.push_back({probability[i][c], candidates[c].y[i] > 0});
      }
    }
    return out;
  };

  std::map<std::string, std::pair<double, double>> bands;  // reject, accept
  for (std::string_view dimension : TaxonomyDimensions()) {
    std::vector<Outcome> o = outcomes(dimension);
    double accept = AcceptThreshold(o, options.accept_precision);
    double reject = RejectThreshold(o, accept, options.reject_miss);
    bands[std::string(dimension)] = {reject, accept};
  }
  double stance_accept[kStanceContexts];
  for (int k = 0; k < kStanceContexts; ++k) {
    stance_accept[k] =
        AcceptThreshold(stance_outcomes(k), options.accept_precision);
  }
  auto stance_accepted = [&](size_t i) {
    return stance_confidence[i] >= stance_accept[context[i]];
  };
  ChooseTogether(passages, candidates, m, probability, stance,
                 stance_confidence, context, options.accept_precision, &bands,
                 stance_accept);
  // Of all accepted labels, as `intake eval` pools them.
  auto pooled_precision = [&]() {
    int accepted = 0, right = 0;
    for (std::string_view dimension : TaxonomyDimensions()) {
      if (dimension == kStance) continue;
      double accept = bands[std::string(dimension)].second;
      for (const Outcome& o : outcomes(dimension)) {
        if (o.value < accept) continue;
        ++accepted;
        right += o.positive ? 1 : 0;
      }
    }
    for (size_t i = 0; i < passages.size(); ++i) {
      if (!stance_accepted(i)) continue;
      ++accepted;
      right += passages[i].gold.stance == stance[i] ? 1 : 0;
    }
    return accepted > 0 ? static_cast<double>(right) / accepted : 0.0;
  };
  for (int k = 0; k < kStanceContexts; ++k) {
    m.stance[k].accept = stance_accept[k];
  }
  // Narrow the review bands of the multi-label dimensions (raise reject
  // towards accept) until few enough passages go to review.
  auto share = [&](double narrow) {
    int review = 0;
    for (size_t i = 0; i < passages.size(); ++i) {
      bool any = !stance_accepted(i);
      for (size_t c = 0; c < n && !any; ++c) {
        if (candidates[c].dimension == kStance) continue;
        auto [reject, accept] = bands[candidates[c].dimension];
        double r = Narrowed(reject, accept, narrow, m.labels[c].gives);
        double p = probability[i][c];
        any = p >= r && p < accept;
      }
      review += any ? 1 : 0;
    }
    return static_cast<double>(review) / passages.size();
  };
  double narrow = 0;
  while (narrow < 1.0 && share(narrow) > options.review_share) narrow += 0.05;
  if (narrow > 1.0) narrow = 1.0;
  report->review_share = share(narrow);
  for (size_t c = 0; c < n; ++c) {
    auto [reject, accept] = bands[candidates[c].dimension];
    m.labels[c].accept = accept;
    m.labels[c].reject =
        candidates[c].dimension == kStance
            ? std::min(reject, accept)
            : Narrowed(reject, accept, narrow, m.labels[c].gives);
  }
  report->accepted_precision = pooled_precision();

  for (std::string_view dimension : TaxonomyDimensions()) {
    std::vector<Outcome> o = outcomes(dimension);
    DimensionCalibration d;
    d.dimension = std::string(dimension);
    d.ece = ExpectedCalibrationError(o);
    double accept = bands[d.dimension].second;
    int right = 0;
    for (size_t x = 0; x < o.size(); ++x) {
      bool accepted =
          dimension == kStance ? stance_accepted(x) : o[x].value >= accept;
      if (!accepted) continue;
      ++d.accepted;
      right += o[x].positive ? 1 : 0;
    }
    d.accepted_precision = d.accepted > 0 ? double(right) / d.accepted : 0;
    report->dimensions.push_back(d);
  }
  if (out_of_fold != nullptr) {
    out_of_fold->assign(passages.size(), {});
    for (size_t i = 0; i < passages.size(); ++i) {
      (*out_of_fold)[i] = {std::move(probability[i]), std::move(given_of[i]),
                           stance_confidence[i]};
    }
  }
  *model = std::move(m);
  return Status::Ok();
}

}  // namespace intake
