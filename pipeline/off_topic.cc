#include "pipeline/off_topic.h"

#include "pipeline/review_reasons.h"

namespace intake {
namespace {

// Whether a reader of the records would take something from the passage:
// a label, a direction of support, or a question already put to a person.
bool SaysSomething(const Labels& labels) {
  return !labels.article14.empty() || !labels.activity.empty() ||
         !labels.theme.empty() || labels.stance != "other" ||
         labels.needs_review;
}

}  // namespace

const char* SubjectName(Subject subject) {
  switch (subject) {
    case Subject::kNamed:
      return "named";
    case Subject::kNotNamed:
      return "not_named";
    case Subject::kNotJudged:
      break;
  }
  return "";
}

Subject JudgeSubject(std::span<const Labels* const> document) {
  // No text of its own (an archive, a mail that only carries files).
  if (document.empty()) return Subject::kNotJudged;
  size_t other_language = 0;
  for (const Labels* labels : document) {
    if (labels->on_topic) return Subject::kNamed;
    if (HasReviewReason(labels->review_reasons, "unsupported_language")) {
      ++other_language;
    }
  }
  // Mostly in another language: the subject's word may be one the rules
  // lack. A stray page read as another language does not count.
  if (2 * other_language > document.size()) return Subject::kNotJudged;
  return Subject::kNotNamed;
}

void FlagOffTopic(std::span<Labels* const> document) {
  std::span<const Labels* const> read(document.data(), document.size());
  if (JudgeSubject(read) != Subject::kNotNamed) return;
  for (Labels* labels : document) {
    if (SaysSomething(*labels)) AddReviewReason(kOffTopic, labels);
  }
}

}  // namespace intake
