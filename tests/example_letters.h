// What fixtures/letter-sources/EXPECTED.md says the compilation of the
// example letters (fixtures/letters/) holds, written once for the tests
// that check it.
#ifndef INTAKE_TESTS_EXAMPLE_LETTERS_H_
#define INTAKE_TESTS_EXAMPLE_LETTERS_H_

#include <map>
#include <set>
#include <string>

namespace intake::testing {

// The one submitter that is not a party.
inline const std::string kCaribbeanCentre =
    "Basel Convention Regional Centre for the Caribbean (Trinidad and Tobago)";

// The figures `intake compile` prints for the three lists, spelled out
// rather than built from kSubmittersByStance so that the tests check
// compile's wording and order too.
inline const std::string kDescribeNeeds =
    "4 (Cambodia, Ghana, Honduras and Samoa)";
inline const std::string kDescribeSupportProvided =
    "4 (" + kCaribbeanCentre + ", Ghana, Sweden and Switzerland)";
inline const std::string kDescribeSupportReceived =
    "4 (Cambodia, Ghana, Honduras and Samoa)";

// The same lists by stance: who has a passage with that stance.
inline const std::map<std::string, std::set<std::string>> kSubmittersByStance =
    {
        {"need", {"Cambodia", "Ghana", "Honduras", "Samoa"}},
        {"provided", {kCaribbeanCentre, "Ghana", "Sweden", "Switzerland"}},
        {"received", {"Cambodia", "Ghana", "Honduras", "Samoa"}},
};

}  // namespace intake::testing

#endif  // INTAKE_TESTS_EXAMPLE_LETTERS_H_
