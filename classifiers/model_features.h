// The features of the learned model (docs/model.md, "Features"): hashed
// word unigrams and bigrams and character 3- to 5-grams of the masked
// folded words (model_tokens.h), plus what the rules saw: the concepts
// that matched, the labels whose terms matched, the labels the rules gave,
// and each two of those together.
// The rule features are the same whatever the language of the passage, so
// what is learned from English passages carries to Spanish and French.
//
// Each feature remembers where it stands in the passage, so a model label
// can show the spans that raised it. Not the model: that is linear_model.h.
#ifndef INTAKE_CLASSIFIERS_MODEL_FEATURES_H_
#define INTAKE_CLASSIFIERS_MODEL_FEATURES_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/gazetteer.h"
#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "pipeline/passage.h"
#include "pipeline/passage_context.h"

namespace intake {

struct FeatureSpan {
  int32_t start = 0;  // code points of the passage text
  int32_t end = 0;
};

// Where the context features (AddContext) stand: not in the passage but
// in its heading or in the paragraph above, whose text the evidence of a
// label they raised then quotes.
inline constexpr FeatureSpan kInHeading{-1, -1};
inline constexpr FeatureSpan kInParagraphAbove{-2, -2};

// The first few places a feature stands, kept inline: a passage has
// hundreds of features, and a heap block for each cost more than scoring.
class FeatureSpans {
 public:
  static constexpr size_t kCapacity = 3;
  // REQUIRES: size() < kCapacity.
  void push_back(FeatureSpan span) { spans_[size_++] = span; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const FeatureSpan* begin() const { return spans_.data(); }
  const FeatureSpan* end() const { return spans_.data() + size_; }

 private:
  std::array<FeatureSpan, kCapacity> spans_{};
  uint8_t size_ = 0;
};

struct ModelFeature {
  uint32_t bucket = 0;  // hash of the feature's name, < 2^hash_bits
  double value = 0;
  FeatureSpans spans;  // the first few places it stands
};

// The value of each rule feature (a concept or a label's term matched, a
// label the rules gave, two of those paired). The rules were written on the
// very passages the model learns from, where they are right far more often than
// on letters they never saw; at full value the model learned to trust them as
// much as they deserve on their own training letters. A smaller value under the
// same L2 penalty makes their weights dearer, so the words count for more.
// Chosen on letters the rules had not seen (docs/model.md); changing it
// changes the model format.
inline constexpr double kRuleFeatureValue = 0.1;

// Feature buckets are 2^kHashBits; changing it changes the model format.
inline constexpr int kHashBits = 20;

// The bucket of a feature named as docs/model.md names them ("r
// concept:support", "r pair:rule:article14:14.1 & rule:stance:need").
uint32_t FeatureBucket(std::string_view name);

class FeatureExtractor {
 public:
  // REQUIRES: rules != nullptr. gazetteer may be null (no State masked;
  // only for tests).
  FeatureExtractor(std::shared_ptr<const Rules> rules,
                   std::shared_ptr<const Gazetteer> gazetteer);

  // The features of one passage, sorted by bucket, one entry per bucket.
  // `rule_labels` is what the rule classifier gave the same text.
  // Thread-safe.
  std::vector<ModelFeature> Extract(std::string_view text,
                                    std::string_view lang,
                                    const Labels& rule_labels) const;
  // The same, from what the rule classifier read of `text` when it gave
  // `rule_labels` (RuleClassifier::ClassifyReading), folding and matching
  // nothing again. REQUIRES: `reading` is of this text and language.
  std::vector<ModelFeature> Extract(std::string_view text,
                                    std::string_view lang,
                                    const Labels& rule_labels,
                                    const RuleReading& reading) const;
  // Adds to `features` (kept sorted) what stands above the passage
  // (pipeline/passage_context.h), under names of its own: what the rules
  // gave its heading and the paragraph above it (`read`, from
  // RuleClassifier::ClassifyContext), and the words of that paragraph,
  // scaled to unit length as the passage's own are: "the following
  // needs:" above a list item.
  void AddContext(const PassageContext& context,
                  const RuleClassifier::ContextLabels& read,
                  std::vector<ModelFeature>* features) const;

 private:
  std::shared_ptr<const Rules> rules_;
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_MODEL_FEATURES_H_
