#include "pipeline/classify_document.h"

#include "pipeline/off_topic.h"
#include "pipeline/passage_context.h"
#include "pipeline/progress.h"
#include "pipeline/support_direction.h"

namespace intake {

void ClassifyDocument(const Classifier& classifier,
                      std::vector<Passage>* passages) {
  ContextTracker context;
  std::vector<Labels*> labels;
  for (Passage& p : *passages) {
    NoteProgress();
    p.labels = classifier.Classify(p.text, p.lang, p.kind,
                                   context.Next(p.kind, p.text));
    labels.push_back(&p.labels);
  }
  FlagMinorityDirection(labels);
  FlagOffTopic(labels);
}

}  // namespace intake
