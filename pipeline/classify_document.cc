#include "pipeline/classify_document.h"

#include "pipeline/off_topic.h"
#include "pipeline/passage_context.h"
#include "pipeline/progress.h"
#include "pipeline/support_direction.h"

namespace intake {

void ClassifyDocument(const Classifier& classifier,
                      std::vector<Passage>* passages, bool whole) {
  ContextTracker context;
  std::vector<Labels*> labels;
  bool read_by_ocr = false;
  for (Passage& p : *passages) {
    NoteProgress();
    p.labels = classifier.Classify(p.text, p.lang, p.kind,
                                   context.Next(p.kind, p.text));
    labels.push_back(&p.labels);
    read_by_ocr = read_by_ocr || p.ocr_confidence >= 0;
  }
  FlagMinorityDirection(labels);
  if (whole && !read_by_ocr) FlagOffTopic(labels);
}

}  // namespace intake
