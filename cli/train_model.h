// `intake train`: labelled files and reviewers' decisions in, a model file
// out. Reads the passages, segments each letter as the pipeline would and
// leaves its furniture out (cli/labelled_letters.h; decided passages come
// segmented, cli/reviewed_passages.h), runs the rules on each other passage
// (their findings are features), makes the features, puts each letter's
// (or document's) passages in one cross-validation fold, trains
// (classifiers/model_training.h) and writes the model atomically.
#ifndef INTAKE_CLI_TRAIN_MODEL_H_
#define INTAKE_CLI_TRAIN_MODEL_H_

#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "classifiers/model_training.h"
#include "cli/labelled_passages.h"
#include "cli/options.h"
#include "cli/wiring.h"

namespace intake {

// Fold of each passage: a letter's passages share one; passages that name
// no letter are taken in runs of neighbours (files list a letter's
// passages together), so a fold never holds half a letter.
std::vector<int> LetterFolds(std::span<const LabelledPassage> passages,
                             int folds);

// The folds of labelled files' passages followed, from `from_files` on, by
// reviewed passages (cli/reviewed_passages.h): each part dealt on its own,
// so that the reviewed documents, which come last, are spread over every
// fold rather than packed into the last, and the files' folds are the
// same with reviews as without.
std::vector<int> TrainingFolds(std::span<const LabelledPassage> labelled,
                               size_t from_files, int folds);

// Trains on the labelled files of `args` and on the reviewers' decisions
// in its output folders (cli/reviewed_passages.h), and writes its model
// file and, when asked, its out-of-fold file (cli/out_of_fold_file.h);
// prints what was learned and the out-of-fold figures on `report`, bad
// lines on `errors`. Its rules_path is not read: `data` holds the rules.
Status TrainFromFiles(const TrainArgs& args, const ClassifierData& data,
                      std::ostream& report, std::ostream& errors);

}  // namespace intake

#endif  // INTAKE_CLI_TRAIN_MODEL_H_
