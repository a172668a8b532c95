// Reads whether one document speaks of the Convention's subject at all,
// after each of its passages was classified alone. Mail brings documents
// that do not (a CV, an invoice, a newsletter sent to the wrong address),
// and a classifier that learned only from submissions still finds support
// and needs in them: on the 283 documents of shared/real-docs that never
// name mercury or Minamata, 406 passages had labels no one was asked to
// check. Such a document's labelled passages go to a person, and the
// review list puts them after every other passage. Not a classifier: it
// changes no label, only the review fields.
#ifndef INTAKE_PIPELINE_OFF_TOPIC_H_
#define INTAKE_PIPELINE_OFF_TOPIC_H_

#include <span>

#include "pipeline/passage.h"

namespace intake {

// The review reason given by FlagOffTopic.
inline constexpr char kOffTopic[] = "off_topic";

// Added to such a passage's doubt in the review list (review_list.h), whose
// doubts are otherwise confidences in [0, 1]: it comes after every passage
// of a document on the subject.
inline constexpr double kOffTopicAfter = 1.0;

// REQUIRES: `document` holds the labels of every passage of one document
// (or gold letter), in any order; none is null.
// When no passage is on_topic, every passage that has a label in
// article14, activity or theme, a stance other than "other", or already
// needs review gets needs_review and the reason kOffTopic (review_reasons
// stay sorted and unique). An empty document, or one whose passages are
// all unlabelled and unflagged (letter furniture), is left as it is.
void FlagOffTopic(std::span<Labels* const> document);

}  // namespace intake

#endif  // INTAKE_PIPELINE_OFF_TOPIC_H_
