#include "cli/eval_stream.h"

#include <sstream>
#include <string>

#include "cli/labelled_letters.h"

namespace intake {

Evaluation EvaluatePassages(const std::vector<LabelledPassage>& gold,
                            const Classifier& classifier) {
  const std::vector<Passage> seen = SegmentLabelled(gold);
  const std::vector<PassageContext> contexts = LabelledContexts(gold, seen);
  Evaluator evaluator;
  for (size_t i = 0; i < gold.size(); ++i) {
    const Passage& p = seen[i];
    Labels got = classifier.Classify(p.text, p.lang, p.kind, contexts[i]);
    evaluator.Add(gold[i].gold,
                  {got.article14, got.activity, got.theme, got.stance});
  }
  return evaluator.Finish();
}

int EvaluateStream(std::istream& gold, const Classifier& classifier,
                   std::ostream& errors, Evaluation* result) {
  std::stringstream text;
  text << gold.rdbuf();
  std::vector<LabelledPassage> passages;
  int bad = 0;
  ParseLabelled("gold", text.str(), &passages, errors, &bad);
  *result = EvaluatePassages(passages, classifier);
  return bad;
}

}  // namespace intake
