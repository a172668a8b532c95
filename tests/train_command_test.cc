// `intake train` and `intake classify --model` as a user runs them: the
// same files give the same model bytes, the command's defaults are the
// library's, unusable options are refused before any file is read,
// reviewers' decisions are learned beside the files, and records name the
// model that labelled them. eval --reviews is eval_command_test.cc's.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "classifiers/model_training.h"
#include "cli/train_model.h"
#include "cli/wiring.h"
#include "pipeline/sha256.h"
#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

// The first 1,500 passages of the English development file: enough for
// every fold and most labels, and a test that does not grow with each new
// batch of labelled letters (the whole file took 113 s at 4,962 lines).
std::string FirstDevPassages(const std::string& dir) {
  std::istringstream in(
      testing::ReadFileOrDie(testing::Fixture("dev/dev.en.jsonl")));
  const std::string path = dir + "/dev-head.jsonl";
  std::ofstream out(path);
  std::string line;
  for (int n = 0; n < 1500 && std::getline(in, line); ++n) out << line << "\n";
  return path;
}

TEST(TrainCommandTest, SameFilesGiveTheSameBytes) {
  std::string dir = testing::MakeTempDir("train");
  std::string dev = FirstDevPassages(dir);
  ASSERT_EQ(testing::Intake("train " + dev + " --out " + dir + "/a.model",
                            dir + "/out.txt"),
            0);
  ASSERT_EQ(testing::Intake("train " + dev + " --out " + dir + "/b.model"), 0);
  std::string a = testing::ReadFileOrDie(dir + "/a.model");
  EXPECT_EQ(a, testing::ReadFileOrDie(dir + "/b.model"));
  EXPECT_EQ(a.rfind("intake-model 7\n", 0), 0u);
  std::string report = testing::ReadFileOrDie(dir + "/out.txt");
  EXPECT_NE(report.find("out of fold"), std::string::npos);
  // The letters' furniture is what the pipeline never scores: not learned.
  EXPECT_NE(report.find("furniture left out"), std::string::npos) << report;
}

std::vector<LabelledPassage> Letters(const std::string& prefix, int letters,
                                     int passages_each) {
  std::vector<LabelledPassage> out;
  for (int l = 0; l < letters; ++l) {
    for (int p = 0; p < passages_each; ++p) {
      LabelledPassage passage;
      passage.letter = prefix + std::to_string(l);
      out.push_back(passage);
    }
  }
  return out;
}

// Reviewed documents come after the files' letters; dealt with them, they
// would all fall in the last fold and move the files' letters about.
TEST(TrainingFoldsTest, ReviewedDocumentsAreSpreadAndLeaveTheFilesFolds) {
  std::vector<LabelledPassage> files = Letters("letter-", 20, 3);
  const std::vector<int> alone = LetterFolds(files, 5);
  std::vector<LabelledPassage> all = files;
  for (const LabelledPassage& p : Letters("doc-", 10, 2)) all.push_back(p);
  const std::vector<int> folds = TrainingFolds(all, files.size(), 5);
  ASSERT_EQ(folds.size(), all.size());
  EXPECT_EQ(std::vector<int>(folds.begin(), folds.begin() + files.size()),
            alone);
  std::set<int> reviewed_folds(folds.begin() + files.size(), folds.end());
  EXPECT_EQ(reviewed_folds.size(), 5u);
  // A document's passages share a fold.
  for (size_t i = files.size(); i + 1 < all.size(); i += 2) {
    EXPECT_EQ(folds[i], folds[i + 1]);
  }
  EXPECT_EQ(TrainingFolds(files, files.size(), 5), alone);
}

// `intake train FILE FLAG VALUE` fails for each of `values`, naming the
// flag and writing no model, both with a labelled file and with a missing
// one: the options are checked before any file is read.
void ExpectRefused(const std::string& flag,
                   std::initializer_list<const char*> values) {
  const std::string dir = testing::MakeTempDir("train-refused");
  const std::string dev = dir + "/one.jsonl";
  std::ofstream(dev) << R"({"text": "Training was provided.", )"
                     << R"("article14": ["14.1"], "stance": "provided"})"
                     << "\n";
  const std::string model = dir + "/m.model";
  for (const char* value : values) {
    for (const std::string& file : {dev, dir + "/missing.jsonl"}) {
      SCOPED_TRACE(flag + " " + value + " with " + file);
      EXPECT_NE(testing::Intake("train " + file + " " + flag + " " + value +
                                    " --out " + model,
                                "", dir + "/err.txt"),
                0);
      std::string err = testing::ReadFileOrDie(dir + "/err.txt");
      EXPECT_NE(err.find(flag), std::string::npos) << err;
      EXPECT_EQ(err.find("missing.jsonl"), std::string::npos) << err;
      EXPECT_FALSE(std::ifstream(model).good());
    }
  }
}

