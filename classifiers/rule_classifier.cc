#include "classifiers/rule_classifier.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <tuple>
#include <vector>

#include "classifiers/evidence_order.h"
#include "classifiers/taxonomy.h"
#include "classifiers/text_fold.h"

namespace intake {
namespace {

// Sums of floating weights reach a threshold like 1.0 as 0.9999999999999999;
// a rules author means "reached".
constexpr double kScoreEpsilon = 1e-9;

double RoundConfidence(double c) { return std::round(c * 1000.0) / 1000.0; }

double Confidence(double score, double threshold) {
  return 1.0 - std::pow(0.5, score / threshold);
}

// The rules' labels and concepts of the last two headings and the last two
// paragraphs read on this thread. A document is read in order, so the
// heading and the paragraph above a passage (ClassifyContext, the lead-in
// of LeadInConcepts) were read moments before, or are the passage itself
// and the one before it: reading them again cost a third of classifying.
struct Remembered {
  uint64_t reader = 0;  // RuleClassifier::reader_id_; 0 for none
  std::string lang;
  std::string text;
  Labels labels;
  std::vector<char> concepts;  // MatchedConcepts: a lead-in opens gates
};
struct LastRead {
  Remembered entries[2];
  int next = 0;
};
thread_local LastRead last_headings;
thread_local LastRead last_paragraphs;

// Never 0, never reused: a classifier made where another was destroyed
// must not find the other's labels.
uint64_t NextReaderId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

LastRead* LastReadOf(PassageKind kind) {
  return kind == PassageKind::kHeading     ? &last_headings
         : kind == PassageKind::kParagraph ? &last_paragraphs
                                           : nullptr;
}

// The concepts matched in a passage, one flag per Rules::concepts(). The
// matcher has already dropped negated matches, so "no technical assistance
// was received" opens no gate.
std::vector<char> MatchedConcepts(const Rules& rules,
                                  const std::vector<TermMatch>& matches) {
  std::vector<char> hit(rules.concepts().size(), 0);
  for (const TermMatch& m : matches) {
    const RuleEntry& entry = rules.entries()[m.entry];
    if (entry.label < 0) hit[entry.concept_index] = 1;
  }
  return hit;
}

// A language the rules are written for, by its primary subtag: a passage
// tagged "en-GB" or "es-419" is read as English or Spanish, as the terms
// for "en" and "es" already apply to it (LangApplies, pattern_set.h).
bool IsSupportedLanguage(std::string_view lang) {
  std::string primary(lang.substr(0, lang.find('-')));
  for (char& c : primary) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return primary == "en" || primary == "es" || primary == "fr" ||
         primary == "und";
}

}  // namespace

bool DimensionsContradict(const Labels& labels) {
  return std::find(labels.article14.begin(), labels.article14.end(), "14.4b") !=
             labels.article14.end() &&
         (labels.stance == kStanceProvided || labels.stance == kStanceReceived);
}

namespace {

std::string StanceName(std::string_view code) {
  return std::string(kStance) + ":" + std::string(code);
}

}  // namespace

bool RuleClassifier::NamesTopic(std::string_view text,
                                std::string_view lang) const {
  const int topic = rules_->topic_concept();
  if (topic < 0) return true;  // nothing can be judged off the subject
  bool timeout = false;
  for (const TermMatch& m :
       rules_->matcher().Find(FoldText(text), lang, &timeout)) {
    if (rules_->entries()[m.entry].concept_index == topic) return true;
  }
  return false;
}

RuleClassifier::RuleClassifier(std::shared_ptr<const Rules> rules)
    : rules_(std::move(rules)), reader_id_(NextReaderId()) {}

std::string RuleClassifier::Version() const { return rules_->version(); }

std::string_view ClassifiedPrefix(std::string_view text) {
  size_t bytes = kMaxClassifiedBytes;
  if (text.size() <= bytes) return text;
  while (bytes > 0 &&
         (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) {
    --bytes;
  }
  return text.substr(0, bytes);
}

Labels RuleClassifier::Classify(std::string_view text, std::string_view lang,
                                PassageKind kind,
                                const PassageContext& context) const {
  RuleReading reading;
  return ClassifyReading(text, lang, kind, context, &reading);
}

RuleClassifier::ContextReading RuleClassifier::ReadContext(
    const std::string& text, std::string_view lang, PassageKind kind) const {
  for (const Remembered& last : LastReadOf(kind)->entries) {
    if (last.reader == reader_id_ && last.lang == lang && last.text == text) {
      return {last.labels, last.concepts};
    }
  }
  // No lead-in opens the gates of a heading or a paragraph, so what they
  // get does not depend on what stands above them.
  RuleReading reading;
  Labels labels = ClassifyReading(text, lang, kind, PassageContext{}, &reading);
  return {std::move(labels), std::move(reading.concepts)};
}

RuleClassifier::ContextLabels RuleClassifier::ClassifyContext(
    const PassageContext& context, std::string_view lang) const {
  ContextLabels out;
  if (!context.heading.empty()) {
    out.heading =
        ReadContext(context.heading, lang, PassageKind::kHeading).labels;
  }
  if (!context.paragraph_above.empty()) {
    out.paragraph_above =
        ReadContext(context.paragraph_above, lang, PassageKind::kParagraph)
            .labels;
  }
  return out;
}

std::vector<char> RuleClassifier::LeadInConcepts(const PassageContext& context,
                                                 std::string_view lang,
                                                 PassageKind kind) const {
  // An item states the activity and leaves the support to its lead-in
  // ("Japan provided the following support:" over "(a) Training of 40
  // customs officers"); a paragraph under a paragraph states its own.
  if (kind != PassageKind::kListItem && kind != PassageKind::kTableRow) {
    return {};
  }
  if (context.paragraph_above.empty()) return {};
  return ReadContext(context.paragraph_above, lang, PassageKind::kParagraph)
      .concepts;
}

Labels RuleClassifier::ClassifyReading(std::string_view text,
                                       std::string_view lang, PassageKind kind,
                                       const PassageContext& context,
                                       RuleReading* reading) const {
  const std::vector<char> lead_in = LeadInConcepts(context, lang, kind);
  Labels out = Read(text, lang, kind, lead_in, reading);
  if (LastRead* last = LastReadOf(kind)) {
    Remembered& slot = last->entries[last->next];
    last->next = 1 - last->next;
    slot.reader = reader_id_;
    slot.lang.assign(lang);
    slot.text.assign(text);
    slot.labels = out;
    slot.concepts = reading->concepts;
  }
  return out;
}

Labels RuleClassifier::Read(std::string_view text, std::string_view lang,
                            PassageKind kind, const std::vector<char>& lead_in,
                            RuleReading* reading) const {
  Labels out;
  reading->concepts.clear();  // furniture matches nothing
  if (kind == PassageKind::kFurniture || kind == PassageKind::kHeaderFooter) {
    out.confidence[StanceName(kStanceOther)] = 1.0;
    // Never labelled, but a subject line or a running head ("Minamata
    // Convention: article 14 submission") says what the document is about.
    out.on_topic = NamesTopic(ClassifiedPrefix(text), lang);
    return out;
  }
  const std::vector<LabelRule>& labels = rules_->labels();
  const std::vector<RuleEntry>& entries = rules_->entries();
  // A passage this long is a layout failure or hostile input, not a
  // paragraph: only its head is read, and a person is asked to look.
  const bool too_long = text.size() > kMaxClassifiedBytes;
  if (too_long) text = ClassifiedPrefix(text);
  reading->folded = FoldText(text);
  const FoldedText& folded = reading->folded;
  bool pattern_timeout = false;
  reading->matches = rules_->matcher().Find(folded, lang, &pattern_timeout);
  const std::vector<TermMatch>& matches = reading->matches;

  // Each distinct entry counts once; summing in entry order (not text
  // order) keeps the floating-point score independent of where terms stand.
  std::vector<char> seen(entries.size(), 0);
  for (const TermMatch& m : matches) seen[m.entry] = 1;
  std::vector<double> score(labels.size(), 0.0);
  for (size_t e = 0; e < entries.size(); ++e) {
    if (seen[e] && entries[e].label >= 0) {
      score[entries[e].label] += entries[e].weight;
    }
  }
  // The gates open on the passage's own concepts and its lead-in's.
  reading->concepts = MatchedConcepts(*rules_, matches);
  // Without the concept nothing can be judged off the subject.
  const int topic = rules_->topic_concept();
  out.on_topic = topic < 0 || reading->concepts[topic] != 0;
  std::vector<char> concept_hit = reading->concepts;
  for (size_t c = 0; c < lead_in.size(); ++c) {
    if (lead_in[c]) concept_hit[c] = 1;
  }

  // A label is a candidate when its required concepts matched; it is given
  // when a candidate also reaches its threshold.
  std::vector<char> given(labels.size(), 0);
  std::vector<int> ordered;  // given labels other than stance
  int stance = -1;
  double best_other_stance = 0.0;  // for the confidence of "stance:other"
  for (size_t i = 0; i < labels.size(); ++i) {
    const LabelRule& label = labels[i];
    bool candidate = label.required_concepts.empty() ||
                     std::any_of(label.required_concepts.begin(),
                                 label.required_concepts.end(),
                                 [&](int c) { return concept_hit[c] != 0; });
    if (!candidate) continue;
    bool reached = score[i] + kScoreEpsilon >= label.threshold;
    if (label.dimension != kStance) {
      if (reached) ordered.push_back(static_cast<int>(i));
      continue;
    }
    if (reached) {
      // Highest score wins; a tie (within rounding, 0.1 + 0.2 vs 0.3) goes
      // to the code listed first.
      if (stance < 0 || score[i] > score[stance] + kScoreEpsilon ||
          (std::abs(score[i] - score[stance]) <= kScoreEpsilon &&
           label.rank < labels[stance].rank)) {
        stance = static_cast<int>(i);
      }
    } else if (score[i] > 0 && label.code != kStanceOther) {
      best_other_stance =
          std::max(best_other_stance, Confidence(score[i], label.threshold));
    }
  }
  if (stance >= 0) ordered.push_back(stance);
  std::sort(ordered.begin(), ordered.end(), [&](int a, int b) {
    return std::tie(labels[a].dimension_index, labels[a].rank) <
           std::tie(labels[b].dimension_index, labels[b].rank);
  });

  for (int i : ordered) {
    const LabelRule& label = labels[i];
    given[i] = 1;
    out.confidence[label.name] =
        RoundConfidence(Confidence(score[i], label.threshold));
    if (label.dimension == kArticle14) out.article14.push_back(label.code);
    if (label.dimension == kActivity) out.activity.push_back(label.code);
    if (label.dimension == kTheme) out.theme.push_back(label.code);
    if (label.dimension == kStance) out.stance = label.code;
  }
  if (stance < 0) {
    // Nothing reached a stance threshold: "other" is as sure as the
    // strongest near-miss is unsure (1.0 when no stance term matched).
    out.confidence[StanceName(kStanceOther)] =
        RoundConfidence(1.0 - best_other_stance);
  }

  // Evidence: the spans that raised a given label (negative weights
  // lowered it, so they are not why it fired).
  for (const TermMatch& m : matches) {
    const RuleEntry& entry = entries[m.entry];
    if (entry.label < 0 || !given[entry.label] || entry.weight <= 0) continue;
    int32_t start = m.start;
    int32_t end = m.end;
    TrimInvisibleEnds(text, folded, &start, &end);
    out.evidence.push_back(
        {labels[entry.label].name, start, end,
         std::string(folded.OriginalText(text, start, end))});
  }
  SortUniqueEvidence(&out.evidence);

  // Reasons are pushed in sorted order, each at most once.
  if (DimensionsContradict(out)) out.review_reasons.push_back("contradiction");
  bool low =
      std::any_of(out.confidence.begin(), out.confidence.end(),
                  [](const auto& c) { return c.second < kLowConfidence; });
  if (low) out.review_reasons.push_back("low_confidence");
  if (static_cast<int>(folded.tokens.size()) >= kNoLabelMinWords &&
      out.article14.empty() && out.activity.empty() && out.theme.empty()) {
    out.review_reasons.push_back("no_label");
  }
  if (pattern_timeout) out.review_reasons.push_back("pattern_timeout");
  if (too_long) out.review_reasons.push_back("too_long");
  if (!IsSupportedLanguage(lang)) {
    out.review_reasons.push_back("unsupported_language");
  }
  out.needs_review = !out.review_reasons.empty();
  return out;
}

}  // namespace intake
