#include "pipeline/page_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string_view>

namespace intake {
namespace {

bool IsJoinable(const Block& b) {
  return b.kind == BlockKind::kBody || b.kind == BlockKind::kListItem;
}

bool EndsSentence(std::string_view text) {
  if (text.empty()) return true;
  char c = text.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ')' ||
         c == '"';
}

bool StartsWithLower(std::string_view text) {
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i,
          static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_islower(c);
}

bool EndsInWord(std::string_view text) {
  if (text.empty()) return false;
  char c = text.back();
  return (c >= 'a' && c <= 'z') || c == ',' || c == '-' ||
         (static_cast<unsigned char>(c) & 0x80);
}

// The next block reads on from the previous one: it starts in lower case,
// or the previous one broke off after a word or a comma (a heading or a
// numbered paragraph never reads on: the caller checks for numbers).
bool ReadsOn(std::string_view previous, std::string_view next) {
  if (next.empty()) return false;
  return StartsWithLower(next) || EndsInWord(previous);
}

bool StartsWithDigitOrBracket(std::string_view text) {
  return !text.empty() && ((text[0] >= '0' && text[0] <= '9') ||
                           text[0] == '(' || text[0] == '[');
}

}  // namespace

std::vector<Block> JoinAcrossPageBreaks(std::vector<Block> blocks) {
  std::vector<Block> out;
  out.reserve(blocks.size());
  // Index in `out` of the last joinable block, and the page it ends on.
  long open = -1;
  int open_page = 0;
  for (Block& block : blocks) {
    bool page_turned = block.page > open_page && open >= 0;
    if (IsJoinable(block) && page_turned && block.number.empty() &&
        !StartsWithDigitOrBracket(block.text)) {
      Block& prev = out[open];
      if (!EndsSentence(prev.text) && ReadsOn(prev.text, block.text)) {
        if (prev.text.back() == '-') {
          prev.text += block.text;
        } else {
          prev.text += " " + block.text;
        }
        // The joined text is only as sure as its least sure part.
        if (block.ocr_confidence >= 0 &&
            (prev.ocr_confidence < 0 ||
             block.ocr_confidence < prev.ocr_confidence)) {
          prev.ocr_confidence = block.ocr_confidence;
        }
        open_page = block.page;
        continue;
      }
    }
    if (IsJoinable(block)) {
      open = static_cast<long>(out.size());
      open_page = block.page;
    } else if (block.kind != BlockKind::kHeaderFooter &&
               block.kind != BlockKind::kFootnote &&
               block.kind != BlockKind::kTableRow) {
      open = -1;
    }
    out.push_back(std::move(block));
  }
  return out;
}

}  // namespace intake