// liblinear's solver never ends at C <= 0, so the command refuses it.
TEST(TrainCommandTest, ACostNotAboveZeroIsRefused) {
  ExpectRefused("--cost", {"0", "-1", "nan"});
}

// Below 0 the features that say nothing, scaled by 0, would be infinite;
// far above 1 the scales overflow and the solver never ends.
TEST(TrainCommandTest, ARatioPowerOutsideZeroToFourIsRefused) {
  ExpectRefused("--ratio-power", {"-0.5", "4.5", "2000", "nan", "inf"});
  ExpectRefused("--article14-ratio-power", {"-0.5", "4.5", "nan", "inf"});
}

// Below 0.5 every label the model gives would be accepted; above 1 none.
TEST(TrainCommandTest, AnAcceptPrecisionOutsideHalfToOneIsRefused) {
  ExpectRefused("--accept-precision", {"0.4", "1.5", "nan"});
}

// The first 400 development passages: enough letters to train in seconds;
// C = 4 and C = 8 already give different weights for every label.
std::string FourHundredPassages(const std::string& dir) {
  const std::string labelled = dir + "/letters.jsonl";
  std::ifstream dev(testing::Fixture("dev/dev.en.jsonl"));
  std::ofstream out(labelled);
  std::string line;
  for (int i = 0; i < 400 && std::getline(dev, line); ++i) out << line << "\n";
  return labelled;
}

std::string ShippedRulesPath() {
  return testing::SourceDir() + "/classifiers/rules/rules.xml";
}

// The model the library trains from `labelled` with the shipped rules and
// `options`.
std::string LibraryModel(const std::string& labelled,
                         const TrainOptions& options, const std::string& out) {
  ClassifierFlags flags;
  flags.rules_path = ShippedRulesPath();
  flags.no_model = true;
  ClassifierData data;
  EXPECT_TRUE(LoadClassifierData(flags, &data).ok());
  std::ostringstream report, errors;
  TrainArgs args;
  args.labelled_files = {labelled};
  args.out_path = out;
  args.options = options;
  EXPECT_TRUE(TrainFromFiles(args, data, report, errors).ok()) << errors.str();
  return testing::ReadFileOrDie(out);
}

// The model `intake train` writes from `labelled` with the shipped rules
// and `switches`.
std::string CommandModel(const std::string& labelled,
                         const std::string& switches, const std::string& out) {
  EXPECT_EQ(testing::Intake("train " + labelled + " --rules " +
                            ShippedRulesPath() + switches + " --out " + out),
            0);
  return testing::ReadFileOrDie(out);
}

// `intake train` without --folds or --cost trains as the library's
// defaults say (the command once trained with C = 4 where they said 8).
TEST(TrainCommandTest, DefaultsAreTheLibrarys) {
  const std::string dir = testing::MakeTempDir("train-defaults");
  const std::string labelled = FourHundredPassages(dir);
  EXPECT_EQ(CommandModel(labelled, "", dir + "/command.model"),
            LibraryModel(labelled, TrainOptions(), dir + "/library.model"));
}

// --accept-precision, --no-balance and both ratio powers reach the
// training as the library's options do, and change the model.
TEST(TrainCommandTest, PrecisionBalanceAndRatioSwitchesAreTheLibrarys) {
  const std::string dir = testing::MakeTempDir("train-switches");
  const std::string labelled = FourHundredPassages(dir);
  const std::string command =
      CommandModel(labelled,
                   " --accept-precision 0.9 --no-balance --ratio-power 1 "
                   "--article14-ratio-power 0.25",
                   dir + "/command.model");
  TrainOptions options;
  options.accept_precision = 0.9;
  options.balance_labels = false;
  options.ratio_power = 1;
  options.article14_ratio_power = 0.25;
  EXPECT_EQ(command, LibraryModel(labelled, options, dir + "/library.model"));
  EXPECT_NE(command,
            LibraryModel(labelled, TrainOptions(), dir + "/defaults.model"));
}

// The number of passages learned, from a training report's first line
// ("model 0123abcd4567 in PATH: 1234 passages ...").
int PassagesLearned(const std::string& report) {
  size_t at = report.find(": ");
  return at == std::string::npos ? -1 : std::atoi(report.c_str() + at + 2);
}

