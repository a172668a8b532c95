#include "cli/eval_stream.h"

#include <sstream>
#include <string>
#include <utility>

#include "cli/labelled_letters.h"

namespace intake {

Evaluation EvaluatePassages(const LabelledReading& gold,
                            const Classifier& classifier) {
  Evaluator evaluator;
  for (size_t i = 0; i < gold.labelled.size(); ++i) {
    const Passage& p = gold.seen[i];
    Labels got = classifier.Classify(p.text, p.lang, p.kind, gold.contexts[i]);
    evaluator.Add(gold.labelled[i].gold,
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
  LabelledReading reading;
  AppendLabelledLetters(std::move(passages), &reading);
  *result = EvaluatePassages(reading, classifier);
  return bad;
}

}  // namespace intake
