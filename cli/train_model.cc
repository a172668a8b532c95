#include "cli/train_model.h"

#include <cstdio>
#include <map>

#include "classifiers/model_features.h"
#include "classifiers/model_file.h"
#include "classifiers/rule_classifier.h"
#include "cli/labelled_letters.h"
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

std::vector<int> LetterFolds(const std::vector<LabelledPassage>& passages,
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

Status TrainFromFiles(const std::vector<std::string>& files,
                      const std::vector<std::string>& reviews_dirs,
                      const std::string& out_path, const ClassifierData& data,
                      const TrainOptions& options, std::ostream& report,
                      std::ostream& errors) {
  // Refused before the files are read, which takes a while on thousands
  // of passages.
  Status checked = CheckTrainOptions(options);
  if (!checked.ok()) return checked;
  std::vector<LabelledPassage> from_files;
  Sha256 hash;
  int bad = 0;
  for (const std::string& file : files) {
    Status s = ReadLabelled(file, &from_files, &hash, errors, &bad);
    if (!s.ok()) return s;
  }
  LabelledReading reading;
  AppendLabelledLetters(std::move(from_files), &reading);
  ReviewedCounts reviewed;
  for (const std::string& dir : reviews_dirs) {
    Status s = AppendReviewedPassages(dir, &reading, &hash, &reviewed);
    if (!s.ok()) return s;
  }
  const std::vector<LabelledPassage>& labelled = reading.labelled;
  const std::vector<Passage>& seen = reading.seen;
  const std::vector<PassageContext>& contexts = reading.contexts;
  if (labelled.empty()) {
    return Status::InvalidArgument("no labelled passages in the files given");
  }
  RuleClassifier rules(data.rules);
  FeatureExtractor extractor(data.rules, data.gazetteer);
  std::vector<int> folds = LetterFolds(labelled, options.folds);
  std::vector<TrainingPassage> passages;
  passages.reserve(labelled.size());
  int furniture = 0;
  for (size_t i = 0; i < labelled.size(); ++i) {
    const Passage& p = seen[i];
    // The pipeline never scores furniture; learning from it would only
    // teach that a letterhead naming a centre is not 14.2.
    if (p.kind == PassageKind::kFurniture) {
      ++furniture;
      continue;
    }
    Labels by_rules = rules.Classify(p.text, p.lang, p.kind, contexts[i]);
    std::vector<ModelFeature> features =
        extractor.Extract(p.text, p.lang, by_rules);
    extractor.AddContext(contexts[i],
                         rules.ClassifyContext(contexts[i], p.lang), &features);
    passages.push_back({std::move(features),
                        labelled[i].gold,
                        folds[i],
                        {by_rules.article14, by_rules.activity, by_rules.theme},
                        IsTranslatedCopy(labelled[i].id)});
  }
  if (passages.empty()) {
    return Status::InvalidArgument(
        "every labelled passage is letter furniture; nothing to learn from");
  }
  LinearModel model;
  TrainReport figures;
  Status s = TrainModel(passages, options, &model, &figures);
  if (!s.ok()) return s;
  model.training_data = hash.HexDigest();
  model.passages = static_cast<int>(passages.size());
  model.rules_version = data.rules->version();
  s = SaveModel(out_path, &model);
  if (!s.ok()) return s;

  report << "model " << model.version << " in " << out_path << ": "
         << passages.size() << " passages";
  if (furniture > 0) report << " (" << furniture << " furniture left out)";
  if (bad > 0) report << " (" << bad << " lines left out)";
  if (reviewed.decisions > 0) {
    report << " (" << reviewed.decisions - reviewed.unmatched
           << " of them reviewers' decisions";
    if (reviewed.unmatched > 0) {
      report << "; " << reviewed.unmatched
             << " left out, their passage no longer in its document";
    }
    report << ")";
  }
  report << ", " << figures.features << " features, " << model.labels.size()
         << " labels\n";
  if (!figures.skipped.empty()) {
    report << "rules alone (fewer than " << options.min_positives
           << " positive passages):";
    for (const std::string& label : figures.skipped) report << " " << label;
    report << "\n";
  }
  report << "out of fold (" << options.folds << " folds by letter):\n";
  for (const DimensionCalibration& d : figures.dimensions) {
    report << "  " << d.dimension << ": ECE " << Fixed(d.ece)
           << ", accepted precision " << Fixed(d.accepted_precision) << " ("
           << d.accepted << " labels)\n";
  }
  report << "  accepted labels together: precision "
         << Fixed(figures.accepted_precision) << "\n";
  report << "  passages with a label in a review band: "
         << Fixed(figures.review_share) << "\n";
  return Status::Ok();
}

}  // namespace intake
