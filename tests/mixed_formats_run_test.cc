// Issue 3's "done when" as a test: `intake run` on one folder holding a
// letter in every format the secretariat receives (PDF, a scan in
// Spanish, DOCX, DOC, ODT, RTF, .eml, mbox, .msg, ZIP and a Maildir), and
// per document what a person checking by hand looks at: it was read, in
// the letter's language, from the letter's sender, and what came inside
// a message or an archive says where it came from.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// The inputs, copied under their own names; the Maildir as a whole tree.
const char* const kInputs[] = {
    "letters/bcrc-caribbean-training.pdf",
    "scans/honduras-mia-nap-scan.pdf",
    "letters/samoa-needs.docx",
    "doc/letter_fr.doc",
    "odt/cambodia-long.odt",
    "rtf/honduras-mia-nap.rtf",
    "mail/samoa-submission.eml",
    "mail/three-messages.mbox",
    "msg/winmail-mauritius.msg",
    "zip/submissions.zip",
};

struct Expect {
  const char* path_end;  // of the record's first path
  const char* format;
  const char* lang;
  const char* submitter;  // "" when none is found
  std::vector<std::string> chain;
};

// A document met twice (the Samoa PDF is in four messages and the ZIP)
// has one record, whose path is where the walk, in sorted path order, met
// it first: in the Maildir ("Maildir" sorts before the lower-case names).
const std::vector<Expect> kExpected = {
    {"mix/bcrc-caribbean-training.pdf",
     "pdf",
     "en",
     "Basel Convention Regional Centre for the Caribbean (Trinidad and "
     "Tobago)",
     {"file"}},
    {"mix/honduras-mia-nap-scan.pdf", "pdf", "es", "Honduras", {"file"}},
    {"mix/samoa-needs.docx", "docx", "en", "Samoa", {"file"}},
    // "République du Sénégal" stands only in the Word page header.
    {"mix/letter_fr.doc", "doc", "fr", "Senegal", {"file"}},
    {"mix/cambodia-long.odt", "odt", "en", "Cambodia", {"file"}},
    {"mix/honduras-mia-nap.rtf", "rtf", "es", "Honduras", {"file"}},
    // The sender's domain (example.ws) is no government one; the text
    // names "the submission of Samoa".
    {"mix/samoa-submission.eml", "eml", "en", "Samoa", {"file"}},
    {"three-messages.mbox!/message-2 Second message.eml",
     "eml",
     "en",
     "",
     {"file", "mbox_message"}},
    {"mix/winmail-mauritius.msg", "msg", "en", "Mauritius", {"file"}},
    {"winmail-mauritius.msg!/mauritius-transmittal.docx",
     "docx",
     "en",
     "Mauritius",
     {"file", "attachment"}},
    {"mix/submissions.zip", "zip", "und", "", {"file"}},
    {":2,RS!/evaluación-acción-nacional.docx",
     "docx",
     "es",
     "Honduras",
     {"file", "attachment"}},
    {".Submissions.2021/new/1625800000.M105P2001.mx.example.org!/"
     "samoa-needs.pdf",
     "pdf",
     "en",
     "Samoa",
     {"file", "attachment"}},
    {"transfer letter.eml!/ghana-technology-transfer.pdf",
     "pdf",
     "en",
     "Ghana",
     {"file", "attached_message", "attachment"}},
};

const Json* FindByPath(const std::vector<Json>& docs, const std::string& end) {
  for (const Json& d : docs) {
    if (d["path"].get<std::string>().ends_with(end)) return &d;
  }
  return nullptr;
}

bool HasOtherPath(const Json& doc, const std::string& end) {
  for (const Json& p : doc["other_paths"]) {
    if (p.get<std::string>().ends_with(end)) return true;
  }
  return false;
}

TEST(MixedFormatsRunTest, EveryFormatGivesTextLanguageAndSubmitter) {
  fs::path mix = fs::path(testing::MakeTempDir("mixed-formats")) / "mix";
  fs::create_directories(mix);
  for (const char* input : kInputs) {
    fs::path from = testing::Fixture(input);
    fs::copy_file(from, mix / from.filename());
  }
  fs::copy(testing::Fixture("maildir/secretariat"), mix / "Maildir",
           fs::copy_options::recursive);
  std::string out = mix.parent_path() / "out";
  ASSERT_EQ(
      testing::Intake("run --quiet '" + mix.string() + "' --out '" + out + "'"),
      0);
  std::vector<Json> docs = testing::ReadJsonLines(out + "/documents.jsonl");
  std::vector<Json> passages = testing::ReadJsonLines(out + "/passages.jsonl");

  for (const Expect& e : kExpected) {
    SCOPED_TRACE(e.path_end);
    const Json* d = FindByPath(docs, e.path_end);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ((*d)["status"], "ok") << (*d)["error"];
    EXPECT_EQ((*d)["format"], e.format);
    EXPECT_EQ((*d)["lang"], e.lang);
    std::string submitter =
        (*d)["submitter"].is_null() ? "" : (*d)["submitter"]["name"];
    EXPECT_EQ(submitter, e.submitter);
    EXPECT_EQ(testing::ProvenanceTypes(*d), e.chain);
    // Read, not just typed: a letter has words in its passages.
    int words = 0;
    for (const Json& p : passages) {
      if (p["doc_id"] != (*d)["doc_id"]) continue;
      std::string text = p["text"];
      words += static_cast<int>(std::count(text.begin(), text.end(), ' '));
    }
    if (std::string(e.format) != "zip") {
      EXPECT_GT(words, 0);
    }
  }

  // What the ZIP holds was met first in the mail: one record each, with
  // the ZIP's paths among its other paths.
  const Json* samoa = testing::FindDocument(docs, "samoa-needs.pdf");
  ASSERT_NE(samoa, nullptr);
  EXPECT_TRUE(
      HasOtherPath(*samoa, "submissions.zip!/submissions/samoa-needs.pdf"));
  EXPECT_TRUE(
      HasOtherPath(*samoa, "mix/samoa-submission.eml!/samoa-needs.pdf"));
  const Json* honduras =
      FindByPath(docs, ":2,RS!/evaluación-acción-nacional.docx");
  ASSERT_NE(honduras, nullptr);
  EXPECT_TRUE(HasOtherPath(
      *honduras, "latin-america.zip!/honduras/honduras-mia-nap.docx"));

  // Nothing else failed, and the delivery in the Maildir's tmp/ was left.
  for (const Json& d : docs) {
    EXPECT_EQ(d["status"], "ok") << d["path"] << d["error"];
    EXPECT_EQ(d["path"].get<std::string>().find("Maildir/tmp/"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace intake
