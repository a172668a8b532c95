#include "pipeline/discover.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/test_paths.h"

namespace intake {
namespace {
namespace fs = std::filesystem;

void Touch(const fs::path& p) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << "x";
}

TEST(DiscoverTest, WalksSortsSkipsHiddenAndOutput) {
  fs::path root = testing::MakeTempDir("discover");
  Touch(root / "b" / "letter.pdf");
  Touch(root / "a.docx");
  Touch(root / ".hidden" / "x.pdf");
  Touch(root / "b" / ".~lock.a.docx#");
  Touch(root / "out" / "documents.jsonl");
  fs::create_directory_symlink(root, root / "b" / "loop");

  Discovery found;
  ASSERT_TRUE(Discover({root.string(), (root / "a.docx").string()},
                       (root / "out").string(), &found)
                  .ok());
  std::vector<std::string> expected = {(root / "a.docx").string(),
                                       (root / "b" / "letter.pdf").string()};
  EXPECT_EQ(found.files, expected);
}

TEST(DiscoverTest, MissingInputIsAnError) {
  Discovery found;
  Status s = Discover({"/no/such/folder"}, "", &found);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("/no/such/folder"), std::string::npos);
}

}  // namespace
}  // namespace intake
