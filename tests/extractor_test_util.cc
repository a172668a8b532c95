#include "tests/extractor_test_util.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/pandoc_plain.h"
#include "tests/test_paths.h"

namespace intake::testing {

void ExpectBlocks(const std::vector<Block>& got,
                  const std::vector<BlockExpectation>& want, TextMatch match) {
  if (match == TextMatch::kExact) {
    ASSERT_EQ(got.size(), want.size());
  } else {
    ASSERT_GE(got.size(), want.size());
  }
  for (size_t i = 0; i < want.size(); ++i) {
    const Block& g = got[i];
    const BlockExpectation& w = want[i];
    if (match == TextMatch::kExact) {
      EXPECT_EQ(g.text, w.text) << "block " << i;
      EXPECT_EQ(g.page, 0) << "block " << i;
    } else {
      EXPECT_TRUE(g.text.starts_with(w.text))
          << "block " << i << ": " << g.text.substr(0, 80);
    }
    EXPECT_EQ(g.number, w.number) << "block " << i;
    EXPECT_EQ(g.kind, w.kind) << "block " << i << ": " << g.text.substr(0, 80);
    EXPECT_EQ(g.heading_level, w.heading_level) << "block " << i;
  }
}

void ExpectGoodFixtures(const std::string& folder, const ExtractFn& extract,
                        std::string_view extraction,
                        const std::vector<GoodCase>& cases) {
  for (const GoodCase& c : cases) {
    SCOPED_TRACE(c.file);
    Extraction ex;
    Status s = extract(ReadFileOrDie(Fixture(folder + "/" + c.file)),
                       ExtractLimits{}, &ex);
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_TRUE(ex.warnings.empty()) << ex.warnings.front();
    ExpectBlocks(ex.blocks, c.blocks);
    EXPECT_EQ(ex.meta.extraction, extraction);
    EXPECT_EQ(ex.meta.pages, 0);
  }
}

void ExpectHostile(const std::string& folder, const ExtractFn& extract,
                   std::span<const HostileCase> cases) {
  for (const HostileCase& c : cases) {
    SCOPED_TRACE(c.file);
    Extraction ex;
    ::testing::internal::CaptureStderr();
    Status s = extract(ReadFileOrDie(Fixture(folder + "/" + c.file)),
                       ExtractLimits{}, &ex);
    std::string stderr_text = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(s.code(), c.code) << s.ToString();
    std::string said = s.message();
    if (s.ok()) {
      for (const std::string& w : ex.warnings) said += "\n" + w;
    }
    EXPECT_NE(said.find(c.message_part), std::string::npos) << said;
    EXPECT_EQ(!ex.blocks.empty(), c.has_blocks);
    EXPECT_EQ(stderr_text, "")
        << "libxml2 or libzip printed instead of returning";
    EXPECT_EQ(s.message().find("root:"), std::string::npos)
        << "leaked /etc/passwd";
    for (const Block& b : ex.blocks) {
      EXPECT_EQ(b.text.find("root:"), std::string::npos) << "leaked";
    }
  }
}

void ExpectPandocChunksIn(const std::string& ours, const std::string& plain,
                          const std::string& file,
                          std::span<const PandocDifference> known) {
  for (const std::string& chunk : PandocChunks(plain)) {
    bool expected_difference = false;
    for (const PandocDifference& d : known) {
      expected_difference =
          expected_difference || (file == d.file && chunk == d.pandoc_chunk);
    }
    if (expected_difference) continue;
    EXPECT_NE(ours.find(chunk), std::string::npos) << "pandoc saw: " << chunk;
  }
}

std::string JoinedText(const Extraction& ex) {
  std::string ours;
  for (const Block& b : ex.blocks) ours += " " + b.text;
  return Collapse(ours);
}

RealDocsRun RunRealDocs(const std::string& folder, std::string_view extension,
                        const ExtractFn& extract, std::string_view extraction) {
  RealDocsRun run;
  std::string dir = RealDocsDir();
  if (dir.empty() || !std::filesystem::is_directory(dir + "/" + folder)) {
    return run;
  }
  run.present = true;
  for (const auto& entry :
       std::filesystem::directory_iterator(dir + "/" + folder)) {
    if (!entry.path().string().ends_with(extension)) continue;
    ++run.files;
    Extraction ex;
    Status s =
        extract(ReadFileOrDie(entry.path().string()), ExtractLimits{}, &ex);
    if (s.ok()) {
      ++run.ok;
      EXPECT_EQ(ex.meta.extraction, extraction) << entry.path();
    } else {
      EXPECT_FALSE(s.message().empty()) << entry.path();
      EXPECT_TRUE(ex.blocks.empty()) << entry.path();
      run.failures.push_back({entry.path().filename().string(), s});
    }
  }
  return run;
}

}  // namespace intake::testing
