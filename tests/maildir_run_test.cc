// `intake run` on a Maildir (fixtures/maildir/secretariat, made by
// scripts/fixtures/make_maildir.py): every message of cur/ and new/, also
// in the Maildir++ subfolder, is read as an e-mail with its attachments;
// the delivery still in tmp/ and the server's files are left and logged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using Json = nlohmann::json;

TEST(MaildirRunTest, MessagesAndAttachmentsAreReadTmpIsLeft) {
  std::string out = testing::MakeTempDir("maildir-run");
  ASSERT_EQ(testing::Intake("run --quiet fixtures/maildir/secretariat --out '" +
                            out + "'"),
            0)
      << "a delivery left in tmp/ is no failure";
  std::vector<Json> docs = testing::ReadJsonLines(out + "/documents.jsonl");
  struct Case {
    const char* path_end;
    std::vector<std::string> chain;
    const char* format;
  } cases[] = {
      {"cur/1625437800.M101P2001.mx.example.org:2,S", {"file"}, "eml"},
      {"cur/1625437800.M101P2001.mx.example.org:2,S!/samoa-needs.pdf",
       {"file", "attachment"},
       "pdf"},
      {":2,RS!/evaluación-acción-nacional.docx",
       {"file", "attachment"},
       "docx"},
      {"new/1625600000.M103P2001.mx.example.org", {"file"}, "eml"},
      {"transfer letter.eml!/ghana-technology-transfer.pdf",
       {"file", "attached_message", "attachment"},
       "pdf"},
      {".Submissions.2021/cur/1625700000.M104P2001.mx.example.org:2,S",
       {"file"},
       "eml"},
      {".Submissions.2021/new/1625800000.M105P2001.mx.example.org",
       {"file"},
       "eml"},
  };
  for (const Case& c : cases) {
    const Json* found = testing::FindDocument(docs, c.path_end);
    ASSERT_NE(found, nullptr) << c.path_end;
    EXPECT_EQ(testing::ProvenanceTypes(*found), c.chain) << c.path_end;
    EXPECT_EQ((*found)["format"], c.format) << c.path_end;
    EXPECT_EQ((*found)["status"], "ok") << c.path_end << (*found)["error"];
  }
  for (const Json& d : docs) {
    std::string path = d["path"];
    EXPECT_EQ(path.find("/tmp/"), std::string::npos) << path;
    EXPECT_EQ(path.find("dovecot-uidlist"), std::string::npos) << path;
    EXPECT_EQ(path.find("maildirfolder"), std::string::npos) << path;
  }

  std::string log = testing::ReadFileOrDie(out + "/intake.log");
  for (const char* left :
       {"tmp/1625900000.M106P2001.mx.example.org\tMaildir tmp/",
        "dovecot-uidlist\tMaildir bookkeeping",
        ".Submissions.2021/maildirfolder\tMaildir bookkeeping"}) {
    std::string line =
        std::string("\tskipped\t-\t-\tfixtures/maildir/secretariat/") + left;
    EXPECT_NE(log.find(line), std::string::npos) << line << "\n" << log;
  }
  EXPECT_EQ(log.find("problem\t"), std::string::npos) << log;
}

}  // namespace
}  // namespace intake
