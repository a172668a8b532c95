// What a document goes through after identify, as the runner and the
// `extract` command wire it: the extractor, its limits, the classifier and
// the submitter finder. Borrowed for the run; owned by cli/.
#ifndef INTAKE_PIPELINE_STAGES_H_
#define INTAKE_PIPELINE_STAGES_H_

#include "pipeline/classifier.h"
#include "pipeline/extractor.h"
#include "pipeline/submitter.h"
#include "pipeline/word_lists.h"

namespace intake {

struct Stages {
  ExtractFn extract;  // required
  ExtractLimits limits;
  const Classifier* classifier = nullptr;       // required
  const SubmitterFinder* submitters = nullptr;  // optional: no submitter
  // Optional: without it, line-end hyphens are judged by rule alone.
  const WordLists* words = nullptr;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_STAGES_H_
