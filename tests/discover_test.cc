#include "pipeline/discover.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/maildir.h"
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

// The same file named twice, once through its folder and once as
// "folder/./file", is read once: it is no copy of itself.
TEST(DiscoverTest, OneFileSpelledTwiceIsReadOnce) {
  fs::path root = testing::MakeTempDir("discover-spelled");
  Touch(root / "in" / "letter.pdf");
  Discovery found;
  ASSERT_TRUE(Discover({(root / "in").string(),
                        (root / "in" / "." / "letter.pdf").string(),
                        (root / "in" / ".." / "in" / "letter.pdf").string()},
                       "", &found)
                  .ok());
  ASSERT_EQ(found.files.size(), 1u);
  EXPECT_EQ(fs::path(found.files[0]).lexically_normal(),
            (root / "in" / "letter.pdf").lexically_normal());
}

// A Maildir as Dovecot keeps one: messages in cur/ and new/ (no
// extension, ':' in the name), a Maildir++ subfolder although hidden;
// tmp/ and the server's files left and said so; a hidden folder that is
// no Maildir still left silently.
TEST(DiscoverTest, MaildirTakesCurAndNewAndSkipsTmp) {
  fs::path root = testing::MakeTempDir("discover-maildir");
  fs::path box = root / "Maildir";
  const char* kSeen = "1700000000.M1P2.host:2,S";
  Touch(box / "cur" / kSeen);
  Touch(box / "new" / "1700000001.M2P2.host");
  Touch(box / "tmp" / "1700000002.M3P2.host");
  Touch(box / "dovecot-uidlist");
  Touch(box / ".Sent" / "cur" / "1700000003.M4P2.host:2,S");
  fs::create_directories(box / ".Sent" / "new");
  Touch(box / ".Sent" / "maildirfolder");
  Touch(box / ".Trash" / "not-a-maildir.eml");
  Touch(root / "notes" / "tmp" / "draft.docx");  // tmp/ outside a Maildir

  Discovery found;
  ASSERT_TRUE(Discover({root.string()}, "", &found).ok());
  std::vector<std::string> files = {
      (box / ".Sent" / "cur" / "1700000003.M4P2.host:2,S").string(),
      (box / "cur" / kSeen).string(),
      (box / "new" / "1700000001.M2P2.host").string(),
      (root / "notes" / "tmp" / "draft.docx").string()};
  EXPECT_EQ(found.files, files);
  std::vector<std::string> skipped;
  for (const SkippedFile& s : found.skipped) {
    skipped.push_back(s.path);
    EXPECT_FALSE(s.reason.empty()) << s.path;
  }
  std::vector<std::string> want_skipped = {
      (box / ".Sent" / "maildirfolder").string(),
      (box / "dovecot-uidlist").string(),
      (box / "tmp" / "1700000002.M3P2.host").string()};
  EXPECT_EQ(skipped, want_skipped);
  EXPECT_EQ(found.skipped.back().reason, kMaildirDeliveryInProgress);
  EXPECT_TRUE(found.problems.empty());
}

TEST(DiscoverTest, MissingInputIsAnError) {
  Discovery found;
  Status s = Discover({"/no/such/folder"}, "", &found);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("/no/such/folder"), std::string::npos);
}

TEST(DiscoverTest, BrokenLinksAndUnlistableFoldersAreReported) {
  fs::path root = testing::MakeTempDir("discover-problems");
  Touch(root / "ok.pdf");
  fs::create_symlink(root / "missing.pdf", root / "dangling.pdf");
  fs::create_directory(root / "locked");
  Touch(root / "locked" / "inside.pdf");
  fs::permissions(root / "locked", fs::perms::none);
  bool root_reads_anything = fs::exists(root / "locked" / "inside.pdf");

  Discovery found;
  ASSERT_TRUE(Discover({root.string()}, "", &found).ok());
  fs::permissions(root / "locked", fs::perms::owner_all);
  bool dangling_reported = false, locked_reported = false;
  for (const std::string& p : found.problems) {
    if (p.find("dangling.pdf: broken link") != std::string::npos) {
      dangling_reported = true;
    }
    if (p.find("locked: cannot list") != std::string::npos) {
      locked_reported = true;
    }
  }
  EXPECT_TRUE(dangling_reported);
  // Root reads folders whatever their mode; only others see the lock.
  if (!root_reads_anything) {
    EXPECT_TRUE(locked_reported);
  }
  EXPECT_EQ(found.files.back(), (root / "ok.pdf").string());
}

}  // namespace
}  // namespace intake
