#include "cli/wiring.h"

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "classifiers/combined_classifier.h"
#include "classifiers/entity_adding_classifier.h"
#include "classifiers/model_file.h"
#include "classifiers/rule_classifier.h"
#include "classifiers/submitter_finder.h"
#include "cli/lazy_classifier.h"
#include "extractors/registry.h"

namespace intake {
namespace {

// <prefix>/share/intake/NAME beside an installed binary, else the copy in
// the source tree the binary was built from.
std::string DataFile(const char* name, const char* source_default) {
  std::error_code ec;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed =
        exe.parent_path().parent_path() / "share" / "intake" / name;
    if (std::filesystem::exists(installed, ec)) return installed.string();
  }
  return source_default;
}

std::string RulesPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("INTAKE_RULES"); env && *env) return env;
  return DataFile("rules.xml", INTAKE_DEFAULT_RULES);
}

// The model named by the flag or the environment; "" when neither names
// one (then the default, if installed, is used).
std::string NamedModelPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("INTAKE_MODEL"); env && *env) return env;
  return "";
}

Status LoadGazetteer(std::shared_ptr<const Gazetteer>* out) {
  GazetteerSources sources;
  sources.centres_tsv = DataFile(
      "regional_centres.tsv", INTAKE_DEFAULT_GAZETTEER "/regional_centres.tsv");
  sources.places_tsv =
      DataFile("places.tsv", INTAKE_DEFAULT_GAZETTEER "/places.tsv");
  sources.organisations_tsv = DataFile(
      "organisations.tsv", INTAKE_DEFAULT_GAZETTEER "/organisations.tsv");
  sources.nationalities_tsv = DataFile(
      "nationalities.tsv", INTAKE_DEFAULT_GAZETTEER "/nationalities.tsv");
  sources.state_names_tsv =
      DataFile("state_names.tsv", INTAKE_DEFAULT_GAZETTEER "/state_names.tsv");
  std::unique_ptr<const Gazetteer> gazetteer;
  Status s = Gazetteer::Load(sources, &gazetteer);
  if (!s.ok()) return s;
  *out = std::move(gazetteer);
  return Status::Ok();
}

// The model file to use, "" for the rules alone.
std::string ModelPath(const ClassifierFlags& flags) {
  if (flags.no_model) return "";
  std::string path = NamedModelPath(flags.model_path);
  if (!path.empty()) return path;
  path = DataFile("default.model", INTAKE_DEFAULT_MODEL);
  std::error_code ec;
  return std::filesystem::exists(path, ec) ? path : "";
}

// Rules and gazetteer: out->model is left to the caller.
Status LoadRulesAndGazetteer(const ClassifierFlags& flags,
                             ClassifierData* out) {
  Status s = LoadRules(RulesPath(flags.rules_path), &out->rules);
  if (!s.ok()) return s;
  return LoadGazetteer(&out->gazetteer);
}

}  // namespace

std::string ModelRulesWarning(const std::string& rules_version,
                              const std::string& model_path,
                              const std::string& model_rules_version) {
  if (model_path.empty() || model_rules_version == rules_version) return "";
  return "the model " + model_path + " was trained with rules " +
         (model_rules_version.empty() ? "of unknown version"
                                      : model_rules_version) +
         ", not the rules in use (" + rules_version +
         "); retrain it (scripts/train-model, or intake train) so that it "
         "weighs these rules, or use --no-model";
}

Status LoadClassifierData(const ClassifierFlags& flags, ClassifierData* out) {
  Status s = LoadRulesAndGazetteer(flags, out);
  if (!s.ok()) return s;
  std::string path = ModelPath(flags);
  if (path.empty()) return Status::Ok();
  s = LoadModel(path, &out->model);
  if (!s.ok()) return s;
  out->warning =
      ModelRulesWarning(out->rules->version(), path, out->model->rules_version);
  return Status::Ok();
}

std::unique_ptr<Classifier> MakeClassifier(const ClassifierData& data) {
  std::unique_ptr<Classifier> labels;
  if (data.model == nullptr) {
    labels = std::make_unique<RuleClassifier>(data.rules);
  } else {
    labels = std::make_unique<CombinedClassifier>(data.rules, data.gazetteer,
                                                  data.model);
  }
  return std::make_unique<EntityAddingClassifier>(std::move(labels),
                                                  data.gazetteer);
}

Status Wire(const ClassifierFlags& flags, Wiring* out) {
  // Only the versions now: the rules, the gazetteer and the model's
  // weights wait for the first document that needs them (Prepare).
  std::string rules_path = RulesPath(flags.rules_path);
  std::string rules_version;
  Status s = ReadRulesVersion(rules_path, &rules_version);
  if (!s.ok()) return s;
  auto model = std::make_shared<ModelFile>();
  if (std::string model_path = ModelPath(flags); !model_path.empty()) {
    s = ReadModelFile(model_path, model.get());
    if (!s.ok()) return s;
    out->warning =
        ModelRulesWarning(rules_version, model_path, model->rules_version);
  }
  auto load = [rules_path, model](ClassifierData* data) {
    // The model's weights are parsed while the rules compile: each is
    // about half of a run's start-up, which every document waits for.
    Status model_loaded;
    std::thread model_thread;
    if (!model->path.empty()) {
      model_thread = std::thread(
          [&] { model_loaded = ParseModelFile(*model, &data->model); });
    }
    Status loaded = LoadRules(rules_path, &data->rules);
    if (loaded.ok()) loaded = LoadGazetteer(&data->gazetteer);
    if (model_thread.joinable()) model_thread.join();
    if (loaded.ok()) loaded = model_loaded;
    return loaded;
  };
  auto classifier = std::make_unique<LazyClassifier>(
      std::move(load), std::move(rules_version), model->version);
  out->submitters = classifier->NewSubmitterFinder();
  out->classifier = std::move(classifier);
  s = WordLists::Load(WordLists::kDebianDir, &out->words);
  if (!s.ok()) return s;
  out->stages.extract = ExtractDocument;
  out->stages.classifier = out->classifier.get();
  out->stages.submitters = out->submitters.get();
  out->stages.words = out->words.get();
  return Status::Ok();
}

}  // namespace intake
