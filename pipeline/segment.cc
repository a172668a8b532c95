#include "pipeline/segment.h"

#include <algorithm>
#include <regex>

#include "pipeline/font_sizes.h"
#include "pipeline/letter_furniture.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

// A heading is short and does not read as a sentence.
constexpr int kMaxHeadingWords = 14;
// A paragraph number with its space fits in this many bytes.
constexpr size_t kMaxNumberBytes = 24;
// A heading known only by standing alone on its line is shorter still.
constexpr int kMaxTitleLineWords = 10;

bool IsUpperCaseText(std::string_view text) {
  int letters = 0;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 4;
}

// A lone short line that starts with a capital and does not end like a
// sentence or a table row: the bold heading of a letter ("Background").
bool LooksLikeTitleLine(const Block& b) {
  std::string_view text = b.text;
  if (b.page <= 0 || text.find('\n') != std::string_view::npos) return false;
  if (CountWords(text) > kMaxTitleLineWords) return false;
  if (!(text[0] >= 'A' && text[0] <= 'Z')) return false;
  char last = text.back();
  return !(last >= '0' && last <= '9') && last != ':' && last != ')';
}

bool LooksLikeHeading(const Block& b, const LeadingNumber& split,
                      double body_font_size) {
  std::string_view text = b.text;
  if (CountWords(text) > kMaxHeadingWords || text.size() > 120) return false;
  char last = text.back();
  if (last == '.' || last == ',' || last == ';') return false;
  static const std::regex kRoman(R"(^([IVX]{1,5}|[A-H])\.$)");
  static const std::regex kSection(
      R"(^(annex|appendix|section|part|chapter|anexo|annexe)\b)",
      std::regex::icase);
  if (std::regex_match(split.number, kRoman)) return true;
  if (std::regex_search(split.rest, kSection)) return true;
  if (body_font_size > 0 && b.font_size > body_font_size + 1) return true;
  if (IsUpperCaseText(text)) return true;
  return LooksLikeTitleLine(b);
}

Passage FromBlock(const Block& b, double body_font_size) {
  Passage p;
  p.page = b.page;
  p.ocr_confidence = b.ocr_confidence;
  switch (b.kind) {
    case BlockKind::kHeaderFooter:
      p.kind = PassageKind::kHeaderFooter;
      p.text = b.text;
      return p;
    case BlockKind::kFootnote:
      p.kind = PassageKind::kFootnote;
      p.text = b.text;
      return p;
    case BlockKind::kTableRow:
      p.kind = PassageKind::kTableRow;
      p.text = b.text;
      return p;
    default:
      break;
  }
  LeadingNumber split;
  if (!b.number.empty()) {
    split.number = b.number;
    split.rest = b.text;
  } else {
    split = SplitLeadingNumber(b.text);
  }
  p.number = split.number;
  bool bullet = !split.number.empty() && CountCodePoints(split.number) == 1 &&
                !std::isalnum(static_cast<unsigned char>(split.number[0]));
  p.text = split.number.empty() || bullet ? split.rest
                                          : split.number + " " + split.rest;
  if (b.kind == BlockKind::kHeading ||
      LooksLikeHeading(b, split, body_font_size)) {
    p.kind = PassageKind::kHeading;
  } else if (split.number.empty() || IsParagraphNumber(split.number)) {
    p.kind = PassageKind::kParagraph;
  } else {
    p.kind = PassageKind::kListItem;
  }
  return p;
}

}  // namespace

LeadingNumber SplitLeadingNumber(std::string_view text) {
  static const std::regex kNumber(
      R"(^(\d{1,3}(\.\d{1,3})*\.?|\(\d{1,3}\)|\([a-z]{1,2}\)|[a-z]\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)|(?:[IVX]{1,5})\.|•|▪|◦|·|–|-) +)");
  std::match_results<std::string_view::const_iterator> m;
  LeadingNumber out;
  // libstdc++'s std::regex recurses per character: it only ever sees the
  // few bytes a number can take, never a whole (possibly hostile) line.
  std::string_view head = text.substr(0, kMaxNumberBytes);
  if (std::regex_search(head.begin(), head.end(), m, kNumber)) {
    std::string number = m[1].str();
    std::string rest(text.substr(m[0].length()));
    // "2021 was a year..." is a sentence, not paragraph 2021.
    bool bare_digits =
        number.find_first_not_of("0123456789") == std::string::npos;
    if (!bare_digits && !rest.empty()) {
      out.number = std::move(number);
      out.rest = std::move(rest);
      return out;
    }
  }
  out.rest = std::string(text);
  return out;
}

bool IsParagraphNumber(std::string_view number) {
  if (number.size() > kMaxNumberBytes) return false;
  static const std::regex kDecimal(R"(^\d{1,3}(\.\d{1,3})*\.?$)");
  return std::regex_match(number.begin(), number.end(), kDecimal);
}

std::vector<Passage> Segment(const std::vector<Block>& blocks) {
  double body_font_size = BodyFontSize(blocks);
  std::vector<Passage> passages;
  passages.reserve(blocks.size());
  for (const Block& b : blocks) {
    passages.push_back(FromBlock(b, body_font_size));
  }
  MarkLetterFurniture(&passages);
  AssignOffsets(&passages);
  return passages;
}

void AssignOffsets(std::vector<Passage>* passages) {
  int offset = 0;
  for (Passage& p : *passages) {
    p.start = offset;
    p.end = offset + CountCodePoints(p.text);
    offset = p.end + 2;  // the "\n\n" between passages
  }
}

}  // namespace intake
