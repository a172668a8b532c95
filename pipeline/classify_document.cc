#include "pipeline/classify_document.h"

#include "pipeline/passage_context.h"
#include "pipeline/progress.h"
#include "pipeline/support_direction.h"

namespace intake {

Subject ClassifyDocument(const Classifier& classifier,
                         std::vector<Passage>* passages, bool whole,
                         std::string_view title) {
  ContextTracker context;
  std::vector<Labels*> labels;
  size_t read_by_ocr = 0;
  for (Passage& p : *passages) {
    NoteProgress();
    p.labels = classifier.Classify(p.text, p.lang, p.kind,
                                   context.Next(p.kind, p.text));
    labels.push_back(&p.labels);
    if (p.ocr_confidence >= 0) ++read_by_ocr;
  }
  FlagMinorityDirection(labels);
  Subject subject = JudgeSubject(
      std::span<const Labels* const>(labels.data(), labels.size()));
  if (subject != Subject::kNamed && !title.empty()) {
    std::string_view lang = passages->empty() ? "und" : passages->front().lang;
    if (classifier.Classify(title, lang, PassageKind::kHeading).on_topic) {
      subject = Subject::kNamed;
    }
  }
  // A scan may have garbled the one word that counts; a page or two read
  // by OCR in a document with a text layer do not make it a scan.
  if (subject == Subject::kNotNamed && 2 * read_by_ocr > passages->size()) {
    subject = Subject::kNotJudged;
  }
  if (whole && subject == Subject::kNotNamed) FlagOffTopic(labels);
  return subject;
}

}  // namespace intake
