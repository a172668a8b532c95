#include "classifiers/linear_model.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>

namespace intake {

int LinearModel::Find(std::string_view name) const {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// The first slot of `bucket` in a table of 2^bits slots (Fibonacci
// hashing: buckets are hashes already, but near ones must not crowd).
size_t FirstSlot(uint32_t bucket, int bits) {
  return static_cast<size_t>((bucket * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

}  // namespace

void LinearModel::IndexBuckets() {
  int bits = 4;
  while ((size_t{1} << bits) < 2 * buckets.size()) ++bits;
  bucket_rows.assign(size_t{1} << bits, {0, -1});
  const size_t mask = bucket_rows.size() - 1;
  for (size_t b = 0; b < buckets.size(); ++b) {
    size_t i = FirstSlot(buckets[b], bits);
    while (bucket_rows[i].second >= 0) i = (i + 1) & mask;
    bucket_rows[i] = {buckets[b], static_cast<int32_t>(b)};
  }
}

std::vector<int32_t> LinearModel::Rows(
    const std::vector<ModelFeature>& features) const {
  assert(!bucket_rows.empty() && "IndexBuckets() was not called");
  std::vector<int32_t> rows(features.size(), -1);
  const int bits = std::countr_zero(bucket_rows.size());
  const size_t mask = bucket_rows.size() - 1;
  for (size_t f = 0; f < features.size(); ++f) {
    for (size_t i = FirstSlot(features[f].bucket, bits);
         bucket_rows[i].second >= 0; i = (i + 1) & mask) {
      if (bucket_rows[i].first == features[f].bucket) {
        rows[f] = bucket_rows[i].second;
        break;
      }
    }
  }
  return rows;
}

std::vector<double> LinearModel::Scores(
    const std::vector<ModelFeature>& features) const {
  return Scores(features, Rows(features));
}

std::vector<double> LinearModel::Scores(
    const std::vector<ModelFeature>& features,
    const std::vector<int32_t>& rows) const {
  const size_t n = labels.size();
  std::vector<double> scores(n);
  for (size_t l = 0; l < n; ++l) scores[l] = labels[l].bias;
  // Rows are scattered over tens of megabytes; asking for one a few
  // features ahead hides most of the wait for memory.
  constexpr size_t kAhead = 4;
  const size_t row_bytes = n * sizeof(float);
  for (size_t i = 0; i < features.size(); ++i) {
    if (i + kAhead < features.size() && rows[i + kAhead] >= 0) {
      const char* ahead = reinterpret_cast<const char*>(
          &weights[static_cast<size_t>(rows[i + kAhead]) * n]);
      for (size_t b = 0; b < row_bytes; b += 64) __builtin_prefetch(ahead + b);
    }
    if (rows[i] < 0) continue;
    const float* row = &weights[static_cast<size_t>(rows[i]) * n];
    const double value = features[i].value;
    for (size_t l = 0; l < n; ++l) scores[l] += row[l] * value;
  }
  return scores;
}

double LinearModel::Probability(size_t label, double score) const {
  const ModelLabel& m = labels[label];
  return 1.0 / (1.0 + std::exp(m.platt_a * score + m.platt_b));
}

const char* StanceContextName(int context) {
  static const char* const kNames[kStanceContexts] = {"plain", "support"};
  return context >= 0 && context < kStanceContexts ? kNames[context] : "";
}

StanceContext StanceContextOf(const std::vector<std::string>& article14,
                              const std::vector<std::string>& activity) {
  return article14.empty() && activity.empty() ? kPlainPassage
                                               : kSupportPassage;
}

double LinearModel::StanceConfidence(double top, StanceContext context) const {
  double p = std::clamp(top, 1e-6, 1 - 1e-6);
  double logit = std::log(p / (1 - p));
  const Platt& platt = stance[context].platt;
  return 1.0 / (1.0 + std::exp(platt.a * logit + platt.b));
}

std::vector<Contribution> LinearModel::TopContributions(
    size_t label, const std::vector<ModelFeature>& features,
    const std::vector<int32_t>& rows, size_t limit) const {
  std::vector<Contribution> out;
  for (size_t i = 0; i < features.size(); ++i) {
    if (rows[i] < 0) continue;
    double amount =
        weights[static_cast<size_t>(rows[i]) * labels.size() + label] *
        features[i].value;
    if (amount > 0) out.push_back({i, amount});
  }
  // Ties go to the earlier feature, so the evidence never depends on sort
  // internals; only the first `limit` need sorting.
  const size_t kept = std::min(limit, out.size());
  std::partial_sort(out.begin(), out.begin() + kept, out.end(),
                    [](const Contribution& a, const Contribution& b) {
                      return a.amount != b.amount ? a.amount > b.amount
                                                  : a.feature < b.feature;
                    });
  out.resize(kept);
  return out;
}

std::vector<std::pair<std::string, double>> StanceDistribution(
    const LinearModel& model, const std::vector<double>& scores) {
  static const std::string kPrefix = "stance:";
  std::vector<std::pair<std::string, double>> out;
  double total = 0;
  for (size_t l = 0; l < model.labels.size(); ++l) {
    const std::string& name = model.labels[l].name;
    if (name.compare(0, kPrefix.size(), kPrefix) != 0) continue;
    double p = model.Probability(l, scores[l]);
    out.push_back({name.substr(kPrefix.size()), p});
    total += p;
  }
  for (auto& [code, p] : out) p = total > 0 ? p / total : 0;
  return out;
}
}  // namespace intake
