// The learned model: calibration arithmetic, training (deterministic) and
// the model beside the rules. Its file: tests/model_file_test.cc. What it
// reads (masking, features): tests/model_features_test.cc. The commands
// that train and use it: tests/train_command_test.cc.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "classifiers/calibration.h"
#include "classifiers/combined_classifier.h"
#include "classifiers/give_threshold.h"
#include "classifiers/linear_model.h"
#include "classifiers/model_file.h"
#include "classifiers/model_tokens.h"
#include "classifiers/model_training.h"
#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "tests/shipped_rules.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

TEST(CalibrationTest, PlattIsMonotoneAndEceIsZeroWhenCalibrated) {
  std::vector<Outcome> scores;
  for (int i = -20; i <= 20; ++i) scores.push_back({i / 4.0, i > 0});
  Platt p = FitPlatt(scores);
  EXPECT_LT(p.a, 0);  // higher score, higher probability
  std::vector<Outcome> calibrated;
  for (int i = 0; i < 10; ++i) calibrated.push_back({0.25, i < 2 || i == 9});
  // Three positives out of ten at 0.25: off by 0.05.
  EXPECT_NEAR(ExpectedCalibrationError(calibrated), 0.05, 1e-12);
  calibrated[8].positive = false;
  calibrated.push_back({0.95, true});
  EXPECT_GT(ExpectedCalibrationError(calibrated), 0.0);
}

TEST(CalibrationTest, BandsMeetTheirTargets) {
  std::vector<Outcome> o;
  for (int i = 0; i < 100; ++i) o.push_back({i / 100.0, i >= 60});
  o.push_back({0.9, false});
  // From 0.59 up: 40 right of 42 (the one at 0.59 and the one at 0.9).
  EXPECT_DOUBLE_EQ(AcceptThreshold(o, 0.95), 0.59);
  EXPECT_DOUBLE_EQ(AcceptThreshold({{0.99, false}}, 0.95), 1.0);
  // 40 positives; 5% of them may fall below: the two at 0.60 and 0.61.
  EXPECT_DOUBLE_EQ(RejectThreshold(o, 0.9, 0.05), 0.62);
}

// A tiny corpus the model can learn: "lamps" means products, "training"
// means 14.1 and provided.
std::vector<TrainingPassage> TinyCorpus(const FeatureExtractor& features) {
  const char* texts[] = {"We phased out mercury lamps.",
                         "Lamps with mercury were banned.",
                         "The centre gave training to officials.",
                         "Training was provided.",
                         "Dear Sir,",
                         "Yours sincerely,",
                         "Mercury lamps are collected.",
                         "Our training courses for customs officers."};
  std::vector<TrainingPassage> out;
  for (int i = 0; i < 8; ++i) {
    TrainingPassage p;
    p.features = features.Extract(texts[i], "en", Labels());
    std::string t = texts[i];
    bool lamps = t.find("amps") != std::string::npos;
    bool training = t.find("raining") != std::string::npos;
    if (lamps) p.gold.theme = {"products"};
    if (training) {
      p.gold.article14 = {"14.1"};
      p.gold.stance = "provided";
    }
    p.fold = i % 2;
    out.push_back(std::move(p));
  }
  return out;
}

// Options a corpus of a few passages can be trained with: two folds, and
// features seen once kept.
TrainOptions TinyCorpusOptions() {
  TrainOptions options;
  options.folds = 2;
  options.min_count = 1;
  return options;
}

using testing::ShippedRules;

TEST(ModelTrainingTest, SameInputSameFileAndTheFileReadsBack) {
  FeatureExtractor features(ShippedRules(), nullptr);
  std::vector<TrainingPassage> corpus = TinyCorpus(features);
  TrainOptions options = TinyCorpusOptions();
  LinearModel a, b;
  TrainReport report;
  ASSERT_TRUE(TrainModel(corpus, options, &a, &report).ok());
  ASSERT_TRUE(TrainModel(corpus, options, &b, &report).ok());
  std::string text = ModelFileBytes(a);
  EXPECT_EQ(text, ModelFileBytes(b));
  EXPECT_GE(a.Find("theme:products"), 0);
  EXPECT_EQ(a.Find("theme:asgm"), -1);  // never seen: left to the rules
  LinearModel back;
  Status s = ParseModel(text, "m", &back);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(ModelFileBytes(back), text);
  EXPECT_EQ(back.version.size(), 12u);

  // Every bucket the model has finds its own row; any other finds none.
  std::vector<ModelFeature> all(back.buckets.size() + 1);
  for (size_t i = 0; i < back.buckets.size(); ++i) {
    all[i].bucket = back.buckets[i];
  }
  all.back().bucket = back.buckets.back() + 1;
  std::vector<int32_t> rows = back.Rows(all);
  for (size_t i = 0; i < back.buckets.size(); ++i) {
    ASSERT_EQ(rows[i], static_cast<int32_t>(i)) << back.buckets[i];
  }
  EXPECT_EQ(rows.back(), -1);

  std::vector<double> scores =
      back.Scores(features.Extract("Mercury lamps again.", "en", Labels()));
  int products = back.Find("theme:products");
  EXPECT_GT(back.Probability(products, scores[products]), 0.5);

  // Each label's give threshold is chosen on the grid, and what the model
  // gives is never below the reject threshold, so never passed unseen.
  for (const ModelLabel& l : back.labels) {
    if (l.name.starts_with("stance:")) continue;
    EXPECT_GE(l.gives, kLowestGives) << l.name;
    EXPECT_LE(l.gives, kModelGives) << l.name;
    EXPECT_NEAR(l.gives * 20, std::round(l.gives * 20), 1e-9) << l.name;
    EXPECT_LE(l.reject, l.gives) << l.name;
  }
}

