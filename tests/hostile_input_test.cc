// Files built to hurt the readers (fixtures/hostile/, made by
// scripts/fixtures/make_hostile.py): zip bombs, billion laughs, PDFs that
// loop, and external entities pointing at a secret file this test writes.
// Each must end in a record with a status and a reason, in bounded time and
// memory, and leak nothing. A hang shows as CTest's timeout.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "tests/in_process.h"
#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::Fixture;
using testing::NoOcrLimits;
using testing::ProcessInProcess;
using testing::ReadFileOrDie;

// Peak resident memory of this process so far, in KiB. CTest runs each
// test in a process of its own, so the growth across one call is what that
// call cost at its worst.
long PeakRssKib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct HostileFile {
  const char* file;  // under fixtures/
  const char* status;
  // In the error, or in a warning when the status is not a failure.
  const char* says;
  int members = -1;  // documents handed on, when it matters
};

const HostileFile kHostileFiles[] = {
    {"hostile/zip-ratio-bomb.zip", "ok_with_warnings",
     "expands past a compression ratio of 200", 1},
    {"hostile/zip-lying-size.zip", "unsupported",
     "expands past a compression ratio of 200", 0},
    {"hostile/zip-many-members.zip", "ok_with_warnings",
     "more than 1000 members: the rest were skipped", 1000},
    {"hostile/zip-lying-directory.zip", "corrupt", "not a zip archive", 0},
    {"hostile/billion-laughs.docx", "corrupt",
     "DTD not allowed in word/document.xml"},
    {"hostile/billion-laughs-utf16.docx", "corrupt",
     "DTD not allowed in word/document.xml"},
    {"hostile/billion-laughs-styles.docx", "ok_with_warnings",
     "DTD not allowed in word/styles.xml"},
    {"hostile/billion-laughs.odt", "corrupt", "DTD not allowed in content.xml"},
    {"hostile/pdf-page-tree-loop.pdf", "ok_with_warnings",
     "page 2 could not be read"},
    // One short line of text: the OCR gate fails the page, OCR is off.
    {"hostile/pdf-xref-prev-loop.pdf", "ok_with_warnings", "not OCRed"},
    {"hostile/pdf-form-draws-itself.pdf", "ok_with_warnings", "not OCRed"},
    {"hostile/pdf-self-reference.pdf", "empty",
     "no text layer, and OCR did not read it"},
    {"hostile/pdf-deep-arrays.pdf", "empty",
     "no text layer, and OCR did not read it"},
    {"broken/encrypted-user-password.pdf", "encrypted",
     "PDF is password protected"},
    {"broken/encrypted-owner-only.pdf", "ok", ""},
    {"odt/encrypted.odt", "encrypted", "ODT is password protected"},
};

TEST(HostileInputTest, EachFileEndsInItsStatusWithinBounds) {
  // The first call loads rules, model, gazetteer and magic database once
  // for the process; a harmless document pays for that here, so that the
  // memory bound below measures what each hostile file costs and not how
  // large the rules have grown.
  std::vector<DocumentRecord> warm_up_members;
  ProcessInProcess("warm-up.txt", "Dear Sir,\n\nYours sincerely,\n",
                   NoOcrLimits(), &warm_up_members, 2000);
  for (const HostileFile& c : kHostileFiles) {
    SCOPED_TRACE(c.file);
    std::string data = ReadFileOrDie(Fixture(c.file));
    long rss_before = PeakRssKib();
    auto start = std::chrono::steady_clock::now();
    std::vector<DocumentRecord> members;
    DocumentRecord r =
        ProcessInProcess(c.file, data, NoOcrLimits(), &members, 2000);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    EXPECT_EQ(r.status, c.status) << r.error;
    std::string said = r.error;
    for (const std::string& w : r.warnings) said += "\n" + w;
    EXPECT_NE(said.find(c.says), std::string::npos) << said;
    if (c.members >= 0) {
      EXPECT_EQ(r.embedded, c.members);
    }
    EXPECT_LT(seconds, 10.0);
    // A bomb that expanded would cost hundreds of MiB (the ratio bomb
    // alone holds 32 MiB, a billion laughs gigabytes).
    EXPECT_LT(PeakRssKib() - rss_before, 64 << 10) << "KiB";
  }
}

