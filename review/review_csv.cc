#include "review/review_csv.h"

#include <cstdio>

#include "review/csv.h"

namespace intake {
namespace {

std::string Confidences(const OutputPassage& p) {
  std::string out;
  for (const auto& [label, value] : p.confidence) {
    char number[16];
    std::snprintf(number, sizeof number, "%.3f", value);
    if (!out.empty()) out += ' ';
    out += label + "=" + number;
  }
  return out;
}

// Byte offset of code point `n` of UTF-8 `text` (its size when past it).
size_t ByteOffset(const std::string& text, long long n) {
  size_t i = 0;
  for (long long seen = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen++ == n) return i;
  }
  return text.size();
}

// The evidence as the words that fired: "article14:14.1 «training»".
std::string Evidence(const OutputPassage& p) {
  std::string out;
  for (const OutputEvidence& e : p.evidence) {
    if (!e.context.empty()) {
      if (!out.empty()) out += "; ";
      out += e.label + " «" + e.context + "»";
      continue;
    }
    size_t begin = ByteOffset(p.text, e.start);
    size_t end = ByteOffset(p.text, e.end);
    if (!out.empty()) out += "; ";
    out += e.label + " «" + p.text.substr(begin, end - begin) + "»";
  }
  return out;
}

}  // namespace

const std::vector<std::string>& ReviewCsvColumns() {
  static const std::vector<std::string> columns = {
      "rank", "reasons", "passage_id", "doc_id", "text_sha256", "document",
      "submitter", "page", "kind", "text", "article14", "activity", "theme",
      "stance", "confidence", "evidence",
      // Filled by the reviewer:
      "decision", "reviewer_article14", "reviewer_activity", "reviewer_theme",
      "reviewer_stance", "reviewer", "comment"};
  return columns;
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

std::string ReviewCsvHead() {
  return std::string(kUtf8Bom) + CsvRow(ReviewCsvColumns());
}

std::string ReviewCsvRow(const ReviewItem& item, int rank) {
  const OutputPassage& p = *item.passage;
  return CsvRow({std::to_string(rank),
                 JoinCodes(item.reasons),
                 p.passage_id,
                 p.doc_id,
                 item.text_sha256,
                 item.document ? item.document->path : "",
                 SubmitterOf(item),
                 std::to_string(p.page),
                 p.kind,
                 p.text,
                 JoinCodes(p.article14),
                 JoinCodes(p.activity),
                 JoinCodes(p.theme),
                 p.stance,
                 Confidences(p),
                 Evidence(p),
                 "",
                 "",
                 "",
                 "",
                 "",
                 "",
                 ""});
}

std::string ReviewCsv(const std::vector<ReviewItem>& items) {
  std::string out = ReviewCsvHead();
  int rank = 0;
  for (const ReviewItem& item : items) out += ReviewCsvRow(item, ++rank);
  return out;
}

}  // namespace intake
