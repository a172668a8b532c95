#include "classifiers/model_features.h"

#include <cmath>
#include <map>

#include "classifiers/model_tokens.h"
#include "classifiers/text_fold.h"

namespace intake {
namespace {

constexpr size_t kMaxSpans = 3;
constexpr int kCharMin = 3;
constexpr int kCharMax = 5;

uint32_t Bucket(std::string_view name) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : name) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return static_cast<uint32_t>((h ^ (h >> 32)) & ((1u << kHashBits) - 1));
}

// Features by bucket while a passage is read; std::map keeps the output
// sorted and the same on every run.
class Collector {
 public:
  void Add(const std::string& name, FeatureSpan span) {
    ModelFeature& f = features_[Bucket(name)];
    f.value = 1.0;
    if (f.spans.size() < kMaxSpans) f.spans.push_back(span);
  }
  size_t size() const { return features_.size(); }
  // Scales every value by `factor`, then moves the features out.
  void MoveTo(double factor, std::map<uint32_t, ModelFeature>* out) {
    for (auto& [bucket, f] : features_) {
      ModelFeature& into = (*out)[bucket];
      into.bucket = bucket;
      into.value += f.value * factor;
      for (const FeatureSpan& s : f.spans) {
        if (into.spans.size() < kMaxSpans) into.spans.push_back(s);
      }
    }
    features_.clear();
  }

 private:
  std::map<uint32_t, ModelFeature> features_;
};

// Byte offsets of the code points of `s`, and s.size() at the end.
std::vector<size_t> CodePointStarts(const std::string& s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

void AddTextFeatures(const std::vector<ModelToken>& tokens, Collector* out) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const ModelToken& t = tokens[i];
    FeatureSpan span{t.start, t.end};
    out->Add("w " + t.text, span);
    if (i + 1 < tokens.size()) {
      out->Add("b " + t.text + " " + tokens[i + 1].text,
               {t.start, tokens[i + 1].end});
    }
    if (t.masked) continue;
    std::string padded = "<" + t.text + ">";
    std::vector<size_t> cp = CodePointStarts(padded);
    size_t count = cp.size() - 1;
    for (int n = kCharMin; n <= kCharMax; ++n) {
      for (size_t k = 0; k + n <= count; ++k) {
        out->Add("c " + padded.substr(cp[k], cp[k + n] - cp[k]), span);
      }
    }
  }
}

}  // namespace

FeatureExtractor::FeatureExtractor(std::shared_ptr<const Rules> rules,
                                   std::shared_ptr<const Gazetteer> gazetteer)
    : rules_(std::move(rules)), gazetteer_(std::move(gazetteer)) {}

std::vector<ModelFeature> FeatureExtractor::Extract(
    std::string_view text, std::string_view lang,
    const Labels& rule_labels) const {
  RuleReading reading;
  reading.folded = FoldText(text);
  reading.matches = rules_->matcher().Find(reading.folded, lang);
  return Extract(text, lang, rule_labels, reading);
}

std::vector<ModelFeature> FeatureExtractor::Extract(
    std::string_view text, std::string_view /*lang*/, const Labels& rule_labels,
    const RuleReading& reading) const {
  const FoldedText& folded = reading.folded;
  std::map<uint32_t, ModelFeature> merged;

  // Text features share one unit of length, so a long passage does not
  // outweigh the rule features by its length alone.
  Collector words;
  AddTextFeatures(ModelTokens(text, folded, gazetteer_.get()), &words);
  double norm = words.size() > 0 ? 1.0 / std::sqrt(words.size()) : 0.0;
  words.MoveTo(norm, &merged);

  Collector rules;
  const std::vector<RuleEntry>& entries = rules_->entries();
  for (const TermMatch& m : reading.matches) {
    const RuleEntry& e = entries[m.entry];
    if (e.concept_index >= 0) {
      rules.Add("r concept:" + rules_->concepts()[e.concept_index],
                {m.start, m.end});
    } else if (e.label >= 0 && e.weight > 0) {
      rules.Add("r hit:" + rules_->labels()[e.label].name, {m.start, m.end});
    }
  }
  std::map<std::string, std::vector<FeatureSpan>> given;
  auto give = [&](std::string_view dimension, const std::string& code) {
    given[std::string(dimension) + ":" + code];
  };
  for (const std::string& c : rule_labels.article14) give("article14", c);
  for (const std::string& c : rule_labels.activity) give("activity", c);
  for (const std::string& c : rule_labels.theme) give("theme", c);
  give("stance", rule_labels.stance);
  for (const Evidence& e : rule_labels.evidence) {
    auto it = given.find(e.label);
    if (it != given.end()) it->second.push_back({e.start, e.end});
  }
  for (const auto& [label, spans] : given) {
    if (spans.empty()) {
      rules.Add("r rule:" + label, {0, 0});
    } else {
      for (const FeatureSpan& s : spans) rules.Add("r rule:" + label, s);
    }
  }
  rules.MoveTo(1.0, &merged);

  std::vector<ModelFeature> out;
  out.reserve(merged.size());
  for (auto& [bucket, f] : merged) out.push_back(std::move(f));
  return out;
}

}  // namespace intake
