// Puts reviewers' decisions into passage records as the output is written
// from the store (pipeline/store_output.cc): the reviewer's labels replace
// the rules', `labels_from` says "reviewer" (docs/records.md). The stored
// records keep the rules' labels, so that a decision can be replaced and
// the classifier measured against the reviewers (`intake eval --reviews`).
#ifndef INTAKE_PIPELINE_REVIEWED_LABELS_H_
#define INTAKE_PIPELINE_REVIEWED_LABELS_H_

#include <map>
#include <string>
#include <string_view>

#include "pipeline/review_decision.h"

namespace intake {

// What a decision is keyed on with the doc_id: SHA-256 of the text.
std::string PassageTextHash(std::string_view text);

// The passage record `line` with the labels of the decision on its text,
// when `decisions` (by text hash, of its document) holds one; else `line`.
std::string WithReviewerLabels(
    const std::string& line,
    const std::map<std::string, ReviewDecision>& decisions);

}  // namespace intake

#endif  // INTAKE_PIPELINE_REVIEWED_LABELS_H_
