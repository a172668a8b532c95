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

// What a document says of the Convention's subject: its record's
// `convention_subject` (docs/records.md), which intake compile reads to set
// apart mail that is not a submission.
enum class Subject {
  kNotJudged,  // no text, or the words for the subject may be missing
  kNamed,      // a passage (or the title, classify_document.h) names it
  kNotNamed,   // none does
};

// "named", "not_named", or "" for kNotJudged.
const char* SubjectName(Subject subject);

// `document` as for FlagMinorityDirection (support_direction.h). kNamed
// when a passage is on_topic; else kNotJudged when it has no passage or
// more than half of its passages are flagged unsupported_language (the
// rules' words for the subject may not be in its language); else
// kNotNamed.
Subject JudgeSubject(std::span<const Labels* const> document);

// When JudgeSubject gives kNotNamed, each passage that has a label, a
// stance other than "other" or a reason already is given kOffTopic
// (AddReviewReason); unlabelled, unflagged passages (letter furniture) are
// left as they are.
void FlagOffTopic(std::span<Labels* const> document);

}  // namespace intake

#endif  // INTAKE_PIPELINE_OFF_TOPIC_H_
