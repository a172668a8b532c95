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

// `document` as for FlagMinorityDirection (support_direction.h). When none
// of its passages is on_topic, each that has a label, a stance other than
// "other" or a reason already is given kOffTopic (AddReviewReason);
// unlabelled, unflagged passages (letter furniture) are left as they are.
// A document more than half of whose passages are flagged
// unsupported_language is not judged: the rules' words for the subject
// may not be in its language.
void FlagOffTopic(std::span<Labels* const> document);

}  // namespace intake

#endif  // INTAKE_PIPELINE_OFF_TOPIC_H_
