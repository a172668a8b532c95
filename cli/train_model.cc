#include "cli/train_model.h"

#include <cstdio>
#include <map>
#include <set>
#include <span>
#include <utility>

#include "classifiers/model_features.h"
#include "classifiers/model_file.h"
#include "classifiers/rule_classifier.h"
#include "cli/labelled_letters.h"
#include "cli/out_of_fold_file.h"
#include "cli/reviewed_passages.h"

namespace intake {
namespace {

// Passages without a letter are grouped in this many runs over the files.
constexpr int kUnnamedLetters = 40;

std::string Fixed(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", x);
  return buffer;
}

}  // namespace

std::vector<int> LetterFolds(std::span<const LabelledPassage> passages,
                             int folds) {
  std::map<std::string, int> group_of;
  std::vector<int> group(passages.size());
  const size_t n = passages.size();
  for (size_t i = 0; i < n; ++i) {
    std::string key = passages[i].letter.empty()
                          ? "\n" + std::to_string(i * kUnnamedLetters / n)
                          : passages[i].letter;
    auto it = group_of.emplace(key, static_cast<int>(group_of.size())).first;
    group[i] = it->second;
  }
  const long groups = static_cast<long>(group_of.size());
  std::vector<int> fold(n);
  for (size_t i = 0; i < n; ++i) {
    fold[i] = static_cast<int>(group[i] * static_cast<long>(folds) / groups);
  }
  return fold;
}

std::vector<int> TrainingFolds(std::span<const LabelledPassage> labelled,
                               size_t from_files, int folds) {
  std::vector<int> out = LetterFolds(labelled.first(from_files), folds);
  std::vector<int> reviewed = LetterFolds(labelled.subspan(from_files), folds);
  out.insert(out.end(), reviewed.begin(), reviewed.end());
  return out;
}

namespace {

// The labelled files, then the reviewed passages of every folder, into
// *reading; *from_files is where the reviewed passages start.
Status ReadTrainingPassages(const std::vector<std::string>& files,
                            const std::vector<std::string>& reviews_dirs,
                            LabelledReading* reading, size_t* from_files,
                            ReviewsRead* reviews, Sha256* hash,
                            std::ostream& errors, int* bad) {
  std::vector<LabelledPassage> labelled;
  for (const std::string& file : files) {
    Status s = ReadLabelled(file, &labelled, hash, errors, bad);
    if (!s.ok()) return s;
  }
  AppendLabelledLetters(std::move(labelled), reading);
  *from_files = reading->labelled.size();
  for (const std::string& dir : reviews_dirs) {
    Status s = AppendReviewedPassages(dir, reading, hash, reviews);
    if (!s.ok()) return s;
  }
  if (reading->labelled.empty()) {
    return Status::InvalidArgument(
        reviews_dirs.empty()
            ? "no labelled passages in the files given"
            : "no labelled passages in the files given, and no decided "
              "passage in the review folders that their stores still hold");
  }
  return Status::Ok();
}

void ReportReviews(const ReviewsRead& reviews, int learned,
                   std::ostream& report) {
  report << " (" << learned << " of them from reviewers' decisions";
  if (reviews.unmatched > 0) {
    report << "; " << reviews.unmatched << " of " << reviews.decisions
           << " decisions left out, their passage gone from the store";
  }
  if (reviews.repeated_documents > 0) {
    report << "; " << reviews.repeated_documents
           << (reviews.repeated_documents == 1 ? " document" : " documents")
           << " in more than one folder read from the first";
  }
  report << ")";
}

// The passages learned from, each beside the labelled passage it is
// (`source`), into the --out-of-fold file.
Status WriteOutOfFoldFile(const std::string& path,
                          const LabelledReading& reading,
                          const std::vector<size_t>& source,
                          const std::vector<TrainingPassage>& passages,
                          const std::vector<OutOfFold>& out_of_fold,
                          const LinearModel& model) {
  std::vector<OutOfFoldLine> lines;
  for (size_t k = 0; k < passages.size(); ++k) {
    const LabelledPassage& labelled = reading.labelled[source[k]];
    lines.push_back({labelled.id, labelled.letter, reading.seen[source[k]].lang,
                     &passages[k], &out_of_fold[k]});
  }
  return WriteOutOfFold(path, lines, model);
}

}  // namespace

Status TrainFromFiles(const TrainArgs& args, const ClassifierData& data,
                      std::ostream& report, std::ostream& errors) {
  const std::vector<std::string>& files = args.labelled_files;
  const std::vector<std::string>& reviews_dirs = args.reviews_dirs;
  const std::string& out_path = args.out_path;
  const TrainOptions& options = args.options;
  // Refused before the files are read, which takes a while on thousands
  // of passages.
  Status checked = CheckTrainOptions(options);
  if (checked.ok() && !args.out_of_fold_path.empty()) {
    checked = CheckOutOfFoldPath(args.out_of_fold_path);
  }
  if (!checked.ok()) return checked;
  LabelledReading reading;
  size_t from_files = 0;
  ReviewsRead reviews;
  Sha256 hash;
  int bad = 0;
  Status read = ReadTrainingPassages(files, reviews_dirs, &reading, &from_files,
                                     &reviews, &hash, errors, &bad);
  if (!read.ok()) return read;
  // A model learned from what was left of a file would be taken for one
  // learned from the whole of it.
  if (bad > 0) {
    return Status::InvalidArgument(
        std::to_string(bad) + (bad == 1 ? " line" : " lines") +
        " of the labelled files cannot be learned from (named above); mend "
        "or remove " +
        (bad == 1 ? "it" : "them") + ": no model was written");
  }
  const std::vector<LabelledPassage>& labelled = reading.labelled;
  const std::vector<Passage>& seen = reading.seen;
  const std::vector<PassageContext>& contexts = reading.contexts;
  RuleClassifier rules(data.rules);
  FeatureExtractor extractor(data.rules, data.gazetteer);
  std::vector<int> folds = TrainingFolds(labelled, from_files, options.folds);
  // A fold holds whole letters (the files' and the reviewed documents'
  // are dealt out apart): with fewer letters than folds some stay empty,
  // and training fits a model for each fold that is not.
  const size_t used_folds = std::set<int>(folds.begin(), folds.end()).size();
  if (used_folds < static_cast<size_t>(options.folds)) {
    errors << "intake: warning: --folds " << options.folds
           << " asked, but there are fewer letters than that: the passages "
              "fill "
           << used_folds << " folds, a fit for each\n";
  }
  std::vector<TrainingPassage> passages;
  passages.reserve(labelled.size());
  std::vector<size_t> source;  // the labelled passage each one is
  int furniture = 0;
  int reviewed = 0;
  for (size_t i = 0; i < labelled.size(); ++i) {
    const Passage& p = seen[i];
    // The pipeline never scores furniture; learning from it would only
    // teach that a letterhead naming a centre is not 14.2.
    if (p.kind == PassageKind::kFurniture) {
      ++furniture;
      continue;
    }
    if (i >= from_files) ++reviewed;
    Labels by_rules = rules.Classify(p.text, p.lang, p.kind, contexts[i]);
    std::vector<ModelFeature> features =
        extractor.Extract(p.text, p.lang, by_rules);
    extractor.AddContext(contexts[i],
                         rules.ClassifyContext(contexts[i], p.lang), &features);
    passages.push_back({std::move(features),
                        labelled[i].gold,
                        folds[i],
                        {by_rules.article14, by_rules.activity, by_rules.theme,
                         by_rules.stance},
                        IsTranslatedCopy(labelled[i].id)});
    source.push_back(i);
  }
  if (passages.empty()) {
    return Status::InvalidArgument(
        "every labelled passage is letter furniture; nothing to learn from");
  }
  LinearModel model;
  TrainReport figures;
  std::vector<OutOfFold> out_of_fold;
  Status s = TrainModel(passages, options, &model, &figures,
                        args.out_of_fold_path.empty() ? nullptr : &out_of_fold);
  if (!s.ok()) return s;
  model.training_data = hash.HexDigest();
  model.passages = static_cast<int>(passages.size());
  model.rules_version = data.rules->version();
  s = SaveModel(out_path, &model);
  if (!s.ok()) return s;

  report << "model " << model.version << " in " << out_path << ": "
         << passages.size() << " passages";
  if (furniture > 0) report << " (" << furniture << " furniture left out)";
  if (!reviews_dirs.empty()) ReportReviews(reviews, reviewed, report);
  report << ", " << figures.features << " features, " << model.labels.size()
         << " labels\n";
  if (!figures.skipped.empty()) {
    report << "rules alone (fewer than " << options.min_positives
           << " positive passages):";
    for (const std::string& label : figures.skipped) report << " " << label;
    report << "\n";
  }
  report << "out of fold (" << used_folds << " folds by letter):\n";
  for (const DimensionCalibration& d : figures.dimensions) {
    report << "  " << d.dimension << ": ECE " << Fixed(d.ece)
           << ", accepted precision " << Fixed(d.accepted_precision) << " ("
           << d.accepted << " labels)\n";
  }
  report << "  accepted labels together: precision "
         << Fixed(figures.accepted_precision) << "\n";
  report << "  passages with a label in a review band: "
         << Fixed(figures.review_share) << "\n";
  if (args.out_of_fold_path.empty()) return Status::Ok();
  return WriteOutOfFoldFile(args.out_of_fold_path, reading, source, passages,
                            out_of_fold, model);
}

}  // namespace intake
