// A letter in Spanish that was signed and scanned
// (fixtures/scans/honduras-mia-nap-scan.pdf, made from the Honduras DOCX
// by scripts/fixtures/make_scan_cases.py) goes through the whole pipeline
// as the DOCX does: OCRed, Spanish, from Honduras, with its words.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>

#include "pipeline/records.h"
#include "tests/in_process.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

// Words of four letters or more, ASCII lower-cased; bytes of UTF-8
// sequences count as letters, so "validación" stays one word.
std::set<std::string> LongWords(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  for (char ch : text + " ") {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
      word += static_cast<char>(c < 0x80 ? (c | 0x20) : c);
      continue;
    }
    if (word.size() >= 4) words.insert(word);
    word.clear();
  }
  return words;
}

std::string PassagesText(const DocumentRecord& record) {
  std::string text;
  for (const Passage& p : record.passages) text += p.text + "\n";
  return text;
}

DocumentRecord Process(const std::string& fixture) {
  return testing::ProcessInProcess(
      fixture, testing::ReadFileOrDie(testing::Fixture(fixture)),
      ExtractLimits());
}

TEST(SpanishScanTest, ReadsAsTheLetterItWasScannedFrom) {
  DocumentRecord docx = Process("letters/honduras-mia-nap.docx");
  ASSERT_EQ(docx.status, kStatusOk) << docx.error;
  DocumentRecord scan = Process("scans/honduras-mia-nap-scan.pdf");
  ASSERT_EQ(scan.status, kStatusOk) << scan.error;

  EXPECT_EQ(scan.meta.extraction, "ocr");
  ASSERT_EQ(scan.meta.ocr_pages.size(), 2u);
  for (const PageOcr& page : scan.meta.ocr_pages) {
    EXPECT_EQ(page.reason, "no_text");
    EXPECT_GT(page.confidence, 0.6);
  }
  EXPECT_EQ(scan.lang, "es");
  EXPECT_EQ(scan.submitter.name, docx.submitter.name);
  EXPECT_EQ(scan.submitter.code, "HND");

  std::set<std::string> want = LongWords(PassagesText(docx));
  std::set<std::string> got = LongWords(PassagesText(scan));
  int found = 0;
  for (const std::string& w : want) found += got.count(w);
  double recall = static_cast<double>(found) / want.size();
  // What the English scan of the Samoa letter must reach (pdf_ocr_test.cc).
  EXPECT_GE(recall, 0.85) << found << " of " << want.size();
  std::printf("honduras-mia-nap-scan: recall %.3f (%d of %zu words)\n", recall,
              found, want.size());
}

}  // namespace
}  // namespace intake