// Why a PDF gave no text says whether OCR read its pages and found no
// words, or left pages out; a note of our own (the file named as another
// type) is not a page left out.
TEST(HostileInputTest, EmptyPdfSaysWhetherOcrReadItsPages) {
  const std::string pdf = ReadFileOrDie(Fixture("hostile/pdf-blank-page.pdf"));
  for (const char* name : {"blank.pdf", "blank.docx"}) {
    SCOPED_TRACE(name);
    DocumentRecord read = ProcessInProcess(name, pdf, ExtractLimits{});
    EXPECT_EQ(read.status, "empty");
    EXPECT_NE(read.error.find("OCR read no words"), std::string::npos)
        << read.error;
  }
  DocumentRecord left_out = ProcessInProcess("blank.pdf", pdf, NoOcrLimits());
  EXPECT_EQ(left_out.status, "empty");
  EXPECT_NE(left_out.error.find("OCR did not read it (see warnings)"),
            std::string::npos)
      << left_out.error;
  EXPECT_FALSE(left_out.warnings.empty());
}

// ytnef prints its complaints with printf, onto the standard output where
// `intake extract` writes records: a winmail.dat it would complain about
// (here a record whose checksum is wrong) is kept as a plain attachment and
// never handed to it.
TEST(HostileInputTest, DamagedWinmailPrintsNothing) {
  std::string data = ReadFileOrDie(Fixture("hostile/winmail-bad-checksum.eml"));
  std::vector<DocumentRecord> members;
  ::testing::internal::CaptureStdout();
  DocumentRecord r = ProcessInProcess("winmail-bad-checksum.eml", data,
                                      NoOcrLimits(), &members, 10);
  std::fflush(stdout);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
  EXPECT_EQ(r.status, "ok_with_warnings") << r.error;
  ASSERT_EQ(members.size(), 1u);
  EXPECT_TRUE(members[0].path.ends_with("winmail.dat")) << members[0].path;
}

// The nesting limit is the runner's: archives ten deep are opened three
// levels down and the fourth is recorded, not opened.
TEST(HostileInputTest, NestedArchivesStopAtTheNestingLimit) {
  std::string out = testing::MakeTempDir("nested");
  std::vector<nlohmann::json> docs =
      testing::RunAndReadDocuments(Fixture("hostile/zip-nested-10.zip"), out);
  ASSERT_EQ(docs.size(), 4u);
  const nlohmann::json& deepest = docs.back();
  EXPECT_EQ(deepest["status"], "unsupported");
  EXPECT_NE(deepest["error"].get<std::string>().find(
                "nested more than 3 levels deep"),
            std::string::npos)
      << deepest["error"];
  EXPECT_EQ(deepest["provenance"].size(), 4u);
}

// --- External entities: built here, pointing at a secret of this run.

// Writes a zip archive; the first member is stored (ODF wants its mimetype
// so), the rest deflated.
void WriteZip(const std::string& path,
              const std::vector<std::pair<std::string, std::string>>& members) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr) << "libzip error " << error;
  for (size_t i = 0; i < members.size(); ++i) {
    const auto& [name, data] = members[i];
    zip_source_t* source =
        zip_source_buffer(archive, data.data(), data.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), source, 0);
    ASSERT_GE(index, 0) << zip_strerror(archive);
    zip_set_file_compression(archive, index,
                             i == 0 ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  ASSERT_EQ(zip_close(archive), 0);
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

constexpr char kW[] =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::vector<std::pair<std::string, std::string>> Docx(
    const std::string& document, const std::string& styles = "") {
  std::string types =
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
      "package/2006/content-types\"><Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+"
      "xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "</Types>";
  std::string rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
      "openxmlformats.org/package/2006/relationships\"><Relationship "
      "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
      "</Relationships>";
  std::string doc_rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
      "openxmlformats.org/package/2006/relationships\"><Relationship "
      "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>";
  std::vector<std::pair<std::string, std::string>> members = {
      {"[Content_Types].xml", types},
      {"_rels/.rels", rels},
      {"word/document.xml", document}};
  if (!styles.empty()) {
    members.push_back({"word/_rels/document.xml.rels", doc_rels});
    members.push_back({"word/styles.xml", styles});
  }
  return members;
}

std::string WordDocument(const std::string& prolog, const std::string& text) {
  return "<?xml version=\"1.0\"?>\n" + prolog + "<w:document xmlns:w=\"" + kW +
         "\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><w:body><w:p><w:r>"
         "<w:t>Dear Madam, " +
         text + "</w:t></w:r></w:p></w:body></w:document>";
}

std::vector<std::pair<std::string, std::string>> Odt(const std::string& prolog,
                                                     const std::string& text) {
  std::string content =
      "<?xml version=\"1.0\"?>\n" + prolog +
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:"
      "opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:"
      "opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body>"
      "<office:text><text:p>Dear Madam, " +
      text + "</text:p></office:text></office:body></office:document-content>";
  std::string manifest =
      "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:"
      "names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
      "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type="
      "\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry "
      "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
      "</manifest:manifest>";
  return {{"mimetype", "application/vnd.oasis.opendocument.text"},
          {"content.xml", content},
          {"META-INF/manifest.xml", manifest}};
}

// Every file under `dir`, read whole, with its path.
std::vector<std::pair<std::string, std::string>> FilesUnder(
    const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    files.push_back(
        {entry.path().string(), ReadFileOrDie(entry.path().string())});
  }
  return files;
}

