#include "cli/wiring.h"

#include <cstdlib>
#include <filesystem>

#include "classifiers/gazetteer.h"
#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "classifiers/submitter_finder.h"
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

}  // namespace

Status LoadClassifier(const std::string& rules_flag,
                      std::unique_ptr<Classifier>* out) {
  std::shared_ptr<const Rules> rules;
  Status s = LoadRules(RulesPath(rules_flag), &rules);
  if (!s.ok()) return s;
  *out = std::make_unique<RuleClassifier>(std::move(rules));
  return Status::Ok();
}

Status Wire(const std::string& rules_flag, Wiring* out) {
  Status s = LoadClassifier(rules_flag, &out->classifier);
  if (!s.ok()) return s;
  GazetteerSources sources;
  sources.centres_tsv = DataFile(
      "regional_centres.tsv", INTAKE_DEFAULT_GAZETTEER "/regional_centres.tsv");
  sources.places_tsv =
      DataFile("places.tsv", INTAKE_DEFAULT_GAZETTEER "/places.tsv");
  std::unique_ptr<const Gazetteer> gazetteer;
  s = Gazetteer::Load(sources, &gazetteer);
  if (!s.ok()) return s;
  out->submitters = std::make_unique<GazetteerSubmitterFinder>(
      std::shared_ptr<const Gazetteer>(std::move(gazetteer)));
  s = WordLists::Load(WordLists::kDebianDir, &out->words);
  if (!s.ok()) return s;
  out->stages.extract = ExtractDocument;
  out->stages.classifier = out->classifier.get();
  out->stages.submitters = out->submitters.get();
  out->stages.words = out->words.get();
  return Status::Ok();
}

}  // namespace intake
