// The log-count-ratio scaling of features before each label's fit
// (classifiers/count_ratio.h), and its folding back into the weights.
#include "classifiers/count_ratio.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "classifiers/model_training.h"

namespace intake {
namespace {

// Four passages, two with the label. Feature 1 is in both with it,
// feature 2 in all four, feature 3 in one without; feature 4 is the bias.
struct FourPassages {
  std::vector<std::vector<feature_node>> nodes = {
      {{1, 1.0}, {2, 0.5}, {4, 1.0}, {-1, 0}},
      {{1, 2.0}, {2, 0.5}, {4, 1.0}, {-1, 0}},
      {{2, 0.5}, {3, 1.0}, {4, 1.0}, {-1, 0}},
      {{2, 0.5}, {4, 1.0}, {-1, 0}}};
  std::vector<double> y = {1, 1, -1, -1};
  std::vector<feature_node*> rows() {
    std::vector<feature_node*> out;
    for (auto& row : nodes) out.push_back(row.data());
    return out;
  }
};

TEST(CountRatioTest, ScalesAreTheLogCountRatiosAtThePower) {
  FourPassages four;
  std::vector<double> scales = CountRatioScales(four.rows(), four.y, 4, 0.5);
  ASSERT_EQ(scales.size(), 4u);
  // (2+1)/(2+2) with, (0+1)/(2+2) without: log 3.
  EXPECT_NEAR(scales[0], std::sqrt(std::log(3.0)), 1e-12);
  // As common with the label as without: it says nothing.
  EXPECT_EQ(scales[1], 0.0);
  // (0+1)/4 with, (1+1)/4 without: |log 1/2|.
  EXPECT_NEAR(scales[2], std::sqrt(std::log(2.0)), 1e-12);
  EXPECT_EQ(scales[3], 1.0);  // the bias
  EXPECT_NEAR(CountRatioScales(four.rows(), four.y, 4, 1.0)[0], std::log(3.0),
              1e-12);
}

TEST(CountRatioTest, PowerZeroScalesNothing) {
  FourPassages four;
  EXPECT_EQ(CountRatioScales(four.rows(), four.y, 4, 0.0),
            std::vector<double>(4, 1.0));
}

TEST(CountRatioTest, ScaledRowsMultiplyValuesAndKeepTheEnd) {
  FourPassages four;
  std::vector<std::vector<feature_node>> scaled =
      ScaledRows(four.rows(), {3.0, 0.0, 2.0, 1.0});
  ASSERT_EQ(scaled.size(), 4u);
  ASSERT_EQ(scaled[1].size(), 4u);
  EXPECT_EQ(scaled[1][0].index, 1);
  EXPECT_EQ(scaled[1][0].value, 6.0);
  EXPECT_EQ(scaled[1][1].value, 0.0);
  EXPECT_EQ(scaled[1][2].value, 1.0);
  EXPECT_EQ(scaled[1][3].index, -1);
  EXPECT_EQ(scaled[2][1].value, 2.0);
  EXPECT_EQ(four.nodes[1][0].value, 2.0);  // the rows given are unchanged
}

// The weight of `bucket` for `label` in a trained model.
double WeightOf(const LinearModel& m, uint32_t bucket, std::string_view label) {
  auto at = std::lower_bound(m.buckets.begin(), m.buckets.end(), bucket);
  EXPECT_TRUE(at != m.buckets.end() && *at == bucket) << bucket;
  int c = m.Find(label);
  EXPECT_GE(c, 0) << label;
  size_t b = at - m.buckets.begin();
  return m.weights[b * m.labels.size() + c];
}

// Eight passages, half with the theme. Bucket 1 is in those with it (at
// twice the value, so that the fit's intercept is not 0), bucket 2 in the
// others, bucket 7 in all. Each value is multiplied by `scale` of its
// bucket.
std::vector<TrainingPassage> EightPassages(double scale1, double scale2,
                                           double scale7) {
  std::vector<TrainingPassage> corpus;
  for (int i = 0; i < 8; ++i) {
    TrainingPassage p;
    bool products = i % 2 == 0;
    p.features = {{products ? 1u : 2u, products ? 2.0 * scale1 : scale2, {}},
                  {7u, scale7, {}}};
    if (products) p.gold.theme = {"products"};
    p.fold = i / 2 % 2;
    corpus.push_back(std::move(p));
  }
  return corpus;
}

// The model of `corpus` at the two powers, cross-validated over its two
// folds.
LinearModel TrainAt(const std::vector<TrainingPassage>& corpus,
                    double ratio_power, double article14_ratio_power) {
  TrainOptions options;
  options.folds = 2;
  options.ratio_power = ratio_power;
  options.article14_ratio_power = article14_ratio_power;
  LinearModel model;
  TrainReport report;
  EXPECT_TRUE(TrainModel(corpus, options, &model, &report).ok());
  return model;
}

// The model of EightPassages(scale1, scale2, scale7) at `ratio_power`.
LinearModel TrainEight(double ratio_power, double scale1, double scale2,
                       double scale7) {
  return TrainAt(EightPassages(scale1, scale2, scale7), ratio_power, 0);
}

TEST(CountRatioTest, TrainingFoldsTheScalesIntoTheWeights) {
  const LinearModel scaled = TrainEight(0.5, 1, 1, 1);
  // The final fit's scales, over all eight: buckets 1 and 2 are in 4 of
  // 4 passages on one side and 0 of 4 on the other, bucket 7 in all.
  const double s = std::sqrt(std::log((5.0 / 6) / (1.0 / 6)));
  const LinearModel prescaled = TrainEight(0, s, s, 0);
  // The same fit, whose weights are for the scaled values; the classifier
  // reads the values unscaled, so the file must hold them times the scale
  // (as floats: to a float's precision).
  EXPECT_NEAR(WeightOf(scaled, 1, "theme:products"),
              s * WeightOf(prescaled, 1, "theme:products"), 1e-5);
  EXPECT_NEAR(WeightOf(scaled, 2, "theme:products"),
              s * WeightOf(prescaled, 2, "theme:products"), 1e-5);
  EXPECT_EQ(WeightOf(scaled, 7, "theme:products"), 0.0);
  int products = scaled.Find("theme:products");
  ASSERT_GE(products, 0);
  EXPECT_NEAR(scaled.labels[products].bias, prescaled.labels[products].bias,
              1e-9);
  EXPECT_GT(WeightOf(scaled, 1, "theme:products"), 0.0);
  EXPECT_LT(WeightOf(scaled, 2, "theme:products"), 0.0);
}

// Calibration is fitted on the cross-validation fits' scores, which must
// be scaled as the final fit is, or it would map other scores: a model
// whose folds were fitted unscaled would have the plain model's Platt
// fit exactly.
TEST(CountRatioTest, CrossValidationFitsAreScaledToo) {
  const LinearModel scaled = TrainEight(0.5, 1, 1, 1);
  const LinearModel plain = TrainEight(0, 1, 1, 1);
  int products = scaled.Find("theme:products");
  ASSERT_GE(products, 0);
  EXPECT_NE(scaled.labels[products].platt_a, plain.labels[products].platt_a);
  EXPECT_NE(scaled.labels[products].platt_b, plain.labels[products].platt_b);
}

// article14's labels are fitted at a power of their own. The passages
// with the theme are 14.3 too, so both labels have the same fit but for
// the power.
TEST(CountRatioTest, Article14HasAPowerOfItsOwn) {
  std::vector<TrainingPassage> corpus = EightPassages(1, 1, 1);
  for (TrainingPassage& p : corpus) {
    if (!p.gold.theme.empty()) p.gold.article14 = {"14.3"};
  }
  const LinearModel mixed = TrainAt(corpus, 0.5, 0);
  const LinearModel plain = TrainAt(corpus, 0, 0);
  const LinearModel scaled = TrainAt(corpus, 0.5, 0.5);
  EXPECT_EQ(WeightOf(mixed, 1, "article14:14.3"),
            WeightOf(plain, 1, "article14:14.3"));
  EXPECT_EQ(WeightOf(mixed, 1, "theme:products"),
            WeightOf(scaled, 1, "theme:products"));
  EXPECT_NE(WeightOf(plain, 1, "article14:14.3"),
            WeightOf(scaled, 1, "article14:14.3"));
}

}  // namespace
}  // namespace intake
