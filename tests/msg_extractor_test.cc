// The Outlook .msg reader (and winmail.dat inside messages) on the
// generated files of fixtures/msg, on hostile ones, end to end through
// `intake run`, and over the real .msg files of ../shared/real-docs/other.
#include "extractors/msg_extractor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extractors/mail_extractor.h"
#include "extractors/msg_encryption.h"
#include "extractors/registry.h"
#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {
using Json = nlohmann::json;

Extraction Read(const std::string& fixture, Status* status = nullptr) {
  Extraction e;
  std::string data = testing::ReadFileOrDie(testing::Fixture(fixture));
  Status s = fixture.ends_with(".eml") ? ExtractEml(data, ExtractLimits(), &e)
                                       : ExtractMsg(data, ExtractLimits(), &e);
  if (status != nullptr) *status = s;
  EXPECT_TRUE(status != nullptr || s.ok()) << fixture << ": " << s.ToString();
  return e;
}

TEST(MsgExtractorTest, EnvelopeDecoded) {
  struct Case {
    const char* fixture;
    const char* from;
    const char* to;
    const char* cc;
    const char* subject;
    const char* message_id;
  } cases[] = {
      {"msg/samoa-submission.msg",
       "Ministry of Natural Resources and Environment <mnre@example.ws>",
       "Minamata Convention Secretariat <mea-minamata@example.org>",
       "Focal Point <focal@example.ws>", "Submission of Samoa under Article 14",
       "samoa-2021-07-05@example.ws"},
      // An 8-bit subject in code page 1252.
      {"msg/html-only-windows-1252.msg",
       "Minist\u00e8re <ministere@example.fr>", "mea-minamata@example.org", "",
       "Accus\u00e9 de r\u00e9ception", ""},
      {"msg/winmail-mauritius.msg", "Mauritius <env@example.mu>", "", "",
       "Transmittal from Mauritius", ""},
  };
  for (const Case& c : cases) {
    Extraction e = Read(c.fixture);
    const MailHeaders& h = e.meta.mail;
    EXPECT_TRUE(e.meta.is_mail) << c.fixture;
    EXPECT_EQ(e.meta.extraction, "msg") << c.fixture;
    EXPECT_EQ(h.from, c.from) << c.fixture;
    EXPECT_EQ(h.to, c.to) << c.fixture;
    EXPECT_EQ(h.cc, c.cc) << c.fixture;
    EXPECT_EQ(h.date, "2021-07-05T09:30:00Z") << c.fixture;
    EXPECT_EQ(h.subject, c.subject) << c.fixture;
    EXPECT_EQ(h.message_id, c.message_id) << c.fixture;
    EXPECT_EQ(e.meta.title, c.subject) << c.fixture;
    EXPECT_EQ(e.meta.author, c.from) << c.fixture;
    EXPECT_EQ(e.meta.created, h.date) << c.fixture;
  }
}

TEST(MsgExtractorTest, BodyBlocks) {
  struct Case {
    const char* fixture;
    std::vector<std::string> blocks;
  } cases[] = {
      {"msg/samoa-submission.msg",
       {"Dear Secretariat,",
        "Please find attached the submission of Samoa on its capacity-building "
        "needs under Article 14 of the Minamata Convention.",
        "Kind regards,\nMinistry of Natural Resources and Environment"}},
      {"msg/html-only-windows-1252.msg",
       {"Estimados se\u00f1ores,",
        "Le informamos que el Minist\u00e8re a re\u00e7u la lettre & les "
        "annexes.",
        "Cordialement,\nLe Minist\u00e8re"}},
      // No body of its own: the winmail.dat's.
      {"msg/winmail-mauritius.msg",
       {"Please find the transmittal letter of Mauritius.", "Best regards"}},
      {"msg/winmail-in-mail.eml",
       {"Please find the transmittal letter of Mauritius.", "Best regards"}},
      // Only a compressed RTF body (Outlook's rich-text editor).
      {"msg/rtf-only-ecuador.msg",
       {"Estimados se\u00f1ores:", "Presentaci\u00f3n del Ecuador",
        "El Ministerio del Ambiente remite la informaci\u00f3n sobre las "
        "necesidades de fortalecimiento de capacidades en virtud del "
        "art\u00edculo 14 del Convenio de Minamata sobre el Mercurio. La "
        "miner\u00eda de oro artesanal y en peque\u00f1a escala requiere "
        "asistencia t\u00e9cnica.",
        "Provincia | Azuay", "Atentamente,\nMinisterio del Ambiente"}},
  };
  for (const Case& c : cases) {
    Extraction e = Read(c.fixture);
    std::vector<std::string> texts;
    for (const Block& b : e.blocks) texts.push_back(b.text);
    EXPECT_EQ(texts, c.blocks) << c.fixture;
  }
}

