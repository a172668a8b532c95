#include "tests/test_paths.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace intake::testing {

std::string SourceDir() { return INTAKE_SOURCE_DIR; }

std::string Fixture(const std::string& relative) {
  return SourceDir() + "/fixtures/" + relative;
}

std::string IntakeBinary() { return INTAKE_BINARY; }

std::string RealDocsDir() {
  std::filesystem::path dir =
      std::filesystem::path(SourceDir()).parent_path() / "shared" / "real-docs";
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return dir.string();
  return "";
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string MakeTempDir(const std::string& name) {
  static std::atomic<int> counter{0};
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("intake-test-" + std::to_string(::getpid())) /
                              (name + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace intake::testing
