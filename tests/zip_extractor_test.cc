#include "extractors/zip_extractor.h"

#include <gtest/gtest.h>

#include "tests/test_paths.h"

namespace intake {
namespace {

std::vector<std::string> Names(const Extraction& e) {
  std::vector<std::string> names;
  for (const EmbeddedFile& f : e.embedded) names.push_back(f.name);
  return names;
}

TEST(ZipExtractorTest, MembersInArchiveOrderWithoutJunk) {
  Extraction e;
  ASSERT_TRUE(ExtractZip(testing::ReadFileOrDie(
                             testing::Fixture("zip/submissions.zip")),
                         ExtractLimits(), &e)
                  .ok());
  std::vector<std::string> expected = {
      "submissions/samoa-needs.pdf",
      "submissions/ghana-technology-transfer.pdf",
      "submissions/again/samoa-copy.pdf", "submissions/latin-america.zip",
      "../../outside/evil-name.txt"};
  EXPECT_EQ(Names(e), expected);
  EXPECT_TRUE(e.blocks.empty());
  EXPECT_TRUE(e.warnings.empty());
  for (const EmbeddedFile& f : e.embedded) EXPECT_EQ(f.kind, "zip_member");
  EXPECT_EQ(
      e.embedded[0].data,
      testing::ReadFileOrDie(testing::Fixture("letters/samoa-needs.pdf")));
}

TEST(ZipExtractorTest, Limits) {
  std::string data =
      testing::ReadFileOrDie(testing::Fixture("zip/submissions.zip"));
  struct Case {
    int max_members;
    long long max_bytes;
    size_t kept;
    const char* warning;
  } cases[] = {
      {2, 512LL << 20, 2, "more than 2 members"},
      {1000, 60000, 1, "expand past 60000 bytes"},
  };
  for (const Case& c : cases) {
    ExtractLimits limits;
    limits.max_archive_members = c.max_members;
    limits.max_archive_bytes = c.max_bytes;
    Extraction e;
    ASSERT_TRUE(ExtractZip(data, limits, &e).ok());
    EXPECT_EQ(e.embedded.size(), c.kept) << c.warning;
    ASSERT_EQ(e.warnings.size(), 1u);
    EXPECT_NE(e.warnings[0].find(c.warning), std::string::npos)
        << e.warnings[0];
  }
}

TEST(ZipExtractorTest, BombMemberSkippedOthersKept) {
  Extraction e;
  ASSERT_TRUE(
      ExtractZip(testing::ReadFileOrDie(testing::Fixture("zip/bomb.zip")),
                 ExtractLimits(), &e)
          .ok());
  EXPECT_EQ(Names(e), std::vector<std::string>{"letter.txt"});
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_NE(e.warnings[0].find("zeros.txt skipped"), std::string::npos);
}

TEST(ZipExtractorTest, NotAZip) {
  Extraction e;
  Status s =
      ExtractZip(testing::ReadFileOrDie(testing::Fixture("zip/not-a-zip.zip")),
                 ExtractLimits(), &e);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("not a zip archive"), std::string::npos);
}

}  // namespace
}  // namespace intake