TEST(MsgExtractorTest, AttachmentsKeepTheirNamesAndBytes) {
  struct Case {
    const char* fixture;
    const char* kind;
    const char* name;
    const char* original;  // fixture whose bytes the attachment holds
  } cases[] = {
      {"msg/samoa-submission.msg", "attachment", "samoa-needs.pdf",
       "letters/samoa-needs.pdf"},
      {"msg/winmail-mauritius.msg", "attachment", "mauritius-transmittal.docx",
       "letters/mauritius-transmittal.docx"},
      {"msg/winmail-in-mail.eml", "attachment", "mauritius-transmittal.docx",
       "letters/mauritius-transmittal.docx"},
      {"msg/forwarded-ghana.msg", "attached_message",
       "Ghana technology transfer letter.msg", nullptr},
  };
  for (const Case& c : cases) {
    Extraction e = Read(c.fixture);
    ASSERT_EQ(e.embedded.size(), 1u) << c.fixture;
    EXPECT_EQ(e.embedded[0].kind, c.kind) << c.fixture;
    EXPECT_EQ(e.embedded[0].name, c.name) << c.fixture;
    if (c.original != nullptr) {
      EXPECT_TRUE(e.embedded[0].data ==
                  testing::ReadFileOrDie(testing::Fixture(c.original)))
          << c.fixture;
    }
  }
}

TEST(MsgExtractorTest, AttachedMessageIsReadAgainAsAnMsg) {
  Extraction outer = Read("msg/forwarded-ghana.msg");
  ASSERT_EQ(outer.embedded.size(), 1u);
  Extraction inner;
  ASSERT_TRUE(ExtractDocument(Format::kMsg, outer.embedded[0].data,
                              ExtractLimits(), &inner)
                  .ok());
  EXPECT_EQ(inner.meta.mail.from, "Ghana EPA <ghana-epa@example.gh>");
  ASSERT_EQ(inner.embedded.size(), 1u);
  EXPECT_EQ(inner.embedded[0].name, "ghana-technology-transfer.pdf");
  EXPECT_TRUE(inner.embedded[0].data ==
              testing::ReadFileOrDie(
                  testing::Fixture("letters/ghana-technology-transfer.pdf")));
}

TEST(MsgExtractorTest, Limits) {
  struct Case {
    int max_members;
    long long max_member_bytes;
    size_t kept;
    const char* warning;
  } cases[] = {
      {0, 256LL << 20, 0, "more than 0 attachments"},
      {1000, 4096, 0, "samoa-needs.pdf: larger than 4096 bytes"},
  };
  std::string data =
      testing::ReadFileOrDie(testing::Fixture("msg/samoa-submission.msg"));
  for (const Case& c : cases) {
    ExtractLimits limits;
    limits.max_archive_members = c.max_members;
    limits.max_member_bytes = c.max_member_bytes;
    Extraction e;
    ASSERT_TRUE(ExtractMsg(data, limits, &e).ok());
    EXPECT_EQ(e.embedded.size(), c.kept) << c.warning;
    bool found = false;
    for (const std::string& w : e.warnings) {
      found = found || w.find(c.warning) != std::string::npos;
    }
    EXPECT_TRUE(found) << c.warning;
  }
}