// A label the model finds at 0.3-0.45 is best given from 0.3; one it is
// sure of, or unsure only where it is wrong, from 0.5.
TEST(ModelTrainingTest, TheGiveThresholdIsTheOneWithTheBestF1) {
  std::vector<GiveOutcome> unsure;
  for (double p : {0.3, 0.35, 0.4, 0.45, 0.6})
    unsure.push_back({p, false, true});
  for (double p : {0.1, 0.2, 0.28, 0.32}) unsure.push_back({p, false, false});
  // From 0.3: 5 right, 1 wrong, none missed (F1 0.91); from 0.35: 4 right.
  EXPECT_DOUBLE_EQ(ChooseGiveThreshold(unsure), 0.3);

  std::vector<GiveOutcome> sure = {{0.9, false, true},
                                   {0.8, false, true},
                                   {0.4, false, false},
                                   {0.3, false, false}};
  EXPECT_DOUBLE_EQ(ChooseGiveThreshold(sure), kModelGives);
  // Nothing to choose by (no outcomes, or no right label): the default.
  EXPECT_DOUBLE_EQ(ChooseGiveThreshold({}), kModelGives);
  EXPECT_DOUBLE_EQ(ChooseGiveThreshold({{0.4, false, false}}), kModelGives);

  // What the rules give is given whatever the threshold, unless the model
  // takes it back: it counts the same at every one.
  std::vector<GiveOutcome> ruled = sure;
  ruled.push_back({0.1, true, true});
  ruled.push_back({0.02, true, true});  // taken back: missed at each
  EXPECT_DOUBLE_EQ(ChooseGiveThreshold(ruled), kModelGives);

  // Never below kLowestGives, however low the right labels lie.
  std::vector<GiveOutcome> low = {{0.1, false, true}, {0.05, false, false}};
  EXPECT_DOUBLE_EQ(ChooseGiveThreshold(low), kModelGives);
  low.push_back({0.26, false, true});
  EXPECT_DOUBLE_EQ(ChooseGiveThreshold(low), kLowestGives);

  // Copies do not count: as copies, the unsure outcomes leave the sure
  // ones to decide.
  std::vector<GiveOutcome> mixed = sure;
  for (GiveOutcome o : unsure) {
    o.copy = true;
    mixed.push_back(o);
  }
  EXPECT_DOUBLE_EQ(ChooseGiveThreshold(mixed), kModelGives);
}

TEST(ModelTrainingTest, BalancedLabelsWeighARareLabelsPassagesMore) {
  FeatureExtractor features(ShippedRules(), nullptr);
  std::vector<TrainingPassage> corpus = TinyCorpus(features);
  // Products becomes rare: 3 passages of 23.
  const char* plain[] = {
      "The report is attached.",   "Please find the annex.",
      "We thank the secretariat.", "The meeting was held.",
      "See the table below.",      "The law entered into force."};
  for (int i = 0; i < 15; ++i) {
    TrainingPassage p;
    p.features = features.Extract(plain[i % 6], "en", Labels());
    p.fold = i % 2;
    corpus.push_back(std::move(p));
  }
  TrainOptions options = TinyCorpusOptions();
  LinearModel balanced, plain_model;
  TrainReport report;
  ASSERT_TRUE(TrainModel(corpus, options, &balanced, &report).ok());
  options.balance_labels = false;
  ASSERT_TRUE(TrainModel(corpus, options, &plain_model, &report).ok());

  std::vector<ModelFeature> lamps =
      features.Extract("Mercury lamps again.", "en", Labels());
  int products = balanced.Find("theme:products");
  ASSERT_GE(products, 0);
  ASSERT_EQ(plain_model.Find("theme:products"), products);
  EXPECT_GT(balanced.Scores(lamps)[products],
            plain_model.Scores(lamps)[products] + 0.5);
  // Calibration is fitted on the cross-validation fits' scores, which
  // must be weighted as the final fit is, or it would map other scores.
  EXPECT_GT(std::abs(balanced.labels[products].platt_b -
                     plain_model.labels[products].platt_b),
            0.5);
  // The stance's fits keep the passages' own proportions.
  int provided = balanced.Find("stance:provided");
  ASSERT_GE(provided, 0);
  std::vector<ModelFeature> training =
      features.Extract("Training was provided.", "en", Labels());
  EXPECT_DOUBLE_EQ(balanced.Scores(training)[provided],
                   plain_model.Scores(training)[provided]);
}

