// Runs the intake binary as a user would and checks concrete records.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {
namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::FindDocument;
using testing::Intake;
using testing::ReadJsonLines;

std::vector<Json> PassagesOf(const std::vector<Json>& passages,
                             const std::string& doc_id) {
  std::vector<Json> out;
  for (const Json& p : passages) {
    if (p["doc_id"] == doc_id) out.push_back(p);
  }
  return out;
}

class EndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = testing::MakeTempDir("e2e");
    exit_ = Intake("run fixtures/letters fixtures/broken --out '" + out_ + "'");
    docs_ = ReadJsonLines(out_ + "/documents.jsonl");
    passages_ = ReadJsonLines(out_ + "/passages.jsonl");
  }
  static std::string out_;
  static int exit_;
  static std::vector<Json> docs_;
  static std::vector<Json> passages_;
};
std::string EndToEndTest::out_;
int EndToEndTest::exit_;
std::vector<Json> EndToEndTest::docs_;
std::vector<Json> EndToEndTest::passages_;

TEST_F(EndToEndTest, ExitStatusSaysSomeDocumentsFailed) { EXPECT_EQ(exit_, 1); }

TEST_F(EndToEndTest, EveryFileHasADocumentRecordWithEveryField) {
  // 11 letters + 8 broken files; really-a-pdf.docx is samoa-needs.pdf's
  // bytes and really-a-docx.pdf samoa-needs.docx's: same documents.
  EXPECT_EQ(docs_.size(), 17u);
  for (const Json& d : docs_) {
    for (const char* field : {"schema_version", "doc_id", "path", "format",
                              "pages", "title", "author", "created", "lang",
                              "extraction", "status", "warnings", "error"}) {
      EXPECT_TRUE(d.contains(field)) << field << " missing in " << d["path"];
    }
    EXPECT_EQ(d["schema_version"], 1);
    bool failed = d["status"] != "ok" && d["status"] != "ok_with_warnings";
    EXPECT_EQ(failed, !d["error"].get<std::string>().empty()) << d["path"];
  }
}

TEST_F(EndToEndTest, BrokenFilesGetClearStatuses) {
  struct Case {
    const char* name;
    const char* status;
  } cases[] = {
      {"broken/empty.pdf", "empty"},
      {"broken/truncated.pdf", "corrupt"},
      {"broken/encrypted-user-password.pdf", "encrypted"},
      {"broken/random-bytes.bin", "unsupported"},
      {"broken/not-a-zip.docx", "ok_with_warnings"},
  };
  for (const Case& c : cases) {
    const Json* d = FindDocument(docs_, c.name);
    ASSERT_NE(d, nullptr) << c.name;
    EXPECT_EQ((*d)["status"], c.status) << c.name << ": " << (*d)["error"];
  }
}

TEST_F(EndToEndTest, SameBytesAtTwoPathsAreOneDocument) {
  const Json* samoa = FindDocument(docs_, "letters/samoa-needs.pdf");
  ASSERT_NE(samoa, nullptr);
  // Sorted paths: fixtures/broken/... comes first.
  EXPECT_EQ((*samoa)["path"], "fixtures/broken/really-a-pdf.docx");
  ASSERT_EQ((*samoa)["other_paths"].size(), 1u);
  EXPECT_EQ((*samoa)["other_paths"][0], "fixtures/letters/samoa-needs.pdf");
}

TEST_F(EndToEndTest, LongLetterPassages) {
  const Json* doc = FindDocument(docs_, "letters/cambodia-long.pdf");
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ((*doc)["status"], "ok");
  EXPECT_EQ((*doc)["format"], "pdf");
  EXPECT_EQ((*doc)["pages"], 4);
  EXPECT_EQ((*doc)["lang"], "en");
  EXPECT_EQ((*doc)["submitter"]["code"], "KHM");
  EXPECT_EQ((*doc)["submitter"]["found_by"], "letterhead");
  std::vector<Json> ps = PassagesOf(passages_, (*doc)["doc_id"]);
  ASSERT_GT(ps.size(), 30u);
  int heads = 0;
  bool joined = false, footnote = false, salutation = false, signature = false;
  int previous_end = -2;
  for (const Json& p : ps) {
    std::string text = p["text"];
    if (p["kind"] == "header_footer") ++heads;
    if (p["number"] == "8.") {
      joined = text.find("Phnom Penh and the analysis") != std::string::npos;
      EXPECT_EQ(p["page"], 2);
    }
    if (p["kind"] == "footnote") footnote = true;
    if (p["furniture"] == "salutation")
      salutation = text == "Dear Ms. Stankiewicz,";
    if (p["furniture"] == "signature") signature = true;
    EXPECT_EQ(p["start"].get<int>(), previous_end + 2);
    previous_end = p["end"];
    EXPECT_TRUE(text.find("Page 2 of 4") == std::string::npos ||
                p["kind"] == "header_footer")
        << text;
  }
  EXPECT_EQ(heads, 8) << "running head and page number on each of 4 pages";
  EXPECT_TRUE(joined) << "paragraph 8 cut by the page break is one passage";
  EXPECT_TRUE(footnote);
  EXPECT_TRUE(salutation);
  EXPECT_TRUE(signature);
}