// What the bytes say about encryption decides the status: an S/MIME
// envelope (class IPM.Note.SMIME, smime.p7m) or a PGP/MIME one is
// `encrypted` with a reason that says what to do; a clear-signed message
// is read.
TEST(MsgExtractorTest, EncryptedMessagesAreEncrypted) {
  Status s;
  Extraction e = Read("msg/smime-encrypted.msg", &s);
  EXPECT_EQ(s.code(), Status::Code::kEncrypted) << s.ToString();
  EXPECT_NE(s.message().find("S/MIME"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("ask the sender"), std::string::npos);
  EXPECT_TRUE(e.blocks.empty());
  // The ciphertext is not handed on as a document of its own.
  EXPECT_TRUE(e.embedded.empty());
  EXPECT_EQ(e.meta.mail.subject, "Confidential: national report");

  Extraction signed_msg = Read("msg/smime-signed.msg", &s);
  EXPECT_TRUE(s.ok()) << s.ToString();
  ASSERT_FALSE(signed_msg.blocks.empty());
  EXPECT_EQ(signed_msg.blocks[0].text,
            "The signed transmittal letter of the Ministry follows.");
}

TEST(MsgEncryptionTest, WhatTheBytesSay) {
  struct Case {
    const char* message_class;
    const char* headers;
    bool encrypted;
  } cases[] = {
      {"IPM.Note.SMIME", "", true},
      {"ipm.note.smime", "", true},
      {"IPM.Note.SMIME.MultipartSigned", "", false},
      {"IPM.Note", "", false},
      {"IPM.Note",
       "From: a@b\r\nContent-Type: multipart/encrypted;\r\n "
       "protocol=\"application/pgp-encrypted\"\r\n",
       true},
      {"IPM.Note", "Content-Type: application/pkcs7-mime; smime-type=x\r\n",
       true},
      {"IPM.Note", "Content-Type: multipart/signed; boundary=x\r\n", false},
      // A header that only mentions the type is not the Content-Type.
      {"IPM.Note", "X-Note: content-type: multipart/encrypted\r\n", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(!MessageEncryption(c.message_class, c.headers).empty(),
              c.encrypted)
        << c.message_class << " / " << c.headers;
  }
  struct Attachment {
    const char* name;
    const char* mime;
    bool envelope;
  } attachments[] = {
      {"smime.p7m", "application/pkcs7-mime", true},
      {"smime.p7m", "", true},
      {"anything.bin", "application/x-pkcs7-mime", true},
      {"ATT00001.pgp-encrypted", "application/pgp-encrypted", true},
      {"smime.p7m", "multipart/signed", false},
      {"letter.pdf", "application/pdf", false},
  };
  for (const Attachment& a : attachments) {
    EXPECT_EQ(!AttachmentEncryption(a.name, a.mime).empty(), a.envelope)
        << a.name << " / " << a.mime;
  }
}

// A PGP/MIME message saved by Outlook, from another project's tests.
TEST(MsgRealDocsTest, FakeEncryptedMsgIsEncrypted) {
  std::string corpus = testing::RealDocsDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/real-docs not present";
  Extraction e;
  Status s = ExtractMsg(
      testing::ReadFileOrDie(corpus +
                             "/other/Unstructured-IO__unstructured__fake-"
                             "encrypted.msg"),
      ExtractLimits(), &e);
  EXPECT_EQ(s.code(), Status::Code::kEncrypted) << s.ToString();
  EXPECT_NE(s.message().find("PGP"), std::string::npos) << s.message();
  EXPECT_TRUE(e.embedded.empty());
}

TEST(MsgExtractorTest, HostileFilesNeverCrash) {
  struct Case {
    const char* fixture;
    Status::Code code;
    const char* message;
    bool has_blocks;
  } cases[] = {
      {"msg/hostile/not-a-compound-file.msg", Status::Code::kCorrupt,
       "not an Outlook message", false},
      {"msg/hostile/truncated.msg", Status::Code::kCorrupt,
       "not an Outlook message", false},
      // libgsf drops the looping entry; the rest reads.
      {"msg/hostile/directory-loop.msg", Status::Code::kOk, "", true},
      {"msg/hostile/not-a-message.msg", Status::Code::kUnsupported,
       "compound file that is not an Outlook message", false},
      // Compressed RTF bodies: cut in half (what was there is read), of
      // an unknown kind, expanding to megabytes of "{\rtf1..." (groups
      // nested past the limit): no body, a warning.
      {"msg/hostile/rtf-cut.msg", Status::Code::kOk, "", true},
      {"msg/hostile/rtf-unknown-kind.msg", Status::Code::kOk, "", false},
      {"msg/hostile/rtf-expands.msg", Status::Code::kOk, "", false},
  };
  for (const Case& c : cases) {
    Status s;
    ::testing::internal::CaptureStderr();
    Extraction e = Read(c.fixture, &s);
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "") << c.fixture;
    EXPECT_EQ(s.code(), c.code) << c.fixture << ": " << s.ToString();
    EXPECT_EQ(s.message(), c.message) << c.fixture;
    EXPECT_EQ(!e.blocks.empty(), c.has_blocks) << c.fixture;
  }
}

TEST(TnefExtractorTest, BareWinmailIsAContainerWithABody) {
  std::string data =
      testing::ReadFileOrDie(testing::Fixture("msg/winmail.dat"));
  Extraction e;
  ASSERT_TRUE(ExtractDocument(Format::kTnef, data, ExtractLimits(), &e).ok());
  EXPECT_EQ(e.meta.extraction, "tnef");
  // Its body exists only as compressed RTF.
  ASSERT_EQ(e.blocks.size(), 5u);
  EXPECT_EQ(e.blocks[1].text, "Presentaci\u00f3n del Ecuador");
  ASSERT_EQ(e.embedded.size(), 1u);
  EXPECT_EQ(e.embedded[0].kind, "attachment");
  EXPECT_EQ(e.embedded[0].name, "mauritius-transmittal.docx");
  EXPECT_TRUE(e.embedded[0].data == testing::ReadFileOrDie(testing::Fixture(
                                        "letters/mauritius-transmittal.docx")));
}

TEST(TnefExtractorTest, DamagedOrLimited) {
  std::string data =
      testing::ReadFileOrDie(testing::Fixture("msg/winmail.dat"));
  struct Case {
    const char* what;
    std::string data;
    long long max_archive_bytes;
    Status::Code code;
    size_t files;
  } cases[] = {
      {"whole", data, 512LL << 20, Status::Code::kOk, 1},
      {"cut",
       testing::ReadFileOrDie(testing::Fixture("msg/hostile/winmail-cut.dat")),
       512LL << 20, Status::Code::kCorrupt, 0},
      {"signature only", data.substr(0, 4), 512LL << 20, Status::Code::kCorrupt,
       0},
      {"one checksum wrong",
       data.substr(0, 55) + static_cast<char>(data[55] ^ 1) + data.substr(56),
       512LL << 20, Status::Code::kCorrupt, 0},
      {"attachments past the byte limit", data, 1024, Status::Code::kOk, 0},
  };
  for (const Case& c : cases) {
    ExtractLimits limits;
    limits.max_archive_bytes = c.max_archive_bytes;
    Extraction e;
    ::testing::internal::CaptureStdout();
    Status s = ExtractDocument(Format::kTnef, c.data, limits, &e);
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "") << c.what;
    EXPECT_EQ(s.code(), c.code) << c.what << ": " << s.ToString();
    EXPECT_EQ(e.embedded.size(), c.files) << c.what;
  }
}

