// Measuring labels against a gold standard: precision, recall and F1 per
// code, micro and macro per dimension, stance accuracy and the stance
// confusion table. Pure arithmetic over label sets; reading files and
// running the classifier is the caller's business (`intake eval`,
// tests/rules_corpus_test.cc).
#ifndef INTAKE_CLASSIFIERS_EVALUATION_H_
#define INTAKE_CLASSIFIERS_EVALUATION_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "classifiers/taxonomy.h"

namespace intake {

// The labels of one passage, gold or predicted.
struct LabelSet {
  std::vector<std::string> article14;
  std::vector<std::string> activity;
  std::vector<std::string> theme;
  std::string stance = std::string(kStanceOther);
};

struct CodeScore {
  std::string code;
  int true_positive = 0;
  int false_positive = 0;
  int false_negative = 0;
  double precision = 0;  // 0 when nothing was predicted
  double recall = 0;     // 0 when nothing was expected
  double f1 = 0;
  int support() const { return true_positive + false_negative; }
};

struct DimensionScore {
  // "article14", "activity", "theme", then "activity_group" (a-e)
  std::string dimension;
  std::vector<CodeScore> codes;  // taxonomy order, codes seen in gold or
                                 // predictions only
  double micro_precision = 0;
  double micro_recall = 0;
  double micro_f1 = 0;
  double macro_f1 = 0;  // mean F1 over `codes`
};

struct Evaluation {
  int passages = 0;
  std::vector<DimensionScore> dimensions;
  double stance_accuracy = 0;
  // (gold stance, predicted stance) -> passages.
  std::map<std::pair<std::string, std::string>, int> stance_confusion;
};

class Evaluator {
 public:
  void Add(const LabelSet& gold, const LabelSet& predicted);
  Evaluation Finish() const;

 private:
  struct Counts {
    int tp = 0, fp = 0, fn = 0;
  };
  // dimension -> code -> counts
  std::map<std::string, std::map<std::string, Counts>> counts_;
  int passages_ = 0;
  int stance_right_ = 0;
  std::map<std::pair<std::string, std::string>, int> confusion_;
};

// A plain-text report: one line per code, then the dimension totals and
// the stance confusion table.
std::string FormatEvaluation(const Evaluation& evaluation);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_EVALUATION_H_
