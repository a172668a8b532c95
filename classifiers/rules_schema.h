// The RelaxNG schema of the rules file, embedded at build time from
// classifiers/rules/rules.rng so the binary and its schema never disagree.
#ifndef INTAKE_CLASSIFIERS_RULES_SCHEMA_H_
#define INTAKE_CLASSIFIERS_RULES_SCHEMA_H_

namespace intake {

extern const char kRulesSchema[];

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_RULES_SCHEMA_H_
