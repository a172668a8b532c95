// The rule classifier: labels a passage from a compiled rules file.
//
// Scores every label of the rules by the distinct terms and patterns found
// in the passage, gives the labels that reach their threshold, picks one
// stance, attaches the matched spans as evidence and raises review flags
// (docs/rules.md, "Scores, confidence, stance" and "Review"). It does not
// read files or know the rules' syntax: that is rules.h. Classify is const
// and safe to call from several threads at once; the same text always gets
// the same labels.
#ifndef INTAKE_CLASSIFIERS_RULE_CLASSIFIER_H_
#define INTAKE_CLASSIFIERS_RULE_CLASSIFIER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/rules.h"
#include "classifiers/term_matcher.h"
#include "classifiers/text_fold.h"
#include "pipeline/classifier.h"

namespace intake {

// A given label whose confidence is below this flags the passage.
inline constexpr double kLowConfidence = 0.6;
// A passage of at least this many words with no article14, activity or
// theme label flags the passage.
inline constexpr int kNoLabelMinWords = 25;
// Only this many bytes of a passage are classified; a longer one is
// flagged "too_long".
inline constexpr size_t kMaxClassifiedBytes = 32 * 1024;

// Whether the labels' dimensions contradict each other, which sends the
// passage to review ("contradiction"): a need for technology (14.4b) is
// not something one provides or receives.
bool DimensionsContradict(const Labels& labels);

// The part of a passage the classifiers read: its first
// kMaxClassifiedBytes bytes, cut back to a character boundary.
std::string_view ClassifiedPrefix(std::string_view text);

// What the rules read of a passage: its folded head and every match of a
// term or pattern. The model's features come from the same reading, so a
// passage is folded and matched once, not once for each.
struct RuleReading {
  FoldedText folded;
  std::vector<TermMatch> matches;
  // One flag per Rules::concepts(): matched in the passage itself, not
  // negated. What a lead-in gives the items under it.
  std::vector<char> concepts;
};

class RuleClassifier : public Classifier {
 public:
  // REQUIRES: rules != nullptr.
  explicit RuleClassifier(std::shared_ptr<const Rules> rules);

  // The rules read each passage alone, with one exception: the `requires`
  // gate of a list item or a table row also opens on a concept matched in
  // its lead-in, context.paragraph_above (docs/rules.md, "What opens a
  // gate"). Scores still come from the passage's own words.
  Labels Classify(std::string_view text, std::string_view lang,
                  PassageKind kind,
                  const PassageContext& context) const override;
  using Classifier::Classify;
  // What the rules give a passage's heading and paragraph above; a part
  // is empty when the context has none. For the model's features.
  struct ContextLabels {
    std::optional<Labels> heading;
    std::optional<Labels> paragraph_above;
  };
  ContextLabels ClassifyContext(const PassageContext& context,
                                std::string_view lang) const;
  // Classify, also handing back what was read of the passage itself in
  // *reading (left empty for furniture and running headers, which are not
  // read).
  Labels ClassifyReading(std::string_view text, std::string_view lang,
                         PassageKind kind, const PassageContext& context,
                         RuleReading* reading) const;
  // Rules::version(): "<rules version>+<12 hex of the file's SHA-256>".
  std::string Version() const override;

 private:
  // What the rules found in a heading or a paragraph: its labels and the
  // concepts that matched in it (one flag per Rules::concepts()).
  struct ContextReading {
    Labels labels;
    std::vector<char> concepts;
  };
  // Reads a heading or a paragraph above, or takes it from what this
  // thread read moments before (the pipeline reads a lead-in just before
  // its items).
  ContextReading ReadContext(const std::string& text, std::string_view lang,
                             PassageKind kind) const;
  // The concepts of the lead-in that may open the gates of a passage of
  // `kind`: those of context.paragraph_above for a list item or a table
  // row, none (empty) otherwise.
  std::vector<char> LeadInConcepts(const PassageContext& context,
                                   std::string_view lang,
                                   PassageKind kind) const;
  // Whether `text` matches the concept kTopicConcept (true when the rules
  // have none). For furniture, which Read does not otherwise match.
  bool NamesTopic(std::string_view text, std::string_view lang) const;
  // ClassifyReading without remembering the result; `lead_in` is
  // LeadInConcepts().
  Labels Read(std::string_view text, std::string_view lang, PassageKind kind,
              const std::vector<char>& lead_in, RuleReading* reading) const;

  std::shared_ptr<const Rules> rules_;
  uint64_t reader_id_;  // tells this classifier's remembered labels apart
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_RULE_CLASSIFIER_H_
