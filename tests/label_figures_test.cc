// scripts/label-figures, on small out-of-fold files written by hand (the
// form `intake train --out-of-fold` writes; tests/train_command_test.cc
// reads a real one with it).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "classifiers/give_threshold.h"
#include "classifiers/linear_model.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

// The line of `label` in label-figures' output for `oof` with `flags`.
std::string LabelFiguresLine(const std::string& oof, const std::string& flags,
                             const std::string& label) {
  const std::string figures = oof + ".figures";
  EXPECT_EQ(std::system((testing::SourceDir() + "/scripts/label-figures " +
                         oof + " " + flags + " > " + figures)
                            .c_str()),
            0);
  std::istringstream lines(testing::ReadFileOrDie(figures));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(label + " ", 0) == 0) return line;
  }
  return "";
}

// With --nested, label-figures gives each fold's labels again at the give
// threshold chosen on the other folds. theme:products (the rules never
// give it): fold 1 (p 0.42 no, 0.42 no, 0.32 yes) picks 0.30, so fold
// 0's two 0.42 yes are given; fold 0 picks 0.40 (the highest of equal
// F1), so fold 1's two 0.42 no are given and its 0.32 yes is not: 2
// right, 2 wrong, 1 missed, F1 4/7. theme:waste (the rules give it
// everywhere, all right): the model takes it back where it says 0.04,
// F1 8/9. The activity groups count only group a, the one there is.
TEST(TrainCommandTest, LabelFiguresNestedChoosesOnTheOtherFolds) {
  const std::string dir = testing::MakeTempDir("label-figures-nested");
  const std::string oof = dir + "/oof.jsonl";
  std::ofstream out(oof);
  const struct {
    int fold;
    double products;
    bool gold_products;
    double waste;
  } passages[] = {{0, 0.42, true, 0.04},
                  {0, 0.42, true, 0.90},
                  {1, 0.42, false, 0.90},
                  {1, 0.42, false, 0.90},
                  {1, 0.32, true, 0.90}};
  const nlohmann::json none = {{"article14", nlohmann::json::array()},
                               {"activity", nlohmann::json::array()},
                               {"theme", nlohmann::json::array()},
                               {"stance", "other"}};
  int n = 0;
  for (const auto& passage : passages) {
    nlohmann::json gold = none;
    gold["theme"] = {"waste"};
    if (passage.gold_products) gold["theme"] = {"products", "waste"};
    gold["activity"] = {"a.tools"};  // no probability: the file's stands
    nlohmann::json rules = none;
    rules["theme"] = {"waste"};
    out << nlohmann::json{{"id", "p" + std::to_string(++n)},
                          {"letter", "l" + std::to_string(passage.fold)},
                          {"lang", "en"},
                          {"fold", passage.fold},
                          {"copy", false},
                          {"gold", gold},
                          {"rules", rules},
                          {"given", gold},  // the file's own: all right
                          {"stance_confidence", 0.9},
                          {"probability",
                           {{"theme:products", passage.products},
                            {"theme:waste", passage.waste}}}}
               .dump()
        << "\n";
  }
  out.close();
  EXPECT_NE(LabelFiguresLine(oof, "", "theme:products").find("0.000 1.000"),
            std::string::npos);
  EXPECT_NE(
      LabelFiguresLine(oof, "--nested", "theme:products").find("0.000 0.571"),
      std::string::npos);
  EXPECT_NE(
      LabelFiguresLine(oof, "--nested", "theme:waste").find("1.000 0.889"),
      std::string::npos);
  EXPECT_NE(LabelFiguresLine(oof, "--nested", "activity groups macro F1")
                .find("0.000 1.000"),
            std::string::npos);
}

// The number label-figures assigns to `name` ("MODEL_GIVES = 0.50"), or
// NaN when it has no such line.
double ScriptConstant(const std::string& script, const std::string& name) {
  std::istringstream lines(script);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name + " = ", 0) == 0) {
      return std::stod(line.substr(name.size() + 3));
    }
  }
  return std::nan("");
}

// label-figures combines rules and model as the classifier does, from
// copies of its thresholds: a change to one side alone would make every
// nested figure measure something the classifier does not do.
TEST(TrainCommandTest, LabelFiguresThresholdsAreTheClassifiers) {
  const std::string script =
      testing::ReadFileOrDie(testing::SourceDir() + "/scripts/label-figures");
  EXPECT_EQ(ScriptConstant(script, "MODEL_VETOES"), kModelVetoes);
  EXPECT_EQ(ScriptConstant(script, "MODEL_GIVES"), kModelGives);
  EXPECT_EQ(ScriptConstant(script, "LOWEST_GIVES"), kLowestGives);
  EXPECT_EQ(ScriptConstant(script, "GIVE_STEP"), kGiveStep);
}

}  // namespace
}  // namespace intake
