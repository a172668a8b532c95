#include "cli/model_eval.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

#include "classifiers/rule_classifier.h"
#include "classifiers/taxonomy.h"
#include "cli/labelled_letters.h"
#include "pipeline/off_topic.h"
#include "pipeline/support_direction.h"

namespace intake {
namespace {

const std::vector<std::string>& Codes(const LabelSet& s,
                                      std::string_view dimension) {
  return dimension == kArticle14  ? s.article14
         : dimension == kActivity ? s.activity
                                  : s.theme;
}

const std::vector<std::string>& Codes(const Labels& s,
                                      std::string_view dimension) {
  return dimension == kArticle14  ? s.article14
         : dimension == kActivity ? s.activity
                                  : s.theme;
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Threshold of the accepted band of `name`: the model's when it scores
// the label, else the rules' low-confidence line.
double AcceptAt(const LinearModel* model, const std::string& name) {
  if (model != nullptr) {
    int l = model->Find(name);
    if (l >= 0) return model->labels[l].accept;
  }
  return kLowConfidence;
}

// `probability(name)` is the classifier's probability that the passage
// has label `name` (0 when it says nothing).
template <typename Probability>
void AddTrust(const LabelledPassage& gold, const Labels& got,
              const LinearModel* model, double stance_accept,
              const LinearModel& scored, Probability probability,
              TrustFigures* t) {
  ++t->passages;
  if (got.needs_review) ++t->review;
  for (const std::string& r : got.review_reasons) ++t->reasons[r];
  for (std::string_view dimension : {kArticle14, kActivity, kTheme}) {
    for (std::string_view code : TaxonomyCodes(dimension)) {
      std::string name = std::string(dimension) + ":" + std::string(code);
      bool truth = Contains(Codes(gold.gold, dimension), code);
      // Calibration over the labels the model scores, for both
      // classifiers, so the two figures count the same pairs.
      if (scored.Find(name) >= 0) {
        t->calibration[std::string(dimension)].push_back(
            {probability(name), truth});
      }
      if (!Contains(Codes(got, dimension), code)) continue;
      auto c = got.confidence.find(name);
      if (c != got.confidence.end() && c->second >= AcceptAt(model, name)) {
        ++t->accepted;
        t->accepted_right += truth ? 1 : 0;
      }
    }
  }
  std::string stance = "stance:" + got.stance;
  double confidence =
      got.confidence.count(stance) ? got.confidence.at(stance) : 0.0;
  bool right = got.stance == gold.gold.stance;
  t->calibration["stance"].push_back({confidence, right});
  if (confidence >= stance_accept) {
    ++t->accepted;
    t->accepted_right += right ? 1 : 0;
  }
}

std::string Fixed(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", x);
  return buffer;
}

std::string Column(const std::string& s, size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

}  // namespace

ModelEvaluation EvaluateWithModel(const LabelledReading& reading,
                                  const CombinedClassifier& classifier,
                                  const LinearModel& model) {
  Evaluator rules, combined;
  ModelEvaluation out;
  const std::vector<LabelledPassage>& gold = reading.labelled;
  const std::vector<Passage>& seen = reading.seen;
  const std::vector<PassageContext>& contexts = reading.contexts;
  std::vector<Judgement> judged;
  judged.reserve(gold.size());
  for (size_t i = 0; i < gold.size(); ++i) {
    judged.push_back(classifier.Judge(seen[i].text, seen[i].lang, seen[i].kind,
                                      contexts[i]));
  }
  // Each letter's stances read together, as `intake run` reads a
  // document's.
  for (size_t first = 0; first < gold.size();) {
    const size_t end = LabelledLetterEnd(gold, first);
    std::vector<Labels*> rules_letter, combined_letter;
    for (size_t i = first; i < end; ++i) {
      rules_letter.push_back(&judged[i].rules);
      combined_letter.push_back(&judged[i].combined);
    }
    FlagMinorityDirection(rules_letter);
    FlagMinorityDirection(combined_letter);
    // A line without a letter is no document, and a reviewer's decisions
    // are only the passages decided of theirs: whether the rest of the
    // document names the Convention's subject is not known.
    if (!gold[first].letter.empty() && !gold[first].decided) {
      FlagOffTopic(rules_letter);
      FlagOffTopic(combined_letter);
    }
    first = end;
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    const LabelledPassage& p = gold[i];
    const Judgement& j = judged[i];
    rules.Add(p.gold, {j.rules.article14, j.rules.activity, j.rules.theme,
                       j.rules.stance});
    combined.Add(p.gold, {j.combined.article14, j.combined.activity,
                          j.combined.theme, j.combined.stance});
    AddTrust(
        p, j.rules, nullptr, kLowConfidence, model,
        [&](const std::string& name) {
          auto c = j.rules.confidence.find(name);
          return c == j.rules.confidence.end() ? 0.0 : c->second;
        },
        &out.rules_trust);
    AddTrust(
        p, j.combined, &model, j.stance_accept, model,
        [&](const std::string& name) {
          auto c = j.probability.find(name);
          return c == j.probability.end() ? 0.0 : c->second;
        },
        &out.combined_trust);
  }
  out.rules = rules.Finish();
  out.combined = combined.Finish();
  return out;
}

std::string FormatModelEvaluation(const ModelEvaluation& e) {
  std::ostringstream out;
  out << "== rules alone\n"
      << FormatEvaluation(e.rules) << "\n== rules and model\n"
      << FormatEvaluation(e.combined) << "\n";
  const TrustFigures& r = e.rules_trust;
  const TrustFigures& c = e.combined_trust;
  out << Column("confidence and review", 34) << Column("rules", 12)
      << "rules+model\n";
  for (std::string_view d : TaxonomyDimensions()) {
    std::string key(d);
    out << Column("ECE " + key, 34)
        << Column(Fixed(ExpectedCalibrationError(r.calibration.count(key)
                                                     ? r.calibration.at(key)
                                                     : std::vector<Outcome>())),
                  12)
        << Fixed(ExpectedCalibrationError(c.calibration.count(key)
                                              ? c.calibration.at(key)
                                              : std::vector<Outcome>()))
        << "\n";
  }
  auto precision = [](const TrustFigures& t) {
    return (t.accepted > 0 ? Fixed(double(t.accepted_right) / t.accepted)
                           : std::string("-")) +
           " (" + std::to_string(t.accepted) + ")";
  };
  auto share = [](const TrustFigures& t) {
    return t.passages > 0 ? Fixed(double(t.review) / t.passages)
                          : std::string("-");
  };
  out << Column("accepted labels: precision (n)", 34)
      << Column(precision(r), 12) << precision(c) << "\n";
  out << Column("passages to review: share", 34) << Column(share(r), 12)
      << share(c) << "\n";
  for (const auto& [reason, count] : c.reasons) {
    int rules_count = r.reasons.count(reason) ? r.reasons.at(reason) : 0;
    out << Column("  " + reason, 34) << Column(std::to_string(rules_count), 12)
        << count << "\n";
  }
  return out.str();
}

}  // namespace intake