TEST(CombinedClassifierTest, EvidenceSaysWhichRaisedALabel) {
  auto rules = ShippedRules();
  FeatureExtractor features(rules, nullptr);
  std::vector<TrainingPassage> corpus = TinyCorpus(features);
  TrainOptions options = TinyCorpusOptions();
  auto model = std::make_shared<LinearModel>();
  TrainReport report;
  ASSERT_TRUE(TrainModel(corpus, options, model.get(), &report).ok());
  CombinedClassifier classifier(rules, nullptr, model);
  Labels got = classifier.Classify("Mercury lamps, mercury lamps.", "en",
                                   PassageKind::kParagraph);
  ASSERT_TRUE(std::find(got.theme.begin(), got.theme.end(), "products") !=
              got.theme.end());
  bool model_evidence = false;
  for (const Evidence& e : got.evidence) {
    EXPECT_TRUE(e.source == "rules" || e.source == "model") << e.source;
    if (e.label == "theme:products" && e.source == "model") {
      model_evidence = true;
      EXPECT_EQ(std::string("Mercury lamps, mercury lamps.")
                    .substr(e.start, e.end - e.start),
                e.text);
    }
  }
  EXPECT_TRUE(model_evidence);
  Labels furniture =
      classifier.Classify("Dear Sir,", "en", PassageKind::kFurniture);
  EXPECT_TRUE(furniture.evidence.empty());
  EXPECT_FALSE(furniture.needs_review);
}

// A model with one scorer, for theme:products, that says `p` for every
// passage (no weights: the score is the bias; Platt A = -1, B = 0).
std::shared_ptr<const LinearModel> ProductsAlwaysAt(double p) {
  auto model = std::make_shared<LinearModel>();
  ModelLabel label;
  label.name = "theme:products";
  label.bias = std::log(p / (1 - p));
  label.reject = 0.3;
  label.accept = 0.9;
  model->labels.push_back(label);
  model->IndexBuckets();
  return model;
}

TEST(CombinedClassifierTest, AModelSureTheRulesAreWrongTakesTheirLabelBack) {
  auto rules = ShippedRules();
  const std::string text = "Mercury lamps were banned in 2020.";
  Labels alone =
      RuleClassifier(rules).Classify(text, "en", PassageKind::kParagraph);
  ASSERT_EQ(alone.theme, std::vector<std::string>{"products"});
  auto has = [](const std::vector<std::string>& v, const char* s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };

  // Not sure enough: the rules' label stands, for a person to check.
  Labels doubt = CombinedClassifier(rules, nullptr, ProductsAlwaysAt(0.2))
                     .Classify(text, "en", PassageKind::kParagraph);
  EXPECT_EQ(doubt.theme, std::vector<std::string>{"products"});
  EXPECT_TRUE(has(doubt.review_reasons, "rules_model_disagree"));

  // At least 95% sure the rules are wrong: the label is taken back, and
  // the disagreement still sends the passage to a person.
  Labels sure = CombinedClassifier(rules, nullptr, ProductsAlwaysAt(0.01))
                    .Classify(text, "en", PassageKind::kParagraph);
  EXPECT_TRUE(sure.theme.empty());
  EXPECT_TRUE(has(sure.review_reasons, "rules_model_disagree"));
  EXPECT_TRUE(sure.needs_review);
  // What the rules read stays in the record, marked as taken back.
  std::set<std::string> sources;
  for (const Evidence& e : sure.evidence) {
    if (e.label == "theme:products") sources.insert(e.source);
  }
  EXPECT_EQ(sources, std::set<std::string>{"rules_taken_back"});

  // A model label is given from the label's own give threshold up.
  const std::string meeting = "The meeting was held in Geneva.";
  auto low = std::make_shared<LinearModel>(*ProductsAlwaysAt(0.4));
  Labels at_half = CombinedClassifier(rules, nullptr, low)
                       .Classify(meeting, "en", PassageKind::kParagraph);
  EXPECT_TRUE(at_half.theme.empty());
  low->labels[0].gives = 0.35;
  Labels lower = CombinedClassifier(rules, nullptr, low)
                     .Classify(meeting, "en", PassageKind::kParagraph);
  EXPECT_EQ(lower.theme, std::vector<std::string>{"products"});
  EXPECT_TRUE(has(lower.review_reasons, "low_confidence"));

  // Taken back even where the reject threshold lies below it.
  auto no_band = std::make_shared<LinearModel>(*ProductsAlwaysAt(0.01));
  no_band->labels[0].reject = 0;
  Labels unbanded = CombinedClassifier(rules, nullptr, no_band)
                        .Classify(text, "en", PassageKind::kParagraph);
  EXPECT_TRUE(unbanded.theme.empty());
  EXPECT_TRUE(has(unbanded.review_reasons, "rules_model_disagree"));
}

}  // namespace
}  // namespace intake