// --out-of-fold writes a line for every passage learned, with the labels
// rules and model give together as the classifier would, and does not
// change the model.
TEST(TrainCommandTest, OutOfFoldFileHoldsEveryPassageLearned) {
  const std::string dir = testing::MakeTempDir("train-out-of-fold");
  const std::string labelled = FourHundredPassages(dir);
  const std::string oof = dir + "/oof.jsonl";
  ASSERT_EQ(testing::Intake("train " + labelled + " --rules " +
                                ShippedRulesPath() + " --out-of-fold " + oof +
                                " --out " + dir + "/with.model",
                            dir + "/report.txt"),
            0);
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/with.model"),
            CommandModel(labelled, "", dir + "/without.model"));
  std::vector<nlohmann::json> lines = testing::ReadJsonLines(oof);
  EXPECT_EQ(static_cast<int>(lines.size()),
            PassagesLearned(testing::ReadFileOrDie(dir + "/report.txt")));
  // Each line is its labelled passage's, in the file's order.
  std::map<std::string, nlohmann::json> labelled_by_id;
  std::map<std::string, int> order;
  for (const nlohmann::json& l : testing::ReadJsonLines(labelled)) {
    order.emplace(l["id"], static_cast<int>(order.size()));
    labelled_by_id.emplace(l["id"], l);
  }
  std::set<int> folds;
  int model_gave = 0, model_took_back = 0, last = -1;
  for (const nlohmann::json& line : lines) {
    const std::string id = line["id"];
    ASSERT_TRUE(labelled_by_id.contains(id)) << line;
    const nlohmann::json& gold = labelled_by_id[id];
    EXPECT_GT(order[id], last) << line;
    last = order[id];
    EXPECT_EQ(line["letter"], gold["letter"]);
    for (const char* field : {"article14", "activity", "theme", "stance"}) {
      EXPECT_EQ(line["gold"][field], gold[field]) << line;
    }
    EXPECT_NE(std::string("need provided received other")
                  .find(line["given"]["stance"].get<std::string>()),
              std::string::npos)
        << line;
    EXPECT_EQ(line["lang"], "en");
    EXPECT_FALSE(line["copy"].get<bool>());
    folds.insert(line["fold"].get<int>());
    const nlohmann::json& p = line["probability"];
    EXPECT_TRUE(p.contains("article14:14.1") && p.contains("stance:need"))
        << line;
    for (const char* dimension : {"article14", "activity", "theme"}) {
      std::set<std::string> rules(line["rules"][dimension].begin(),
                                  line["rules"][dimension].end());
      std::set<std::string> given(line["given"][dimension].begin(),
                                  line["given"][dimension].end());
      for (const std::string& code : given) {
        if (rules.contains(code)) continue;
        ++model_gave;  // at or above its give threshold, never below 0.25
        EXPECT_GE(p[std::string(dimension) + ":" + code].get<double>(), 0.25)
            << line;
      }
      for (const std::string& code : rules) {
        if (given.contains(code)) continue;
        ++model_took_back;  // below 0.05 (docs/model.md), to 4 places
        EXPECT_LE(p[std::string(dimension) + ":" + code].get<double>(), 0.05)
            << line;
      }
    }
    double confidence = line["stance_confidence"].get<double>();
    EXPECT_TRUE(confidence >= 0 && confidence <= 1) << line;
  }
  EXPECT_EQ(folds.size(), 5u);
  EXPECT_GT(model_gave, 0);
  EXPECT_GT(model_took_back, 0);

  // scripts/label-figures reads it: per label, rules alone and both.
  const std::string figures = dir + "/figures.txt";
  ASSERT_EQ(std::system((testing::SourceDir() + "/scripts/label-figures " +
                         oof + " > " + figures)
                            .c_str()),
            0);
  std::string text = testing::ReadFileOrDie(figures);
  EXPECT_NE(text.find("article14:14.1 "), std::string::npos) << text;
  EXPECT_NE(text.find("theme macro F1"), std::string::npos) << text;
}

// A file that cannot be written, or that is the model or a labelled file,
// is refused, naming it, before anything is trained or replaced.
TEST(TrainCommandTest, AnUnusableOutOfFoldFileIsRefusedFirst) {
  const std::string dir = testing::MakeTempDir("train-out-of-fold-bad");
  const std::string labelled = FourHundredPassages(dir);
  const std::string model = dir + "/m.model";
  const std::string letters = testing::ReadFileOrDie(labelled);
  for (const std::string& oof :
       {dir + "/no/such/folder/oof.jsonl", model, labelled}) {
    SCOPED_TRACE(oof);
    EXPECT_NE(
        testing::Intake("train " + labelled + " --rules " + ShippedRulesPath() +
                            " --out-of-fold " + oof + " --out " + model,
                        "", dir + "/err.txt"),
        0);
    std::string err = testing::ReadFileOrDie(dir + "/err.txt");
    EXPECT_NE(err.find("--out-of-fold " + oof), std::string::npos) << err;
    EXPECT_FALSE(std::ifstream(model).good());
    EXPECT_EQ(testing::ReadFileOrDie(labelled), letters);
  }
}

