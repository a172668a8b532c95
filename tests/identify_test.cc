#include "pipeline/identify.h"

#include <gtest/gtest.h>

#include <string>

#include "pipeline/sha256.h"

namespace intake {
namespace {

using namespace std::string_literals;

TEST(FormatFromMimeTest, BytesDecideNotNames) {
  struct Case {
    std::string data;
    const char* mime;
    Format format;
  } cases[] = {
      {"", "application/x-empty", Format::kEmpty},
      {"%PDF-1.7\n...", "application/pdf", Format::kPdf},
      {"junk before header %PDF-1.4", "application/octet-stream", Format::kPdf},
      {"PK\x03\x04....word/document.xml", "application/zip", Format::kDocx},
      {"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.text",
       "application/zip", Format::kOdt},
      {"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.text-template",
       "application/zip", Format::kOdt},
      {"PK\x03\x04....content.xml....META-INF/manifest.xml", "application/zip",
       Format::kOdt},
      {"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
       "content.xml....META-INF/manifest.xml",
       "application/zip", Format::kUnknown},
      {"PK\x03\x04....letter.pdf", "application/zip", Format::kZip},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"s,
       "application/msword", Format::kDoc},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"s,
       "application/encrypted", Format::kEncryptedOffice},
      {"{\\rtf1\\ansi hello}", "text/rtf", Format::kRtf},
      {"\x78\x9F\x3E\x22\x01\x00...", "application/vnd.ms-tnef", Format::kTnef},
      {"From: a@b.org\nTo: c@d.org\n\nhi", "message/rfc822", Format::kEml},
      {"Received: by x\nFrom: a@b.org\nSubject: hi\n\nbody", "text/plain",
       Format::kEml},
      {"Return-Path: <a@b>\r\nX-Mailer: y\r\n  folded\r\n\r\nbody",
       "text/plain", Format::kEml},
      {"From a@b.org Mon Jan  1 00:00:00 2001\nFrom: a@b.org\nTo: c@d\n\nx",
       "text/plain", Format::kMbox},
      {"From sender Mon Jun 01 10:00:00 2009\n\nno headers\n", "text/plain",
       Format::kMbox},
      {"From here on, this is a letter.\nNothing more.\n", "text/plain",
       Format::kText},
      {"\xFF\xFE"
       "F\0r\0o\0m\0:\0 \0a\0@\0b\0\n\0T\0o\0:\0 \0c\0@\0d\0\n\0\n\0x\0"s,
       "application/octet-stream", Format::kEml},
      {"\0F\0r\0o\0m\0:\0 \0a\0@\0b\0\n\0T\0o\0:\0 \0c\0@\0d\0\n\0\n\0x"s,
       "application/octet-stream", Format::kEml},
      {"\xFF\xFEh\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0"s, "application/octet-stream",
       Format::kText},
      {"Note: this is text\nwith a colon line\n", "text/plain", Format::kText},
      {"plain words", "text/plain", Format::kText},
      {"From: a@b.org\nSubject: letter\nContent-Type: application/pdf\n\n"
       "%PDF-1.4 raw",
       "text/plain", Format::kEml},
      {"<?xml version=\"1.0\"?><a/>", "text/xml", Format::kXml},
      {"<html><body>hi</body></html>", "text/html", Format::kHtml},
      {"PK\x03\x04....[Content_Types].xml", "application/zip", Format::kDocx},
      {"\x7f"
       "ELF\x02\x01",
       "application/x-executable", Format::kUnknown},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatFromMime(c.mime, c.data), c.format) << c.mime;
  }
}

TEST(IdentifierTest, HashesAndSniffsWithLibmagic) {
  std::unique_ptr<Identifier> identifier;
  ASSERT_TRUE(Identifier::Open(&identifier).ok());
  Identity id = identifier->Identify("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  EXPECT_EQ(id.format, Format::kPdf);
  EXPECT_EQ(id.mime, "application/pdf");
  EXPECT_EQ(id.size, 15);
  EXPECT_EQ(id.doc_id.size(), 64u);
  Identity empty = identifier->Identify("");
  EXPECT_EQ(empty.format, Format::kEmpty);
  EXPECT_EQ(empty.doc_id,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Test, KnownVector) {
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace intake