TEST(MsgEndToEndTest, AttachmentsBecomeDocumentsWithProvenance) {
  std::vector<Json> docs = testing::RunAndReadDocuments(
      "fixtures/msg", testing::MakeTempDir("msg-e2e"));
  struct Case {
    const char* path_end;
    std::vector<std::string> chain;
    const char* format;
  } cases[] = {
      {"msg/samoa-submission.msg", {"file"}, "msg"},
      {"msg/samoa-submission.msg!/samoa-needs.pdf",
       {"file", "attachment"},
       "pdf"},
      {"msg/winmail-mauritius.msg!/mauritius-transmittal.docx",
       {"file", "attachment"},
       "docx"},
      {"msg/forwarded-ghana.msg!/Ghana technology transfer letter.msg",
       {"file", "attached_message"},
       "msg"},
      {"transfer letter.msg!/ghana-technology-transfer.pdf",
       {"file", "attached_message", "attachment"},
       "pdf"},
      // A winmail.dat on its own is a container like a ZIP archive.
      {"msg/winmail.dat", {"file"}, "tnef"},
      {"msg/winmail.dat!/mauritius-transmittal.docx",
       {"file", "attachment"},
       "docx"},
  };
  for (const Case& c : cases) {
    const Json* found = nullptr;
    for (const Json& d : docs) {
      std::vector<std::string> paths = {d["path"]};
      for (const Json& p : d["other_paths"]) paths.push_back(p);
      for (const std::string& p : paths) {
        if (p.ends_with(c.path_end)) found = &d;
      }
    }
    ASSERT_NE(found, nullptr) << c.path_end;
    EXPECT_EQ((*found)["format"], c.format) << c.path_end;
    EXPECT_EQ((*found)["status"], "ok") << c.path_end << (*found)["error"];
    if (std::string((*found)["path"]).ends_with(c.path_end)) {
      EXPECT_EQ(testing::ProvenanceTypes(*found), c.chain) << c.path_end;
    }
  }
}

TEST(MsgRealDocsTest, EveryMsgEndsOkOrWithAClearStatus) {
  std::string corpus = testing::RealDocsDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/real-docs not present";
  int files = 0;
  int ok = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(corpus + "/other")) {
    if (entry.path().extension() != ".msg") continue;
    ++files;
    Extraction e;
    Status s = ExtractMsg(testing::ReadFileOrDie(entry.path().string()),
                          ExtractLimits(), &e);
    if (s.ok()) {
      ++ok;
      EXPECT_TRUE(e.meta.is_mail) << entry.path();
      EXPECT_EQ(e.meta.extraction, "msg") << entry.path();
    } else {
      EXPECT_FALSE(s.message().empty()) << entry.path();
      EXPECT_TRUE(e.blocks.empty()) << entry.path();
    }
  }
  EXPECT_GE(ok, files * 9 / 10) << ok << " of " << files << " ok";
  std::cout << "real-docs msg: " << ok << " of " << files << " ok\n";
}

}  // namespace
}  // namespace intake
