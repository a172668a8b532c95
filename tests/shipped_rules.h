// The rules, gazetteer and model this checkout ships, for tests that
// measure them.
#ifndef INTAKE_TESTS_SHIPPED_RULES_H_
#define INTAKE_TESTS_SHIPPED_RULES_H_

#include <memory>
#include <string>

#include "classifiers/gazetteer.h"
#include "classifiers/rules.h"

namespace intake::testing {

// classifiers/rules/rules.xml, loaded; fails the current test (and
// returns null) when it does not load.
std::shared_ptr<const Rules> ShippedRules();

// classifiers/gazetteer/ (regional centres and places), loaded; fails the
// current test (and returns null) when it does not load.
std::shared_ptr<const Gazetteer> ShippedGazetteer();

// The path of classifiers/model/default.model.
std::string ShippedModelPath();

}  // namespace intake::testing

#endif  // INTAKE_TESTS_SHIPPED_RULES_H_
