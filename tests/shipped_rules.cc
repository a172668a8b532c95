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

std::string ShippedModelPath() {
  return SourceDir() + "/classifiers/model/default.model";
}

}  // namespace intake::testing
