// The review files are made again exactly when what they come from
// changed: the records, the options (or the intake binary).
#include "review/review_files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>

#include "pipeline/json_records.h"
#include "pipeline/output_files.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

// Writes documents.jsonl and passages.jsonl of one document whose first
// `flagged` passages (of 20) need review.
void WriteRecords(const std::string& dir, int flagged) {
  DocumentRecord r;
  r.doc_id = std::string(64, 'a');
  r.path = "letter.pdf";
  r.status = kStatusOk;
  for (int i = 0; i < 20; ++i) {
    Passage p;
    p.text = "Passage " + std::to_string(i);
    p.labels.stance = "other";
    p.labels.needs_review = i < flagged;
    if (i < flagged) p.labels.review_reasons = {"low_confidence"};
    r.passages.push_back(p);
  }
  r.passage_count = static_cast<int>(r.passages.size());
  std::string passages;
  for (size_t i = 0; i < r.passages.size(); ++i) {
    passages += PassageJson(r, i) + "\n";
  }
  ASSERT_TRUE(WriteFileAtomically(PassagesFile(dir), passages).ok());
  ASSERT_TRUE(
      WriteFileAtomically(DocumentsFile(dir), DocumentJson(r) + "\n").ok());
}

ino_t Inode(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

TEST(ReviewFilesTest, MadeAgainOnlyWhenTheirSourcesChange) {
  const std::string dir = testing::MakeTempDir("review-files");
  WriteRecords(dir, 2);
  ReviewListOptions options;
  long long listed = -1;
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_EQ(listed, 2 + 5);  // the flagged ones and the minimum sample
  const ino_t html = Inode(ReviewHtmlFile(dir));
  const ino_t csv = Inode(ReviewCsvFile(dir));
  ASSERT_NE(html, 0u);

  // Nothing changed: the files are left as they are, the count is known.
  listed = -1;
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_EQ(listed, 7);
  EXPECT_EQ(Inode(ReviewHtmlFile(dir)), html);
  EXPECT_EQ(Inode(ReviewCsvFile(dir)), csv);

  // Another seed: another sample.
  options.seed = 2;
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_NE(Inode(ReviewHtmlFile(dir)), html);

  // New records under the same names.
  WriteRecords(dir, 4);
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_EQ(listed, 4 + 5);

  // A review file lost or edited by hand is made again.
  std::remove(ReviewCsvFile(dir).c_str());
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_NE(Inode(ReviewCsvFile(dir)), 0u);
  const ino_t before_edit = Inode(ReviewHtmlFile(dir));
  std::ofstream(ReviewHtmlFile(dir), std::ios::app) << "edited";
  ASSERT_TRUE(WriteReviewList(dir, options, &listed).ok());
  EXPECT_NE(Inode(ReviewHtmlFile(dir)), before_edit);
  EXPECT_EQ(testing::ReadFileOrDie(ReviewHtmlFile(dir)).find("edited"),
            std::string::npos);
}

}  // namespace
}  // namespace intake
