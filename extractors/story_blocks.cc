#include "extractors/story_blocks.h"

#include <utility>

namespace intake {

namespace {
constexpr char kSpace[] = " \t\r\n";
}  // namespace

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(kSpace) == std::string_view::npos;
}

std::string_view Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

void AppendTableRow(const std::vector<std::string>& cells,
                    std::vector<Block>* nested, std::vector<Block>* out) {
  std::string text;
  bool any = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    any = any || !IsBlank(cells[i]);
    if (i > 0) text += " | ";
    text += cells[i];
  }
  if (any) {
    Block block;
    block.kind = BlockKind::kTableRow;
    block.text = std::move(text);
    out->push_back(std::move(block));
  }
  for (Block& b : *nested) out->push_back(std::move(b));
  nested->clear();
}

std::string CellLine(std::vector<Block> paragraphs,
                     std::vector<Block>* nested) {
  std::string text;
  for (Block& b : paragraphs) {
    if (b.kind == BlockKind::kTableRow) {
      nested->push_back(std::move(b));
      continue;
    }
    if (!text.empty()) text += ' ';
    if (!b.number.empty()) text += b.number + ' ';
    text += b.text;
  }
  return text;
}

void AppendHeaderFooterBlocks(std::vector<Block> story,
                              std::set<std::string>* seen,
                              std::vector<Block>* out) {
  for (Block& b : story) {
    if (!seen->insert(b.number + '\x1f' + b.text).second) continue;
    b.kind = BlockKind::kHeaderFooter;
    b.heading_level = 0;
    out->push_back(std::move(b));
  }
}

Block NoteBlock(const std::vector<Block>& paragraphs) {
  Block block;
  block.kind = BlockKind::kFootnote;
  for (const Block& b : paragraphs) {
    if (!block.text.empty()) block.text += '\n';
    if (!b.number.empty()) block.text += b.number + ' ';
    block.text += Trim(b.text);
  }
  return block;
}

}  // namespace intake
