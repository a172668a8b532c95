#include "classifiers/model_features.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>

#include "classifiers/model_tokens.h"
#include "classifiers/text_fold.h"

namespace intake {
namespace {

constexpr size_t kMaxSpans = FeatureSpans::kCapacity;
constexpr int kCharMin = 3;
constexpr int kCharMax = 5;

constexpr uint64_t kFnvOffset = 14695981039346656037ULL;

// FNV-1a, continued from `h`: hashing a name piece by piece gives the hash
// of the whole name without building it.
uint64_t Fnv(uint64_t h, std::string_view piece) {
  for (unsigned char c : piece) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

uint32_t BucketOfHash(uint64_t h) {
  return static_cast<uint32_t>((h ^ (h >> 32)) & ((1u << kHashBits) - 1));
}

uint32_t Bucket(std::string_view name) {
  return BucketOfHash(Fnv(kFnvOffset, name));
}

// Features by bucket while a passage is read: every occurrence is kept in
// the order seen, then sorted by bucket once (a map per feature cost more
// than the rest of the model).
class Collector {
 public:
  void Add(uint32_t bucket, FeatureSpan span) {
    seen_.push_back({bucket, static_cast<uint32_t>(seen_.size()), span});
  }
  void Add(std::string_view name, FeatureSpan span) { Add(Bucket(name), span); }
  // Distinct buckets. REQUIRES: Group() was called after the last Add.
  size_t size() const { return distinct_; }
  // Sorts the occurrences by bucket, each bucket's in the order seen.
  void Group() {
    if (seen_.size() < kRadixFrom) {
      std::sort(seen_.begin(), seen_.end(), [](const Seen& a, const Seen& b) {
        return a.bucket != b.bucket ? a.bucket < b.bucket : a.order < b.order;
      });
    } else {
      RadixSortByBucket();
    }
    distinct_ = 0;
    for (size_t i = 0; i < seen_.size(); ++i) {
      if (i == 0 || seen_[i].bucket != seen_[i - 1].bucket) ++distinct_;
    }
  }
  // Adds `factor` to the value of each bucket seen (a feature is there or
  // not) and its first spans. REQUIRES: Group() was called; `out` sorted by
  // bucket. Keeps `out` sorted.
  void MergeInto(double factor, std::vector<ModelFeature>* out) const {
    std::vector<ModelFeature> merged;
    merged.reserve(out->size() + distinct_);
    size_t o = 0;
    for (size_t i = 0; i < seen_.size();) {
      const uint32_t bucket = seen_[i].bucket;
      while (o < out->size() && (*out)[o].bucket < bucket) {
        merged.push_back(std::move((*out)[o++]));
      }
      ModelFeature f;
      if (o < out->size() && (*out)[o].bucket == bucket) {
        f = std::move((*out)[o++]);
      }
      f.bucket = bucket;
      f.value += 1.0 * factor;
      for (; i < seen_.size() && seen_[i].bucket == bucket; ++i) {
        if (f.spans.size() < kMaxSpans) f.spans.push_back(seen_[i].span);
      }
      merged.push_back(std::move(f));
    }
    while (o < out->size()) merged.push_back(std::move((*out)[o++]));
    *out = std::move(merged);
  }

 private:
  struct Seen {
    uint32_t bucket;
    uint32_t order;
    FeatureSpan span;
  };

  // A passage's words give a thousand or more occurrences, whose sort was
  // a sixth of the model's time. A stable sort by bucket, low half of its
  // bits first, gives the order of the comparison sort above, since
  // occurrences are added in the order seen.
  static constexpr size_t kRadixFrom = 256;
  static constexpr int kRadixBits = (kHashBits + 1) / 2;
  void RadixSortByBucket() {
    std::vector<Seen> sorted(seen_.size());
    for (int shift = 0; shift < kHashBits; shift += kRadixBits) {
      std::vector<uint32_t> start((size_t{1} << kRadixBits) + 1, 0);
      const uint32_t mask = (1u << kRadixBits) - 1;
      for (const Seen& s : seen_) ++start[((s.bucket >> shift) & mask) + 1];
      for (size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
      for (const Seen& s : seen_)
        sorted[start[(s.bucket >> shift) & mask]++] = s;
      seen_.swap(sorted);
    }
  }
  std::vector<Seen> seen_;
  size_t distinct_ = 0;
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
  const uint64_t word_hash = Fnv(kFnvOffset, "w ");
  const uint64_t bigram_hash = Fnv(kFnvOffset, "b ");
  const uint64_t char_hash = Fnv(kFnvOffset, "c ");
  for (size_t i = 0; i < tokens.size(); ++i) {
    const ModelToken& t = tokens[i];
    FeatureSpan span{t.start, t.end};
    out->Add(BucketOfHash(Fnv(word_hash, t.text)), span);
    if (i + 1 < tokens.size()) {
      uint64_t h = Fnv(Fnv(Fnv(bigram_hash, t.text), " "), tokens[i + 1].text);
      out->Add(BucketOfHash(h), {t.start, tokens[i + 1].end});
    }
    if (t.masked) continue;
    std::string padded = "<" + t.text + ">";
    std::vector<size_t> cp = CodePointStarts(padded);
    size_t count = cp.size() - 1;
    const std::string_view view(padded);
    for (int n = kCharMin; n <= kCharMax; ++n) {
      for (size_t k = 0; k + n <= count; ++k) {
        std::string_view gram = view.substr(cp[k], cp[k + n] - cp[k]);
        out->Add(BucketOfHash(Fnv(char_hash, gram)), span);
      }
    }
  }
}

// What the rules saw, by name, each with the places it stands: the
// concepts and label terms matched, and the labels given (placed by
// their evidence).
std::map<std::string, std::vector<FeatureSpan>> SeenByRules(
    const Rules& rules, const RuleReading& reading, const Labels& rule_labels) {
  std::map<std::string, std::vector<FeatureSpan>> seen;
  const std::vector<RuleEntry>& entries = rules.entries();
  for (const TermMatch& m : reading.matches) {
    const RuleEntry& e = entries[m.entry];
    if (e.concept_index >= 0 && e.concept_index == rules.topic_concept()) {
      continue;  // a document's subject, not a passage's label
    }
    if (e.concept_index >= 0) {
      seen["concept:" + rules.concepts()[e.concept_index]].push_back(
          {m.start, m.end});
    } else if (e.label >= 0 && e.weight > 0) {
      seen["hit:" + rules.labels()[e.label].name].push_back({m.start, m.end});
    }
  }
  for (const std::string& c : rule_labels.article14) {
    seen.try_emplace("rule:article14:" + c);
  }
  for (const std::string& c : rule_labels.activity) {
    seen.try_emplace("rule:activity:" + c);
  }
  for (const std::string& c : rule_labels.theme) {
    seen.try_emplace("rule:theme:" + c);
  }
  seen.try_emplace("rule:stance:" + rule_labels.stance);
  for (const Evidence& e : rule_labels.evidence) {
    auto it = seen.find("rule:" + e.label);
    if (it != seen.end()) it->second.push_back({e.start, e.end});
  }
  return seen;
}

// Every two things the rules saw (concepts and label terms matched, labels
// given) as one feature, at each one's first place. A linear model weighs
// "a need" and "a mercury-free technology" each on its own, but 14.4b is
// the two together, and a term of b.trade means one thing beside the
// rules' 14.1 and another beside their stance "other". Measured out of
// fold on the development letters (docs/model.md, "Features").
void AddRulePairs(const std::map<std::string, std::vector<FeatureSpan>>& seen,
                  Collector* out) {
  const uint64_t pair_hash = Fnv(kFnvOffset, "r pair:");
  for (auto a = seen.begin(); a != seen.end(); ++a) {
    const uint64_t first = Fnv(Fnv(pair_hash, a->first), " & ");
    for (auto b = std::next(a); b != seen.end(); ++b) {
      const uint32_t bucket = BucketOfHash(Fnv(first, b->first));
      bool placed = false;
      for (const auto* spans : {&a->second, &b->second}) {
        if (spans->empty()) continue;
        out->Add(bucket, spans->front());
        placed = true;
      }
      if (!placed) out->Add(bucket, {0, 0});
    }
  }
}

}  // namespace

uint32_t FeatureBucket(std::string_view name) { return Bucket(name); }

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
  std::vector<ModelFeature> out;

  // Text features share one unit of length, so a long passage does not
  // outweigh the rule features by its length alone.
  Collector words;
  AddTextFeatures(ModelTokens(text, folded, gazetteer_.get()), &words);
  words.Group();
  double norm = words.size() > 0 ? 1.0 / std::sqrt(words.size()) : 0.0;
  words.MergeInto(norm, &out);

  const std::map<std::string, std::vector<FeatureSpan>> seen =
      SeenByRules(*rules_, reading, rule_labels);
  Collector rules;
  for (const auto& [name, spans] : seen) {
    if (spans.empty()) {
      rules.Add("r " + name, {0, 0});
    } else {
      for (const FeatureSpan& s : spans) rules.Add("r " + name, s);
    }
  }
  AddRulePairs(seen, &rules);
  rules.Group();
  rules.MergeInto(kRuleFeatureValue, &out);
  return out;
}

void FeatureExtractor::AddContext(const PassageContext& context,
                                  const RuleClassifier::ContextLabels& read,
                                  std::vector<ModelFeature>* features) const {
  Collector found;
  auto add = [&](std::string_view prefix, const std::optional<Labels>& labels,
                 FeatureSpan where) {
    if (!labels) return;
    std::string name(prefix);
    found.Add(name + "stance:" + labels->stance, where);
    for (const std::string& c : labels->article14) {
      found.Add(name + "article14:" + c, where);
    }
    for (const std::string& c : labels->activity) {
      found.Add(name + "activity:" + c, where);
    }
    for (const std::string& c : labels->theme) {
      found.Add(name + "theme:" + c, where);
    }
  };
  add("x heading ", read.heading, kInHeading);
  add("x above ", read.paragraph_above, kInParagraphAbove);
  found.Group();
  found.MergeInto(1.0, features);

  // Its words, not only what the rules made of them: "The partnership has
  // the following components:" gives the rules nothing to go on.
  if (context.paragraph_above.empty()) return;
  const std::string_view above = context.paragraph_above;
  Collector words;
  for (const ModelToken& t :
       ModelTokens(above, FoldText(above), gazetteer_.get())) {
    words.Add("x above w " + t.text, kInParagraphAbove);
  }
  words.Group();
  words.MergeInto(1.0 / std::sqrt(words.size()), features);
}

}  // namespace intake
