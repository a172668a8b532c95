// Where tests find the fixtures, the intake binary and the shared corpus.
#ifndef INTAKE_TESTS_TEST_PATHS_H_
#define INTAKE_TESTS_TEST_PATHS_H_

#include <string>

namespace intake::testing {

// The repository checkout the test binary was built from.
std::string SourceDir();
// SourceDir() + "/fixtures/" + relative.
std::string Fixture(const std::string& relative);
// The built intake executable.
std::string IntakeBinary();
// ../shared/real-docs beside the checkout, or "" when it is not there.
std::string RealDocsDir();
// Reads a whole file; fails the current test when it cannot.
std::string ReadFileOrDie(const std::string& path);
// A fresh empty directory under the test temp dir, unique per call.
std::string MakeTempDir(const std::string& name);

}  // namespace intake::testing

#endif  // INTAKE_TESTS_TEST_PATHS_H_
