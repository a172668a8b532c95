// The scripts that check and count labelled passages (scripts/taxonomy.py)
// keep their own copy of the taxonomy codes, since they run without
// intake; this holds the copy to classifiers/taxonomy.cc, so that a code
// added to one is not refused or miscounted by the other.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "classifiers/taxonomy.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

TEST(ScriptsTaxonomyTest, SameCodesInTheSameOrderAsIntakes) {
  const std::string dir = testing::MakeTempDir("scripts-taxonomy");
  const std::string command =
      "cd " + testing::SourceDir() +
      "/scripts && python3 -c 'import taxonomy\n"
      "for d, c in taxonomy.taxonomy_order(): print(d, c)\n"
      "for s in taxonomy.STANCES: print(\"stance\", s)' >" +
      dir + "/codes.txt";
  ASSERT_EQ(std::system(command.c_str()), 0);
  // The stance last, as the script lists it.
  std::string expected;
  for (std::string_view dimension : {kArticle14, kActivity, kTheme, kStance}) {
    for (std::string_view code : TaxonomyCodes(dimension)) {
      expected += std::string(dimension) + " " + std::string(code) + "\n";
    }
  }
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/codes.txt"), expected);
}

}  // namespace
}  // namespace intake
