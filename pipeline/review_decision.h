// A reviewer's decision on one passage, as the state store keeps it
// (docs/state.md, table `decisions`). Plain data: review/ reads and
// checks decisions, the store keeps them, the output writer applies them.
//
// A decision belongs to the passage *text* of a document (doc_id + SHA-256
// of the text), not to its position, so it outlives reprocessing with new
// rules or a new segmenter for as long as the text is the same.
#ifndef INTAKE_PIPELINE_REVIEW_DECISION_H_
#define INTAKE_PIPELINE_REVIEW_DECISION_H_

#include <string>
#include <vector>

namespace intake {

struct ReviewDecision {
  std::string doc_id;
  std::string text_sha256;  // Sha256Hex of the passage text
  std::string passage_id;   // where the passage was when decided
  std::string text;         // the passage text, for `review export`
  // The reviewer's labels, codes of TAXONOMY.md in taxonomy order.
  std::vector<std::string> article14;
  std::vector<std::string> activity;
  std::vector<std::string> theme;
  std::string stance = "other";
  std::string reviewer;    // who decided
  std::string decided_at;  // when, ISO 8601 UTC
  std::string source;      // the file it was imported from
  std::string comment;     // the reviewer's note, "" when none
  // Set by the store.
  long long decision_id = 0;
  std::string imported_at;
};

// Same labels (what a record would show), whoever decided them.
bool SameLabels(const ReviewDecision& a, const ReviewDecision& b);

}  // namespace intake

#endif  // INTAKE_PIPELINE_REVIEW_DECISION_H_
