#include "extractors/rtf_story.h"

#include <utility>

#include "extractors/story_blocks.h"

namespace intake {
namespace {

// Nested tables deeper than this share one level: a hostile \itap must not
// size a vector.
constexpr int kMaxTableLevel = 64;

// RTF writers leave the space that ends a control word, and the tab after a
// list number, at the edges of paragraphs; a reader sees neither.
std::string_view TrimSpaces(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

void RtfStory::Append(std::string_view utf8, const RtfParagraphProps& props) {
  if (utf8.empty()) return;
  if (!has_props_) {
    props_ = props;
    has_props_ = true;
  }
  text_ += utf8;
}

void RtfStory::SetNumber(std::string number) { number_ = std::move(number); }

std::string RtfStory::TakeParagraph() {
  std::string text(TrimSpaces(text_));
  if (!IsBlank(text) && !number_.empty()) text = number_ + ' ' + text;
  text_.clear();
  number_.clear();
  has_props_ = false;
  return text;
}

RtfStory::Level& RtfStory::At(int level) {
  if (level < 1) level = 1;
  if (level > kMaxTableLevel) level = kMaxTableLevel;
  if (static_cast<int>(levels_.size()) < level) levels_.resize(level);
  return levels_[level - 1];
}

void RtfStory::EndParagraph(const RtfParagraphProps& props) {
  RtfParagraphProps p = has_props_ ? props_ : props;
  if (p.heading_level == 0) p.heading_level = props.heading_level;
  if (p.table_level == 0) p.table_level = props.table_level;
  if (p.table_level > 0) {
    std::string text = TakeParagraph();
    if (IsBlank(text)) return;
    Level& level = At(p.table_level);
    if (!level.cell.empty()) level.cell += ' ';
    level.cell += text;
    return;
  }
  Block block;
  block.text = std::string(TrimSpaces(text_));
  block.number = std::move(number_);
  TakeParagraph();
  // A body paragraph after cells with no \row: the writer never closed the
  // table, the reader still sees its rows before this text.
  CloseOpenRows();
  if (IsBlank(block.text)) return;
  block.heading_level = p.heading_level;
  if (block.heading_level > 0) {
    block.kind = BlockKind::kHeading;
  } else if (!block.number.empty()) {
    block.kind = BlockKind::kListItem;
  }
  blocks_.push_back(std::move(block));
}

void RtfStory::EndCell(int level) {
  Level& l = At(level);
  std::string text = TakeParagraph();
  if (!IsBlank(text)) {
    if (!l.cell.empty()) l.cell += ' ';
    l.cell += text;
  }
  l.cells.push_back(std::move(l.cell));
  l.cell.clear();
}

void RtfStory::EndRow(int level) {
  Level& l = At(level);
  if (!IsBlank(text_) || !l.cell.empty()) EndCell(level);
  std::vector<Block> rows;
  AppendTableRow(l.cells, &l.nested, &rows);
  l.cells.clear();
  int clamped =
      level < 1 ? 1 : (level > kMaxTableLevel ? kMaxTableLevel : level);
  std::vector<Block>* to = clamped == 1 ? &blocks_ : &At(clamped - 1).nested;
  for (Block& b : rows) to->push_back(std::move(b));
}

void RtfStory::CloseOpenRows() {
  for (int level = static_cast<int>(levels_.size()); level >= 1; --level) {
    const Level& l = levels_[level - 1];
    if (!l.cells.empty() || !l.cell.empty() || !l.nested.empty()) EndRow(level);
  }
}

std::vector<Block> RtfStory::Finish() {
  if (!IsBlank(text_)) {
    EndParagraph(props_);
  } else {
    TakeParagraph();
  }
  CloseOpenRows();
  return std::move(blocks_);
}

}  // namespace intake
