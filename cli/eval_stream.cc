#include "cli/eval_stream.h"

#include <sstream>
#include <string>
#include <vector>

#include "cli/labelled_passages.h"

namespace intake {

int EvaluateStream(std::istream& gold, const Classifier& classifier,
                   std::ostream& errors, Evaluation* result) {
  std::stringstream text;
  text << gold.rdbuf();
  std::vector<LabelledPassage> passages;
  int bad = 0;
  ParseLabelled("gold", text.str(), &passages, errors, &bad);
  Evaluator evaluator;
  for (const LabelledPassage& p : passages) {
    Labels got = classifier.Classify(p.text, p.lang, PassageKind::kParagraph);
    evaluator.Add(p.gold, {got.article14, got.activity, got.theme, got.stance});
  }
  *result = evaluator.Finish();
  return bad;
}

}  // namespace intake
