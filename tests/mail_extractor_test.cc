// The e-mail reader on the generated messages of fixtures/mail, on hostile
// ones, end to end through `intake run`, and over the real mail of
// ../shared/real-docs/eml.
#include "extractors/mail_extractor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extractors/registry.h"
#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {
using Json = nlohmann::json;

Extraction ReadMail(const std::string& fixture, Status* status = nullptr) {
  Extraction e;
  Status s = ExtractEml(testing::ReadFileOrDie(testing::Fixture(fixture)),
                        ExtractLimits(), &e);
  if (status != nullptr) *status = s;
  EXPECT_TRUE(status != nullptr || s.ok()) << fixture << ": " << s.ToString();
  return e;
}

bool HasWarning(const Extraction& e, const std::string& text) {
  for (const std::string& w : e.warnings) {
    if (w.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(MailExtractorTest, EnvelopeDecoded) {
  struct Case {
    const char* fixture;
    const char* from;
    const char* to;
    const char* cc;
    const char* date;
    const char* subject;
    const char* message_id;
  } cases[] = {
      {"mail/samoa-submission.eml",
       "Ministry of Natural Resources and Environment <mnre@example.ws>",
       "Minamata Convention Secretariat <mea-minamata@example.org>",
       "Focal Point <focal@example.ws>", "2021-07-04T20:30:00Z",
       "Submission of Samoa under Article 14", "samoa-2021-07-05@example.ws"},
      {"mail/honduras-rfc2231.eml", "Secretaría de Energía <serna@example.hn>",
       "mea-minamata@example.org", "", "2021-07-08T17:15:00Z",
       "Envío del Plan de Acción Nacional (Honduras)",
       "honduras-nap@example.hn"},
      {"mail/html-only-windows-1252.eml", "ministere@example.fr",
       "mea-minamata@example.org", "", "2021-07-07T14:45:00Z",
       "Accusé de réception", "html-only@example.fr"},
  };
  for (const Case& c : cases) {
    Extraction e = ReadMail(c.fixture);
    const MailHeaders& h = e.meta.mail;
    EXPECT_TRUE(e.meta.is_mail) << c.fixture;
    EXPECT_EQ(h.from, c.from) << c.fixture;
    EXPECT_EQ(h.to, c.to) << c.fixture;
    EXPECT_EQ(h.cc, c.cc) << c.fixture;
    EXPECT_EQ(h.date, c.date) << c.fixture;
    EXPECT_EQ(h.subject, c.subject) << c.fixture;
    EXPECT_EQ(h.message_id, c.message_id) << c.fixture;
    EXPECT_EQ(e.meta.title, c.subject) << c.fixture;
    EXPECT_EQ(e.meta.author, c.from) << c.fixture;
    EXPECT_EQ(e.meta.created, c.date) << c.fixture;
    EXPECT_EQ(e.meta.extraction, "gmime") << c.fixture;
  }
}

TEST(MailExtractorTest, BodyBlocks) {
  struct Case {
    const char* fixture;
    std::vector<std::string> blocks;
  } cases[] = {
      {"mail/samoa-submission.eml",
       {"Dear Secretariat,",
        "Please find attached the submission of Samoa on its capacity-building "
        "needs under Article 14 of the Minamata Convention.",
        "> Your reminder of 1 June 2021 asked for the submission by July.",
        "Kind regards,\nMinistry of Natural Resources and Environment"}},
      // windows-1252 quoted-printable HTML: entities decoded, script and
      // style gone, <br> a line break.
      {"mail/html-only-windows-1252.eml",
       {"Estimados señores,",
        "Le informamos que el Ministère a reçu la lettre & les annexes "
        "établies en 2021 – merci.",
        "Cordialement,\nLe Ministère"}},
      {"mail/forwarded-ghana.eml", {"Forwarding the letter from Ghana below."}},
      {"mail/unknown-charset.eml", {"Café au lait, naïve résumé."}},
  };
  for (const Case& c : cases) {
    Extraction e = ReadMail(c.fixture);
    std::vector<std::string> texts;
    for (const Block& b : e.blocks) texts.push_back(b.text);
    EXPECT_EQ(texts, c.blocks) << c.fixture;
  }
}

TEST(MailExtractorTest, AttachmentsDecodedWithTheirNames) {
  struct Case {
    const char* fixture;
    const char* kind;
    const char* name;
    const char* original;  // fixture whose bytes the attachment holds
  } cases[] = {
      {"mail/samoa-submission.eml", "attachment", "samoa-needs.pdf",
       "letters/samoa-needs.pdf"},
      {"mail/honduras-rfc2231.eml", "attachment",
       "evaluación-acción-nacional.docx", "letters/honduras-mia-nap.docx"},
      {"mail/forwarded-ghana.eml", "attached_message",
       "Ghana technology transfer letter.eml", nullptr},
  };
  for (const Case& c : cases) {
    Extraction e = ReadMail(c.fixture);
    ASSERT_EQ(e.embedded.size(), 1u) << c.fixture;
    EXPECT_EQ(e.embedded[0].kind, c.kind) << c.fixture;
    EXPECT_EQ(e.embedded[0].name, c.name) << c.fixture;
    if (c.original != nullptr) {
      EXPECT_TRUE(e.embedded[0].data ==
                  testing::ReadFileOrDie(testing::Fixture(c.original)))
          << c.fixture;
    }
  }
  Extraction twice = ReadMail("mail/samoa-twice.eml");
  ASSERT_EQ(twice.embedded.size(), 2u);
  EXPECT_EQ(twice.embedded[1].name, "samoa-needs (1).pdf");
}

TEST(MailExtractorTest, AttachedMessageIsReadAgainAsAMail) {
  Extraction outer = ReadMail("mail/forwarded-ghana.eml");
  ASSERT_EQ(outer.embedded.size(), 1u);
  Extraction inner;
  ASSERT_TRUE(ExtractEml(outer.embedded[0].data, ExtractLimits(), &inner).ok());
  EXPECT_EQ(inner.meta.mail.from, "ghana-epa@example.gh");
  ASSERT_EQ(inner.embedded.size(), 1u);
  EXPECT_EQ(inner.embedded[0].name, "ghana-technology-transfer.pdf");
  EXPECT_TRUE(inner.embedded[0].data ==
              testing::ReadFileOrDie(
                  testing::Fixture("letters/ghana-technology-transfer.pdf")));
}

TEST(MailExtractorTest, MboxMessages) {
  Extraction e;
  ASSERT_TRUE(ExtractMbox(testing::ReadFileOrDie(
                              testing::Fixture("mail/three-messages.mbox")),
                          ExtractLimits(), &e)
                  .ok());
  EXPECT_EQ(e.meta.extraction, "gmime-mbox");
  EXPECT_TRUE(e.blocks.empty());
  std::vector<std::string> names;
  for (const EmbeddedFile& f : e.embedded) {
    EXPECT_EQ(f.kind, "mbox_message");
    names.push_back(f.name);
  }
  std::vector<std::string> expected = {
      "message-1 First message.eml", "message-2 Second message.eml",
      "message-3 Third message with From line.eml"};
  EXPECT_EQ(names, expected);
  Extraction third;
  ASSERT_TRUE(ExtractEml(e.embedded[2].data, ExtractLimits(), &third).ok());
  EXPECT_EQ(third.meta.mail.subject, "Third message with From line");

  ExtractLimits two;
  two.max_archive_members = 2;
  Extraction limited;
  ASSERT_TRUE(ExtractMbox(testing::ReadFileOrDie(
                              testing::Fixture("mail/three-messages.mbox")),
                          two, &limited)
                  .ok());
  EXPECT_EQ(limited.embedded.size(), 2u);
  EXPECT_TRUE(HasWarning(limited, "more than 2 messages"));
}

// A mail of `count` small base64 attachments, built in memory.
std::string ManyAttachments(int count) {
  std::string mail =
      "From: a@example.org\r\nTo: b@example.org\r\nSubject: many\r\n"
      "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
      "--x\r\nContent-Type: text/plain\r\n\r\nSee the annexes.\r\n";
  for (int i = 0; i < count; ++i) {
    mail +=
        "--x\r\nContent-Type: application/octet-stream\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nYW5uZXg=\r\n";
  }
  return mail + "--x--\r\n";
}

TEST(MailExtractorTest, AttachmentLimits) {
  struct Case {
    int max_members;
    long long max_bytes;
    size_t kept;
    const char* warning;
  } cases[] = {
      {1000, 512LL << 20, 1000, "more than 1000 attachments"},
      {20, 512LL << 20, 20, "more than 20 attachments"},
      {1000, 50, 10, "more than 50 bytes: attachment-11.bin"},
  };
  std::string mail = ManyAttachments(10000);
  for (const Case& c : cases) {
    ExtractLimits limits;
    limits.max_archive_members = c.max_members;
    limits.max_archive_bytes = c.max_bytes;
    Extraction e;
    ASSERT_TRUE(ExtractEml(mail, limits, &e).ok());
    EXPECT_EQ(e.embedded.size(), c.kept) << c.warning;
    EXPECT_EQ(e.embedded[0].data, "annex");
    EXPECT_EQ(e.embedded[0].name, "attachment-1.bin");
    EXPECT_TRUE(HasWarning(e, c.warning)) << c.warning;
    ASSERT_EQ(e.blocks.size(), 1u);
  }
}

TEST(MailExtractorTest, HostileMailNeverCrashes) {
  struct Case {
    const char* fixture;
    Status::Code code;
    const char* warning;  // "" when none is expected
    size_t embedded;
  } cases[] = {
      {"mail/garbage-no-headers.eml", Status::Code::kCorrupt, "", 0},
      // The PDF is cut short: it is handed on, and the PDF reader says so.
      {"mail/truncated-base64.eml", Status::Code::kOk, "", 1},
      {"mail/unclosed-boundary.eml", Status::Code::kOk, "", 1},
      {"mail/nested-200.eml", Status::Code::kOk, "nested more than 32 deep", 0},
      {"mail/unknown-charset.eml", Status::Code::kOk,
       "unknown charset \"x-nope\"", 0},
  };
  for (const Case& c : cases) {
    Status s;
    Extraction e = ReadMail(c.fixture, &s);
    EXPECT_EQ(s.code(), c.code) << c.fixture << ": " << s.ToString();
    if (*c.warning != '\0') {
      EXPECT_TRUE(HasWarning(e, c.warning)) << c.fixture;
    }
    EXPECT_EQ(e.embedded.size(), c.embedded) << c.fixture;
  }
  Status s;
  ReadMail("mail/garbage-no-headers.eml", &s);
  EXPECT_EQ(s.message(), "not a readable e-mail message");
  Extraction e;
  EXPECT_EQ(ExtractMbox("not an mbox at all", ExtractLimits(), &e).code(),
            Status::Code::kCorrupt);
}

TEST(MailExtractorTest, EncryptedAndSignedBodies) {
  const std::string head =
      "From: a@example.org\r\nTo: b@example.org\r\nSubject: s\r\n"
      "MIME-Version: 1.0\r\n";
  struct Case {
    std::string body;
    Status::Code code;
    size_t blocks;
  } cases[] = {
      {"Content-Type: multipart/encrypted; protocol=\"application/"
       "pgp-encrypted\"; boundary=e\r\n\r\n--e\r\nContent-Type: "
       "application/pgp-encrypted\r\n\r\nVersion: 1\r\n--e\r\nContent-Type: "
       "application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n"
       "--e--\r\n",
       Status::Code::kEncrypted, 0},
      {"Content-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n"
       "Content-Transfer-Encoding: "
       "base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQ==\r\n",
       Status::Code::kEncrypted, 0},
      {"Content-Type: multipart/signed; protocol=\"application/"
       "pgp-signature\"; boundary=s\r\n\r\n--s\r\nContent-Type: text/plain\r\n"
       "\r\nSigned words.\r\n--s\r\nContent-Type: application/pgp-signature"
       "\r\n\r\n-----BEGIN PGP SIGNATURE-----\r\n--s--\r\n",
       Status::Code::kOk, 1},
  };
  for (const Case& c : cases) {
    Extraction e;
    Status s = ExtractEml(head + c.body, ExtractLimits(), &e);
    EXPECT_EQ(s.code(), c.code) << c.body;
    EXPECT_EQ(e.blocks.size(), c.blocks) << c.body;
    EXPECT_TRUE(e.embedded.empty()) << c.body;
    if (c.code == Status::Code::kEncrypted) {
      EXPECT_TRUE(HasWarning(e, "encrypted message body"));
    }
  }
}

TEST(MailExtractorTest, RegistryRoutesMail) {
  Extraction eml;
  ASSERT_TRUE(ExtractDocument(Format::kEml,
                              testing::ReadFileOrDie(testing::Fixture(
                                  "mail/samoa-submission.eml")),
                              ExtractLimits(), &eml)
                  .ok());
  EXPECT_EQ(eml.meta.extraction, "gmime");
  Extraction mbox;
  ASSERT_TRUE(ExtractDocument(Format::kMbox,
                              testing::ReadFileOrDie(
                                  testing::Fixture("mail/three-messages.mbox")),
                              ExtractLimits(), &mbox)
                  .ok());
  EXPECT_EQ(mbox.embedded.size(), 3u);
}

TEST(MailEndToEndTest, AttachmentsBecomeDocumentsWithProvenance) {
  std::vector<Json> docs = testing::RunAndReadDocuments(
      "fixtures/mail", testing::MakeTempDir("mail-e2e"));
  struct Case {
    const char* path_end;
    std::vector<std::string> chain;
    const char* format;
  } cases[] = {
      {"mail/samoa-submission.eml", {"file"}, "eml"},
      {"mail/samoa-submission.eml!/samoa-needs.pdf",
       {"file", "attachment"},
       "pdf"},
      {"mail/honduras-rfc2231.eml!/evaluación-acción-nacional.docx",
       {"file", "attachment"},
       "docx"},
      {"mail/forwarded-ghana.eml!/Ghana technology transfer letter.eml",
       {"file", "attached_message"},
       "eml"},
      {"transfer letter.eml!/ghana-technology-transfer.pdf",
       {"file", "attached_message", "attachment"},
       "pdf"},
      {"three-messages.mbox!/message-2 Second message.eml",
       {"file", "mbox_message"},
       "eml"},
  };
  for (const Case& c : cases) {
    const Json* found = nullptr;
    for (const Json& d : docs) {
      if (d["path"].get<std::string>().ends_with(c.path_end)) found = &d;
    }
    ASSERT_NE(found, nullptr) << c.path_end;
    EXPECT_EQ(testing::ProvenanceTypes(*found), c.chain) << c.path_end;
    EXPECT_EQ((*found)["format"], c.format) << c.path_end;
    EXPECT_EQ((*found)["status"], "ok") << c.path_end << (*found)["error"];
  }
  // The PDF attached twice (and once more in samoa-submission.eml) is one
  // document.
  int records = 0;
  for (const Json& d : docs) {
    std::string path = d["path"];
    if (path.starts_with("fixtures/mail/samoa-twice.eml!/")) ++records;
    if (path != "fixtures/mail/samoa-submission.eml!/samoa-needs.pdf") continue;
    ++records;
    std::vector<std::string> others = d["other_paths"];
    std::vector<std::string> expected = {
        "fixtures/mail/samoa-twice.eml!/samoa-needs.pdf",
        "fixtures/mail/samoa-twice.eml!/samoa-needs (1).pdf"};
    EXPECT_EQ(others, expected);
  }
  EXPECT_EQ(records, 1);
}

TEST(MailRealDocsTest, EveryMailEndsOkOrWithAClearStatus) {
  std::string corpus = testing::RealDocsDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/real-docs not present";
  std::vector<Json> docs = testing::RunAndReadDocuments(
      corpus + "/eml", testing::MakeTempDir("mail-real"));
  int files = 0;
  int ok = 0;
  for (const Json& d : docs) {
    if (d["provenance"].size() != 1) continue;
    ++files;
    std::string status = d["status"];
    if (status == "ok" || status == "ok_with_warnings") {
      ++ok;
    } else {
      EXPECT_FALSE(d["error"].get<std::string>().empty()) << d["path"];
    }
  }
  EXPECT_EQ(static_cast<size_t>(files),
            std::distance(std::filesystem::directory_iterator(corpus + "/eml"),
                          std::filesystem::directory_iterator()));
  EXPECT_GE(ok, files * 9 / 10) << ok << " of " << files << " ok";
  std::cout << "real-docs eml: " << ok << " of " << files << " ok\n";
}

}  // namespace
}  // namespace intake
