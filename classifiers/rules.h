// The compiled rules file (docs/rules.md): what the rule classifier knows.
//
// LoadRules/ParseRules read a rules file, validate it against the embedded
// RelaxNG schema (rules_schema.h), check what the schema cannot (codes known
// to the taxonomy, concepts defined, patterns that compile, no duplicates)
// and compile every term and pattern into one TermMatcher. A file with any
// error is refused whole, with a message naming the file, the line and what
// is wrong. Not the scoring: that is rule_classifier.h.
//
// A Rules object is immutable once built and shared between threads as
// std::shared_ptr<const Rules>.
#ifndef INTAKE_CLASSIFIERS_RULES_H_
#define INTAKE_CLASSIFIERS_RULES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/term_matcher.h"
#include "pipeline/status.h"

namespace intake {

// The concept whose terms name the Convention's subject (mercury,
// Minamata): a document none of whose passages matches it is off topic
// (pipeline/off_topic.h). It opens no gate and is not a model feature.
inline constexpr char kTopicConcept[] = "topic";

// One <label> element.
struct LabelRule {
  std::string dimension;    // "article14", "activity", "theme" or "stance"
  std::string code;         // known to the taxonomy for `dimension`
  std::string name;         // "dimension:code", as in Evidence::label
  int dimension_index = 0;  // position in TaxonomyDimensions()
  int rank = 0;             // TaxonomyRank(dimension, code)
  double threshold = 1.0;
  // Indexes into Rules::concepts(); empty when the label requires nothing.
  std::vector<int> required_concepts;
  int line = 0;  // in the rules file
};

// What one TermMatcher entry stands for: a weighted term or pattern of a
// label, or an unweighted one of a concept.
struct RuleEntry {
  int label = -1;          // index into Rules::labels(), or -1
  int concept_index = -1;  // index into Rules::concepts(), or -1
  double weight = 0.0;     // 0 for concept entries
};

class Rules {
 public:
  // "<version attribute>+<first 12 hex digits of the file's SHA-256>".
  const std::string& version() const { return version_; }
  // Labels in file order.
  const std::vector<LabelRule>& labels() const { return labels_; }
  // Concept ids in file order.
  const std::vector<std::string>& concepts() const { return concepts_; }
  // Index of the concept kTopicConcept in concepts(), or -1 when the file
  // has none.
  int topic_concept() const { return topic_concept_; }
  // Indexed by the entry ids of matcher().
  const std::vector<RuleEntry>& entries() const { return entries_; }
  const TermMatcher& matcher() const { return matcher_; }

 private:
  friend class RulesBuilder;
  Rules() = default;

  std::string version_;
  std::vector<LabelRule> labels_;
  std::vector<std::string> concepts_;
  int topic_concept_ = -1;
  std::vector<RuleEntry> entries_;
  TermMatcher matcher_;
};

// Reads and compiles the rules file at `path`. On failure *out is left
// untouched and the status says why (kNotFound, kIoError, or
// kInvalidArgument with "path:line: what").
Status LoadRules(const std::string& path, std::shared_ptr<const Rules>* out);

// The version LoadRules would give the file at `path`, without validating
// or compiling it: what a run needs to know which stored documents are up
// to date. A file that parses here may still fail LoadRules.
Status ReadRulesVersion(const std::string& path, std::string* version);

// Compiles rules from memory; `source_name` names them in error messages.
// Never reads the network or the file system (no DTD, no entities).
Status ParseRules(std::string_view xml, std::string_view source_name,
                  std::shared_ptr<const Rules>* out);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_RULES_H_
