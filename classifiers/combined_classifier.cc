#include "classifiers/combined_classifier.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "classifiers/evidence_order.h"
#include "classifiers/taxonomy.h"
#include "pipeline/review_reasons.h"

namespace intake {
namespace {

// Features of a label's score shown as evidence, at most.
constexpr size_t kEvidenceFeatures = 3;

// cp_byte[k]: byte offset of code point k; cp_byte[count] = text.size().
std::vector<size_t> CodePointBytes(std::string_view text) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

// The heading or paragraph above as evidence quotes it: its first words,
// enough for a reviewer to find it.
std::string ContextExcerpt(const std::string& text) {
  constexpr size_t kBytes = 100;
  if (text.size() <= kBytes) return text;
  size_t cut = kBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;  // not inside a UTF-8 sequence
  }
  size_t space = text.rfind(' ', cut);
  if (space != std::string::npos && space > kBytes / 2) cut = space;
  return text.substr(0, cut) + "…";
}

const std::vector<std::string>& Codes(const Labels& labels,
                                      std::string_view dimension) {
  return dimension == kArticle14  ? labels.article14
         : dimension == kActivity ? labels.activity
                                  : labels.theme;
}

std::vector<std::string>* MutableCodes(Labels* labels,
                                       std::string_view dimension) {
  return dimension == kArticle14  ? &labels->article14
         : dimension == kActivity ? &labels->activity
                                  : &labels->theme;
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

CombinedClassifier::CombinedClassifier(
    std::shared_ptr<const Rules> rules,
    std::shared_ptr<const Gazetteer> gazetteer,
    std::shared_ptr<const LinearModel> model)
    : rules_(rules),
      features_(rules, std::move(gazetteer)),
      model_(std::move(model)) {}

Labels CombinedClassifier::Classify(std::string_view text,
                                    std::string_view lang, PassageKind kind,
                                    const PassageContext& context) const {
  return Decide(text, lang, kind, context, /*probabilities=*/false).combined;
}

Judgement CombinedClassifier::Judge(std::string_view text,
                                    std::string_view lang, PassageKind kind,
                                    const PassageContext& context) const {
  return Decide(text, lang, kind, context, /*probabilities=*/true);
}

Judgement CombinedClassifier::Decide(std::string_view text,
                                     std::string_view lang, PassageKind kind,
                                     const PassageContext& context,
                                     bool probabilities) const {
  Judgement j;
  RuleReading reading;
  j.rules = rules_.ClassifyReading(text, lang, kind, context, &reading);
  if (kind == PassageKind::kFurniture || kind == PassageKind::kHeaderFooter) {
    j.combined = j.rules;
    return j;
  }
  // The rules read only the head of an overlong passage; so does the model.
  text = ClassifiedPrefix(text);
  const LinearModel& model = *model_;
  std::vector<ModelFeature> features =
      features_.Extract(text, lang, j.rules, reading);
  features_.AddContext(context, rules_.ClassifyContext(context, lang),
                       &features);
  const std::vector<int32_t> rows = model.Rows(features);
  const std::vector<double> scores = model.Scores(features, rows);
  const auto stances = StanceDistribution(model, scores);
  if (probabilities) {
    for (size_t l = 0; l < model.labels.size(); ++l) {
      j.probability[model.labels[l].name] = model.Probability(l, scores[l]);
    }
    for (const auto& [code, p] : stances) j.probability["stance:" + code] = p;
  }

  const std::vector<size_t> cp_byte = CodePointBytes(text);
  Labels& out = j.combined;
  out.on_topic = j.rules.on_topic;
  std::set<std::string> reasons;
  auto model_evidence = [&](const std::string& name, size_t label) {
    for (const Contribution& c :
         model.TopContributions(label, features, rows, kEvidenceFeatures)) {
      for (const FeatureSpan& s : features[c.feature].spans) {
        if (s.start == kInHeading.start) {
          out.evidence.push_back(
              {name, 0, 0, ContextExcerpt(context.heading), "heading"});
          continue;
        }
        if (s.start == kInParagraphAbove.start) {
          out.evidence.push_back(
              {name, 0, 0, ContextExcerpt(context.paragraph_above), "above"});
          continue;
        }
        if (s.end <= s.start || s.end >= static_cast<int32_t>(cp_byte.size())) {
          continue;
        }
        out.evidence.push_back(
            {name, s.start, s.end,
             std::string(text.substr(cp_byte[s.start],
                                     cp_byte[s.end] - cp_byte[s.start])),
             "model"});
      }
    }
  };
  // The rules' evidence for `name`, under `source` when not their own.
  auto rule_evidence = [&](const std::string& name,
                           const char* source = nullptr) {
    for (const Evidence& e : j.rules.evidence) {
      if (e.label != name) continue;
      out.evidence.push_back(e);
      if (source != nullptr) out.evidence.back().source = source;
    }
  };

  for (std::string_view dimension : {kArticle14, kActivity, kTheme}) {
    const std::vector<std::string>& by_rules = Codes(j.rules, dimension);
    for (std::string_view code : TaxonomyCodes(dimension)) {
      std::string name = std::string(dimension) + ":" + std::string(code);
      bool rules_give = Contains(by_rules, code);
      int l = model.Find(name);
      if (l < 0) {
        // No scorer for this label: the rules decide it as they would alone.
        if (!rules_give) continue;
        MutableCodes(&out, dimension)->push_back(std::string(code));
        double c = j.rules.confidence.at(name);
        out.confidence[name] = c;
        rule_evidence(name);
        if (c < kLowConfidence) reasons.insert("low_confidence");
        continue;
      }
      const ModelLabel& m = model.labels[l];
      double p = model.Probability(l, scores[l]);
      bool model_gives = p >= m.gives;
      bool given = CombinedGives(rules_give, p, m.gives);
      if (p >= m.reject && p < m.accept) reasons.insert("low_confidence");
      // The model says no where the rules said yes: below its reject band
      // and below where it would give the label itself, or so far below
      // that it takes the label back.
      if (rules_give && (p < std::min(m.reject, m.gives) || !given)) {
        reasons.insert("rules_model_disagree");
      }
      if (rules_give && !given) {
        // Taken back: the person reviewing still sees what the rules read.
        rule_evidence(name, "rules_taken_back");
      }
      if (!given) continue;
      MutableCodes(&out, dimension)->push_back(std::string(code));
      out.confidence[name] = p;
      if (rules_give) rule_evidence(name);
      if (model_gives) model_evidence(name, l);
    }
  }

  // The stance: the model's most probable, ties to the code listed first.
  out.stance = j.rules.stance;
  double stance_confidence = 0;
  if (!stances.empty()) {
    size_t best = 0;
    for (size_t k = 1; k < stances.size(); ++k) {
      if (stances[k].second > stances[best].second) best = k;
    }
    out.stance = stances[best].first;
    const StanceContext stance_context =
        StanceContextOf(out.article14, out.activity);
    stance_confidence =
        model.StanceConfidence(stances[best].second, stance_context);
    j.stance_accept = model.stance[stance_context].accept;
  }
  std::string stance_name = std::string(kStance) + ":" + out.stance;
  int stance_label = model.Find(stance_name);
  if (stance_label < 0) {
    out.confidence[stance_name] = j.rules.confidence.at(stance_name);
    rule_evidence(stance_name);
    if (out.confidence[stance_name] < kLowConfidence) {
      reasons.insert("low_confidence");
    }
  } else {
    double p = stance_confidence;
    out.confidence[stance_name] = p;
    if (p < j.stance_accept) reasons.insert("low_confidence");
    if (out.stance == j.rules.stance) rule_evidence(stance_name);
    if (out.stance != kStanceOther) model_evidence(stance_name, stance_label);
  }
  if (j.rules.stance != kStanceOther && j.rules.stance != out.stance) {
    reasons.insert("rules_model_disagree");
  }
  if (DimensionsContradict(out)) reasons.insert("contradiction");
  if (out.article14.empty() && out.activity.empty() && out.theme.empty() &&
      HasReviewReason(j.rules.review_reasons, "no_label")) {
    reasons.insert("no_label");
  }
  for (const char* kept :
       {"pattern_timeout", "too_long", "unsupported_language"}) {
    if (HasReviewReason(j.rules.review_reasons, kept)) reasons.insert(kept);
  }
  out.review_reasons.assign(reasons.begin(), reasons.end());
  out.needs_review = !out.review_reasons.empty();

  SortUniqueEvidence(&out.evidence);
  return j;
}

}  // namespace intake
