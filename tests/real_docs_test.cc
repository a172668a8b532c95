// The pipeline over ../shared/real-docs: documents nobody here made (scans,
// encrypted, damaged, mail). Every file must end in a record with a clear
// status, and nothing may crash or hang the run. Skipped when the corpus
// is not beside the checkout.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_paths.h"

namespace intake {
namespace {
using Json = nlohmann::json;

struct ManifestRow {
  std::string format;
  std::string notes;
};

std::map<std::string, ManifestRow> ReadManifest(const std::string& dir) {
  std::map<std::string, ManifestRow> rows;
  std::ifstream in(dir + "/MANIFEST.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    if (cols.size() >= 2)
      rows[cols[0]] = {cols[1], cols.size() > 7 ? cols[7] : ""};
  }
  return rows;
}

TEST(RealDocsTest, EveryFileEndsInARecordWithAClearStatus) {
  std::string corpus = testing::RealDocsDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/real-docs not present";
  std::map<std::string, ManifestRow> manifest = ReadManifest(corpus);
  ASSERT_GT(manifest.size(), 300u);

  std::string out = testing::MakeTempDir("real-docs");
  std::string command = "'" + testing::IntakeBinary() +
                        "' run --quiet --max-ocr-pages 2 '" + corpus +
                        "' --out '" + out + "' 2>/dev/null";
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << "some real documents fail, none crash";

  std::map<std::string, Json> by_file;
  std::ifstream docs(out + "/documents.jsonl");
  for (std::string line; std::getline(docs, line);) {
    Json d = Json::parse(line);
    std::vector<std::string> paths = {d["path"]};
    for (const Json& p : d["other_paths"]) paths.push_back(p);
    for (const std::string& p : paths) {
      by_file[p.substr(corpus.size() + 1)] = d;
    }
  }
  for (const auto& [file, row] : manifest) {
    auto it = by_file.find(file);
    ASSERT_NE(it, by_file.end()) << file << " has no record";
    const Json& d = it->second;
    std::string st = d["status"];
    bool failed = st != "ok" && st != "ok_with_warnings";
    EXPECT_EQ(failed, !d["error"].get<std::string>().empty()) << file;
    if (row.notes.find("encrypted-password-required") != std::string::npos &&
        row.format == "pdf") {
      EXPECT_EQ(st, "encrypted") << file;
    }
    // Word 97-2003 files are read; what may fail is named in the notes: a
    // password, a Word 6/95 file, a WordPerfect file named .doc. A file
    // that is only pictures has no text.
    if (row.format == "doc") {
      if (row.notes.find("encrypted") != std::string::npos) {
        EXPECT_EQ(st, "encrypted") << file;
      } else if (row.notes.find("word6/95") != std::string::npos ||
                 row.notes.find("not-word-binary") != std::string::npos) {
        EXPECT_EQ(st, "unsupported") << file;
      } else {
        EXPECT_EQ(d["format"], "doc") << file;
        EXPECT_TRUE(st == "ok" || st == "ok_with_warnings" ||
                    (st == "empty" &&
                     row.notes.find("embedded-objects") != std::string::npos))
            << file << ": " << st << ": " << d["error"];
      }
    }
    if (row.format == "pdf" && row.notes.find("scanned") == std::string::npos &&
        row.notes.find("encrypted") == std::string::npos &&
        row.notes.find("damaged") == std::string::npos &&
        row.notes.find("little-or-no-text") == std::string::npos) {
      EXPECT_EQ(d["format"], "pdf") << file;
      EXPECT_TRUE(st == "ok" || st == "ok_with_warnings")
          << file << ": " << st << ": " << d["error"];
    }
  }
}

}  // namespace
}  // namespace intake
