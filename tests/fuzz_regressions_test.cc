// Every input a fuzzer once broke a reader with (fixtures/fuzz-regressions/
// <target>/, found by scripts/fuzz) goes again through the very call the
// fuzz target makes (tests/fuzz/fuzz_targets.h), in the normal build: it
// must end in a status, without a crash or a hang, and print nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

TEST(FuzzRegressionsTest, EveryKeptInputEndsInAStatus) {
  std::string root = testing::Fixture("fuzz-regressions");
  ASSERT_TRUE(std::filesystem::is_directory(root));
  int inputs = 0;
  for (const auto& dir : std::filesystem::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    std::string name = dir.path().filename().string();
    const fuzz::FuzzTarget* target = fuzz::FindFuzzTarget(name);
    ASSERT_NE(target, nullptr)
        << "fuzz-regressions/" << name << " names no target of tests/fuzz/";
    std::vector<std::string> files;
    for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
      if (f.is_regular_file()) files.push_back(f.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      SCOPED_TRACE(file);
      std::string data = testing::ReadFileOrDie(file);
      // Nothing on standard output, where `intake extract` writes records.
      ::testing::internal::CaptureStdout();
      Status s = target->run(data);
      std::fflush(stdout);
      EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
      if (!s.ok()) {
        EXPECT_FALSE(s.message().empty());
      }
      ++inputs;
    }
  }
  RecordProperty("inputs", inputs);
}

// The table the fuzzers are built from holds a target for every reader.
TEST(FuzzRegressionsTest, EveryReaderHasATarget) {
  for (const char* name :
       {"pdf", "docx", "odt", "rtf", "mail", "msg", "zip", "text", "rules"}) {
    EXPECT_NE(fuzz::FindFuzzTarget(name), nullptr) << name;
  }
}

}  // namespace
}  // namespace intake