// After a run and a review, `intake train --reviews` learns the decided
// passages beside the labelled files (the letter's furniture left out, as
// in the files) and says how many it took.
TEST(TrainCommandTest, ReviewersDecisionsAreLearnedBesideTheFiles) {
  const std::string dir = testing::MakeTempDir("train-reviews");
  const std::string out = dir + "/out";
  const int body = testing::RunAndDecideEveryPassage(
      "fixtures/letters/samoa-needs.docx", false, dir, out);
  ASSERT_GT(body, 3);
  const std::string labelled = FourHundredPassages(dir);
  ASSERT_EQ(
      testing::Intake("train " + labelled + " --out " + dir + "/without.model",
                      dir + "/without.txt"),
      0);
  ASSERT_EQ(testing::Intake("train " + labelled + " --reviews " + out +
                                " --out " + dir + "/with.model",
                            dir + "/with.txt"),
            0);
  const std::string without = testing::ReadFileOrDie(dir + "/without.txt");
  const std::string with = testing::ReadFileOrDie(dir + "/with.txt");
  EXPECT_EQ(PassagesLearned(with), PassagesLearned(without) + body) << with;
  EXPECT_NE(with.find("(" + std::to_string(body) +
                      " of them from reviewers' decisions)"),
            std::string::npos)
      << with;
  EXPECT_NE(testing::ReadFileOrDie(dir + "/with.model"),
            testing::ReadFileOrDie(dir + "/without.model"));
  // A folder without a store is named, and no model is written.
  EXPECT_NE(testing::Intake("train " + labelled + " --reviews " + dir +
                                "/nowhere --out " + dir + "/none.model",
                            "", dir + "/err.txt"),
            0);
  EXPECT_NE(testing::ReadFileOrDie(dir + "/err.txt").find(dir + "/nowhere"),
            std::string::npos);
  EXPECT_FALSE(std::ifstream(dir + "/none.model").good());
}

// Folds are made of letters: asked for more folds than there are letters,
// training says so before it starts and reports the folds it used.
TEST(TrainCommandTest, MoreFoldsThanLettersIsSaid) {
  const std::string dir = testing::MakeTempDir("many-folds");
  std::istringstream in(
      testing::ReadFileOrDie(testing::Fixture("dev/dev.fr.jsonl")));
  std::set<std::string> letters;
  {
    std::ofstream out(dir + "/head.jsonl");
    std::string line;
    for (int n = 0; n < 200 && std::getline(in, line); ++n) {
      out << line << "\n";
      letters.insert(nlohmann::json::parse(line)["letter"]);
    }
  }
  const std::string used = std::to_string(letters.size());
  ASSERT_EQ(testing::Intake("train " + dir + "/head.jsonl --folds 50 --out " +
                                dir + "/m.model",
                            dir + "/out.txt", dir + "/err.txt"),
            0);
  EXPECT_NE(testing::ReadFileOrDie(dir + "/err.txt")
                .find("--folds 50 asked, but there are fewer letters than "
                      "that: the passages fill " +
                      used + " folds"),
            std::string::npos);
  EXPECT_NE(testing::ReadFileOrDie(dir + "/out.txt")
                .find("out of fold (" + used + " folds by letter)"),
            std::string::npos);
}

TEST(TrainCommandTest, ClassifyWritesTheModelVersion) {
  std::string dir = testing::MakeTempDir("classify-model");
  {
    std::ofstream in(dir + "/in.jsonl");
    in << R"({"text": "We trained customs officers on mercury trade forms."})"
       << "\n";
  }
  ASSERT_EQ(testing::Intake("classify --model " + testing::SourceDir() +
                                "/classifiers/model/default.model < " + dir +
                                "/in.jsonl",
                            dir + "/out.jsonl"),
            0);
  auto lines = testing::ReadJsonLines(dir + "/out.jsonl");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["model_version"].get<std::string>().size(), 12u);
  ASSERT_EQ(testing::Intake("classify --no-model < " + dir + "/in.jsonl",
                            dir + "/rules.jsonl"),
            0);
  auto rules = testing::ReadJsonLines(dir + "/rules.jsonl");
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0]["model_version"], "");
}

}  // namespace
}  // namespace intake