TEST_F(EndToEndTest, OutputIsByteIdenticalWhateverTheInputOrder) {
  fs::path shuffled = testing::MakeTempDir("e2e-shuffled");
  // Copy the fixtures under other folder names, created in reverse order.
  fs::path in = shuffled / "in";
  std::vector<fs::path> files;
  for (const char* dir : {"fixtures/letters", "fixtures/broken"}) {
    for (const auto& entry :
         fs::directory_iterator(testing::SourceDir() + "/" + dir)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  std::sort(files.rbegin(), files.rend());
  fs::create_directories(in / "z");
  fs::create_directories(in / "a");
  for (const fs::path& f : files) {
    fs::copy_file(f, in / (f.parent_path().filename() == "broken" ? "a" : "z") /
                         f.filename());
  }
  std::string out1 = (shuffled / "out1").string();
  std::string out2 = (shuffled / "out2").string();
  Intake("run '" + (in / "z").string() + "' '" + (in / "a").string() +
         "' --out '" + out1 + "'");
  Intake("run '" + (in / "a").string() + "' '" + (in / "z").string() +
         "' --out '" + out2 + "'");
  for (const char* name : {"/documents.jsonl", "/passages.jsonl"}) {
    std::string a = testing::ReadFileOrDie(out1 + name);
    EXPECT_FALSE(a.empty());
    EXPECT_EQ(a, testing::ReadFileOrDie(out2 + name)) << name;
  }
}

TEST(EndToEndCommandsTest, ArchivesAreOpenedWithProvenance) {
  std::string out = testing::MakeTempDir("e2e-zip");
  EXPECT_EQ(Intake("run fixtures/zip --out '" + out + "'"), 1);
  std::vector<Json> docs = ReadJsonLines(out + "/documents.jsonl");
  const Json* zip = FindDocument(docs, "zip/submissions.zip");
  ASSERT_NE(zip, nullptr);
  EXPECT_EQ((*zip)["status"], "ok");
  EXPECT_EQ((*zip)["embedded"], 5);
  const Json* honduras = FindDocument(docs, "honduras-mia-nap.docx");
  ASSERT_NE(honduras, nullptr);
  EXPECT_EQ((*honduras)["status"], "ok");
  EXPECT_EQ((*honduras)["lang"], "es");
  Json chain = (*honduras)["provenance"];
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain[0]["type"], "file");
  EXPECT_EQ(chain[0]["name"], "fixtures/zip/submissions.zip");
  EXPECT_EQ(chain[1]["name"], "submissions/latin-america.zip");
  EXPECT_EQ(chain[2]["type"], "zip_member");
  EXPECT_EQ(chain[2]["name"], "honduras/honduras-mia-nap.docx");
  const Json* inner = FindDocument(docs, "submissions/latin-america.zip");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ((*honduras)["container_id"], (*inner)["doc_id"]);
  // The same letter twice in one archive is one document.
  const Json* samoa = FindDocument(docs, "submissions/samoa-needs.pdf");
  ASSERT_NE(samoa, nullptr);
  ASSERT_EQ((*samoa)["other_paths"].size(), 1u);
  EXPECT_EQ((*samoa)["other_paths"][0],
            "fixtures/zip/submissions.zip!/submissions/again/samoa-copy.pdf");
  const Json* deepest = FindDocument(docs, "level3.zip");
  ASSERT_NE(deepest, nullptr);
  EXPECT_EQ((*deepest)["status"], "unsupported");
  const Json* bomb = FindDocument(docs, "zip/bomb.zip");
  ASSERT_NE(bomb, nullptr);
  EXPECT_EQ((*bomb)["status"], "ok_with_warnings");
  EXPECT_EQ(FindDocument(docs, "zeros.txt"), nullptr);
}

TEST(EndToEndCommandsTest, ExtractPrintsPassages) {
  std::string out = testing::MakeTempDir("e2e-extract") + "/out.jsonl";
  EXPECT_EQ(Intake("extract fixtures/letters/samoa-needs.pdf", out), 0);
  std::vector<Json> ps = ReadJsonLines(out);
  ASSERT_GT(ps.size(), 10u);
  EXPECT_EQ(ps[0]["passage_id"].get<std::string>().substr(16), "-p0001");
}

TEST(EndToEndCommandsTest, ExtractOfBrokenFileFails) {
  EXPECT_EQ(Intake("extract fixtures/broken/truncated.pdf"), 1);
  EXPECT_EQ(Intake("extract no/such/file.pdf"), 2);
}

TEST(EndToEndCommandsTest, UsageErrorsAndHelp) {
  EXPECT_EQ(Intake("--version"), 0);
  EXPECT_EQ(Intake("--help"), 0);
  for (const char* command : {"run", "extract", "classify", "eval"}) {
    EXPECT_EQ(Intake(std::string(command) + " --help"), 0) << command;
  }
  EXPECT_EQ(Intake("run fixtures/letters"), 2) << "--out is required";
  EXPECT_EQ(Intake("run --out /tmp/x"), 2) << "an input is required";
  EXPECT_EQ(Intake("run /no/such/dir --out /tmp/x"), 2);
  EXPECT_EQ(Intake("frobnicate"), 2);
  EXPECT_EQ(Intake(""), 2);
}

TEST(EndToEndCommandsTest, BadRulesFileStopsBeforeAnyOutput) {
  std::string dir = testing::MakeTempDir("e2e-rules");
  std::ofstream(dir + "/bad.xml")
      << "<rules format=\"1\" version=\"x\"><label dimension=\"theme\" "
         "code=\"nope\"><term weight=\"1\">a</term></label></rules>";
  EXPECT_EQ(Intake("run fixtures/letters --out '" + dir + "/out' --rules '" +
                   dir + "/bad.xml'"),
            2);
  EXPECT_FALSE(fs::exists(dir + "/out/documents.jsonl"));
  EXPECT_EQ(Intake("classify --rules '" + dir + "/missing.xml' < /dev/null"),
            2);
  // A run that classifies nothing checks the rules all the same: a dry
  // run, and a night without mail (an empty folder).
  EXPECT_EQ(Intake("run --dry-run fixtures/letters --out '" + dir +
                   "/out' --rules '" + dir + "/bad.xml'"),
            2);
  fs::create_directories(dir + "/no-mail");
  EXPECT_EQ(Intake("run '" + dir + "/no-mail' --out '" + dir +
                   "/out' --rules '" + dir + "/bad.xml'"),
            2);
  EXPECT_EQ(Intake("run '" + dir + "/no-mail' --out '" + dir + "/out'"), 0);
  // A run refused at its first document leaves no run that "did not
  // finish" in the store.
  EXPECT_EQ(Intake("run fixtures/letters/samoa-needs.pdf --out '" + dir +
                   "/out' --rules '" + dir + "/bad.xml'"),
            2);
  ASSERT_EQ(Intake("status '" + dir + "/out'", dir + "/status.txt"), 0);
  std::string status = testing::ReadFileOrDie(dir + "/status.txt");
  EXPECT_EQ(status.find("did not finish"), std::string::npos) << status;
}

TEST(EndToEndCommandsTest, FailedRunKeepsPreviousOutput) {
  std::string out = testing::MakeTempDir("e2e-keep");
  ASSERT_EQ(Intake("run fixtures/letters/samoa-needs.pdf --out '" + out + "'"),
            0);
  std::string before = testing::ReadFileOrDie(out + "/documents.jsonl");
  EXPECT_EQ(Intake("run /no/such/dir --out '" + out + "'"), 2);
  EXPECT_EQ(testing::ReadFileOrDie(out + "/documents.jsonl"), before);
  EXPECT_FALSE(fs::exists(out + "/documents.jsonl.tmp"));
}

TEST(EndToEndCommandsTest, SecondRunIntoTheSameFolderIsRefused) {
  std::string out = testing::MakeTempDir("e2e-lock");
  // flock(1) holds the run's lock file while the second run tries.
  std::string command = "cd '" + testing::SourceDir() + "' && flock '" + out +
                        "/.intake.lock' '" + testing::IntakeBinary() +
                        "' run fixtures/letters --out '" + out +
                        "' >/dev/null 2>&1";
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_FALSE(fs::exists(out + "/documents.jsonl"));
}

}  // namespace
}  // namespace intake
