#include "classifiers/evaluation.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "classifiers/taxonomy.h"

namespace intake {
namespace {

double Ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

// The dimension measured besides the taxonomy's own: the activity group
// ("a" to "e"), the part of an item's code before the dot, for which
// issue 4 sets a target of its own.
constexpr std::string_view kActivityGroup = "activity_group";

std::set<std::string> Groups(const std::vector<std::string>& items) {
  std::set<std::string> out;
  for (const std::string& item : items)
    out.insert(item.substr(0, item.find('.')));
  return out;
}

std::set<std::string> Codes(const LabelSet& s, std::string_view dimension) {
  if (dimension == kArticle14) return {s.article14.begin(), s.article14.end()};
  if (dimension == kActivity) return {s.activity.begin(), s.activity.end()};
  if (dimension == kActivityGroup) return Groups(s.activity);
  return {s.theme.begin(), s.theme.end()};
}

constexpr std::string_view kMeasured[] = {kArticle14, kActivity, kTheme,
                                          kActivityGroup};

}  // namespace

void Evaluator::Add(const LabelSet& gold, const LabelSet& predicted) {
  ++passages_;
  for (std::string_view dimension : kMeasured) {
    auto& by_code = counts_[std::string(dimension)];
    std::set<std::string> want = Codes(gold, dimension);
    std::set<std::string> got = Codes(predicted, dimension);
    for (const std::string& code : got) {
      (want.count(code) ? by_code[code].tp : by_code[code].fp)++;
    }
    for (const std::string& code : want) {
      if (!got.count(code)) by_code[code].fn++;
    }
  }
  if (gold.stance == predicted.stance) ++stance_right_;
  ++confusion_[{gold.stance, predicted.stance}];
}

Evaluation Evaluator::Finish() const {
  Evaluation e;
  e.passages = passages_;
  e.stance_accuracy = Ratio(stance_right_, passages_);
  e.stance_confusion = confusion_;
  for (std::string_view dimension : kMeasured) {
    DimensionScore d;
    d.dimension = std::string(dimension);
    auto found = counts_.find(d.dimension);
    int tp = 0, fp = 0, fn = 0;
    double f1_sum = 0;
    if (found != counts_.end()) {
      std::vector<std::pair<std::string, Counts>> ordered(found->second.begin(),
                                                          found->second.end());
      // Taxonomy order; unknown codes (a typo in a gold file) last.
      std::stable_sort(
          ordered.begin(), ordered.end(), [&](const auto& a, const auto& b) {
            int ra = TaxonomyRank(dimension, a.first);
            int rb = TaxonomyRank(dimension, b.first);
            return (ra < 0 ? 1 << 20 : ra) < (rb < 0 ? 1 << 20 : rb);
          });
      for (const auto& [code, c] : ordered) {
        CodeScore s;
        s.code = code;
        s.true_positive = c.tp;
        s.false_positive = c.fp;
        s.false_negative = c.fn;
        s.precision = Ratio(c.tp, c.tp + c.fp);
        s.recall = Ratio(c.tp, c.tp + c.fn);
        s.f1 = F1(s.precision, s.recall);
        tp += c.tp;
        fp += c.fp;
        fn += c.fn;
        f1_sum += s.f1;
        d.codes.push_back(s);
      }
    }
    d.micro_precision = Ratio(tp, tp + fp);
    d.micro_recall = Ratio(tp, tp + fn);
    d.micro_f1 = F1(d.micro_precision, d.micro_recall);
    d.macro_f1 = d.codes.empty() ? 0 : f1_sum / d.codes.size();
    e.dimensions.push_back(d);
  }
  return e;
}

std::string FormatEvaluation(const Evaluation& e) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%d passages\n\n", e.passages);
  out += line;
  for (const DimensionScore& d : e.dimensions) {
    std::snprintf(line, sizeof line, "%-26s %9s %6s %6s %7s\n",
                  d.dimension.c_str(), "precision", "recall", "f1", "support");
    out += line;
    for (const CodeScore& c : d.codes) {
      std::snprintf(line, sizeof line, "  %-24s %9.3f %6.3f %6.3f %7d\n",
                    c.code.c_str(), c.precision, c.recall, c.f1, c.support());
      out += line;
    }
    std::snprintf(line, sizeof line,
                  "  %-24s %9.3f %6.3f %6.3f\n  %-24s %23.3f\n\n", "micro",
                  d.micro_precision, d.micro_recall, d.micro_f1, "macro f1",
                  d.macro_f1);
    out += line;
  }
  std::snprintf(line, sizeof line, "stance accuracy %.3f\n", e.stance_accuracy);
  out += line;
  out += "stance confusion (gold -> predicted: passages)\n";
  for (const auto& [pair, n] : e.stance_confusion) {
    std::snprintf(line, sizeof line, "  %-9s -> %-9s %d\n", pair.first.c_str(),
                  pair.second.c_str(), n);
    out += line;
  }
  return out;
}

}  // namespace intake