TEST(HostileInputTest, ExternalEntitiesLeakNothing) {
  // A marker no fixture and no run could hold by chance.
  std::string marker =
      "intake-secret-" + std::to_string(std::random_device()()) + "-" +
      std::to_string(
          std::chrono::steady_clock::now().time_since_epoch().count());
  std::string secrets = testing::MakeTempDir("secrets");
  std::string secret = secrets + "/secret.txt";
  WriteText(secret, marker + "\n");
  std::string dtd = secrets + "/leak.dtd";
  WriteText(dtd, "<!ENTITY leak \"" + marker + "\">\n");
  std::string url = "file://" + secret;

  std::string in = testing::MakeTempDir("xxe-in");
  std::string entity =
      "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + url + "\">]>\n";
  WriteZip(in + "/entity.docx", Docx(WordDocument(entity, "&xxe;")));
  WriteZip(
      in + "/external-dtd.docx",
      Docx(WordDocument("<!DOCTYPE w:document SYSTEM \"file://" + dtd + "\">\n",
                        "&leak;")));
  WriteZip(in + "/parameter-entity.docx",
           Docx(WordDocument("<!DOCTYPE w:document [<!ENTITY % p SYSTEM \"" +
                                 url + "\"> %p;]>\n",
                             "")));
  WriteZip(in + "/xinclude.docx",
           Docx(WordDocument("", "</w:t><xi:include href=\"" + url +
                                     "\" parse=\"text\"/><w:t>")));
  WriteZip(in + "/entity-in-styles.docx",
           Docx(WordDocument("", "a letter"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE w:styles [<!ENTITY xxe "
                "SYSTEM \"" +
                    url + "\">]><w:styles xmlns:w=\"" + kW +
                    "\"><w:style w:styleId=\"&xxe;\"/></w:styles>"));
  WriteZip(in + "/entity.odt",
           Odt("<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM \"" +
                   url + "\">]>\n",
               "&xxe;"));
  WriteText(
      in + "/entity-html.eml",
      "From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\n"
      "MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n"
      "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"" +
          url + "\">]><html><body><p>Dear Madam, &xxe;</p><iframe src=\"" +
          url + "\"></iframe><img src=\"" + url + "\"></body></html>\r\n");
  WriteText(in + "/includetext.rtf",
            "{\\rtf1\\ansi{\\field{\\*\\fldinst INCLUDETEXT \"" + secret +
                "\"}{\\fldrslt Dear Madam}}\\par}");

  std::string out = testing::MakeTempDir("xxe-out");
  int status = testing::Intake("run " + in + " --out " + out + "/run",
                               out + "/run.stdout", out + "/run.stderr");
  EXPECT_GE(status, 0);
  for (const auto& [path, text] : FilesUnder(in)) {
    std::string name =
        out + "/" + std::filesystem::path(path).filename().string();
    testing::Intake("extract " + path, name + ".stdout", name + ".stderr");
  }
  std::vector<std::pair<std::string, std::string>> outputs = FilesUnder(out);
  ASSERT_GE(outputs.size(), 3u);
  for (const auto& [path, text] : outputs) {
    EXPECT_EQ(text.find(marker), std::string::npos) << "leaked into " << path;
  }
  // Every file was read: the run recorded all eight.
  std::vector<nlohmann::json> docs =
      testing::ReadJsonLines(out + "/run/documents.jsonl");
  EXPECT_EQ(docs.size(), 8u);
}

}  // namespace
}  // namespace intake
