#include "tests/shipped_rules.h"

#include <gtest/gtest.h>

#include "tests/test_paths.h"

namespace intake::testing {

std::shared_ptr<const Rules> ShippedRules() {
  std::shared_ptr<const Rules> rules;
  Status s = LoadRules(SourceDir() + "/classifiers/rules/rules.xml", &rules);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return s.ok() ? rules : nullptr;
}

std::shared_ptr<const Gazetteer> ShippedGazetteer() {
  GazetteerSources sources;
  sources.centres_tsv =
      SourceDir() + "/classifiers/gazetteer/regional_centres.tsv";
  sources.places_tsv = SourceDir() + "/classifiers/gazetteer/places.tsv";
  sources.organisations_tsv =
      SourceDir() + "/classifiers/gazetteer/organisations.tsv";
  sources.nationalities_tsv =
      SourceDir() + "/classifiers/gazetteer/nationalities.tsv";
  sources.state_names_tsv =
      SourceDir() + "/classifiers/gazetteer/state_names.tsv";
  std::unique_ptr<const Gazetteer> g;
  Status s = Gazetteer::Load(sources, &g);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return s.ok() ? std::shared_ptr<const Gazetteer>(std::move(g)) : nullptr;
}

std::string ShippedModelPath() {
  return SourceDir() + "/classifiers/model/default.model";
}

}  // namespace intake::testing
