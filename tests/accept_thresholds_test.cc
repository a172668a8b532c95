#include "classifiers/accept_thresholds.h"

#include <gtest/gtest.h>

#include <vector>

namespace intake {
namespace {

ThresholdPassage Stance(int context, double confidence, bool right) {
  ThresholdPassage p;
  p.stance_context = context;
  p.stance_confidence = confidence;
  p.stance_right = right;
  return p;
}

ThresholdPassage WithLabel(ThresholdPassage p, int dimension,
                           double probability, bool right) {
  p.labels[dimension].push_back({probability, right});
  return p;
}

AcceptThresholds All(double t) {
  AcceptThresholds a;
  a.label.fill(t);
  a.stance.fill(t);
  return a;
}

TEST(AcceptThresholdsTest, MeasuresAcceptedLabelsAndFlaggedPassages) {
  std::vector<ThresholdPassage> p = {
      WithLabel(Stance(0, 0.95, true), 0, 0.9, false),  // label accepted
      WithLabel(Stance(1, 0.6, true), 1, 0.7, true),    // both below: flagged
      Stance(0, 0.99, false),                           // wrong stance
  };
  ThresholdFigures f = MeasureThresholds(p, All(0.8));
  EXPECT_DOUBLE_EQ(f.precision, 1.0 / 3);  // of 3 accepted, 1 right
  EXPECT_DOUBLE_EQ(f.review_share, 1.0 / 3);
}

TEST(AcceptThresholdsTest, LowersWhatThePrecisionAllowsAndNoFurther) {
  std::vector<ThresholdPassage> p;
  for (int i = 0; i < 10; ++i) p.push_back(Stance(1, 0.7, true));
  for (int i = 0; i < 10; ++i) p.push_back(Stance(1, 0.55, i < 5));
  AcceptThresholds t = ChooseAcceptThresholds(p, All(0.9), {0.5, 0.5, 0.5},
                                              /*precision=*/0.9);
  EXPECT_LE(t.stance[1], 0.7);
  EXPECT_GT(t.stance[1], 0.55);  // half right there: below 0.9
  EXPECT_GE(MeasureThresholds(p, t).precision, 0.9);
  EXPECT_DOUBLE_EQ(MeasureThresholds(p, t).review_share, 0.5);
}

// Lowering the stance threshold alone would take precision below the
// target; raising article 14's past its two wrong labels pays for it, and
// fewer passages go to review.
TEST(AcceptThresholdsTest, TradesOneDimensionForAnother) {
  std::vector<ThresholdPassage> p;
  for (int i = 0; i < 2; ++i) {
    p.push_back(WithLabel(Stance(0, 0.99, true), 0, 0.92, false));
  }
  for (int i = 0; i < 10; ++i) p.push_back(Stance(1, 0.7, i < 8));
  for (int i = 0; i < 20; ++i) {
    p.push_back(WithLabel(Stance(0, 0.99, true), 0, 0.97, true));
  }
  const AcceptThresholds start = All(0.9);
  ASSERT_GE(MeasureThresholds(p, start).precision, 0.93);
  AcceptThresholds t =
      ChooseAcceptThresholds(p, start, {0.5, 0.5, 0.5}, /*precision=*/0.93);
  EXPECT_GT(t.label[0], 0.92);
  EXPECT_LE(t.stance[1], 0.7);
  ThresholdFigures f = MeasureThresholds(p, t);
  EXPECT_GE(f.precision, 0.93);
  EXPECT_DOUBLE_EQ(f.review_share, 2.0 / 32);
}

TEST(AcceptThresholdsTest, NeverBelowTheFloors) {
  std::vector<ThresholdPassage> p;
  for (int i = 0; i < 10; ++i) {
    p.push_back(WithLabel(Stance(0, 0.3, true), 2, 0.55, true));
  }
  AcceptThresholds t =
      ChooseAcceptThresholds(p, All(0.9), {0.5, 0.5, 0.6}, 0.9);
  EXPECT_GE(t.label[2], 0.6);
  EXPECT_GE(t.stance[0], 0.5);
  EXPECT_DOUBLE_EQ(MeasureThresholds(p, t).review_share, 1.0);
}

}  // namespace
}  // namespace intake
