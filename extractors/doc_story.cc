#include "extractors/doc_story.h"

#include <utility>

#include "extractors/story_blocks.h"

namespace intake {
namespace {

constexpr char16_t kCellMark = 0x07;
constexpr char16_t kTab = 0x09;
constexpr char16_t kLineBreak = 0x0B;
constexpr char16_t kPageBreak = 0x0C;
constexpr char16_t kParagraphMark = 0x0D;
constexpr char16_t kColumnBreak = 0x0E;
constexpr char16_t kFieldBegin = 0x13;
constexpr char16_t kFieldSeparator = 0x14;
constexpr char16_t kFieldEnd = 0x15;
constexpr char16_t kNonBreakingHyphen = 0x1E;

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsHigh(char16_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool IsLow(char16_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// Walks one story. Fields nest; a character is shown only when every
// open field is past its separator (the code is hidden, the result
// shown). Paragraph and cell marks always count, wherever they stand,
// so a damaged field cannot swallow the table structure.
class StoryWalker {
 public:
  StoryWalker(const ParagraphIndex& paragraphs, Numbering* numbering,
              std::vector<Block>* out)
      : paragraphs_(paragraphs), numbering_(numbering), out_(out) {}

  void Walk(std::span<const DocChar> story) {
    for (const DocChar& ch : story) {
      Char(ch);
      previous_ = ch.unit;
    }
    if (!text_.empty()) EndParagraph(std::nullopt, false);
    FlushRow();
  }

 private:
  void Char(const DocChar& ch) {
    switch (ch.unit) {
      case kParagraphMark:
      case kPageBreak:
        EndParagraph(paragraphs_.Find(ch.fc), false);
        return;
      case kCellMark:
        EndParagraph(paragraphs_.Find(ch.fc), true);
        return;
      case kFieldBegin:
        fields_.push_back(false);
        ++in_code_;
        return;
      case kFieldSeparator:
        if (!fields_.empty() && !fields_.back()) {
          fields_.back() = true;
          --in_code_;
        }
        return;
      case kFieldEnd:
        if (!fields_.empty()) {
          if (!fields_.back()) --in_code_;
          fields_.pop_back();
        }
        return;
      default:
        break;
    }
    if (in_code_ > 0) return;
    if (ch.unit == kLineBreak || ch.unit == kColumnBreak) {
      text_ += u'\n';
    } else if (ch.unit == kTab) {
      text_ += u'\t';
    } else if (ch.unit == kNonBreakingHyphen) {
      text_ += u'-';
    } else if (ch.unit >= 0x20) {
      text_ += ch.unit;
    }
    // Other control characters anchor pictures, notes, comments and
    // drawings, or are optional hyphens: nothing a reader sees inline.
  }

  void EndParagraph(std::optional<ParagraphProps> props, bool cell_mark) {
    Block block;
    block.text = Utf16UnitsToUtf8(text_);
    text_.clear();
    if (props) {
      int level = props->istd >= 1 && props->istd <= 9 ? props->istd : 0;
      if (props->outline_level >= 0) level = props->outline_level + 1;
      if (level > 0) {
        block.kind = BlockKind::kHeading;
        block.heading_level = level;
      }
      // Word counts empty numbered paragraphs too: advance before the
      // blank ones are dropped.
      if (numbering_ != nullptr && props->ilfo != 0) {
        block.number = numbering_->Next(props->ilfo, props->ilvl);
        if (level == 0 && !block.number.empty()) {
          block.kind = BlockKind::kListItem;
        }
      }
    }
    if (cell_mark) {
      // Without properties, a row's end mark is known as an empty cell
      // mark right after another; an empty cell looks the same, but a
      // row cut short beats cells run together.
      bool row_end = props ? props->row_end
                           : previous_ == kCellMark && IsBlank(block.text) &&
                                 cell_paragraphs_.empty();
      if (row_end) {
        FlushRow();
        return;
      }
      cell_paragraphs_.push_back(std::move(block));
      std::vector<Block> nested;
      cells_.push_back(CellLine(std::move(cell_paragraphs_), &nested));
      cell_paragraphs_.clear();
      return;
    }
    if (props && props->in_table) {
      cell_paragraphs_.push_back(std::move(block));
      return;
    }
    FlushRow();
    if (!IsBlank(block.text)) out_->push_back(std::move(block));
  }

  // A row whose end mark is missing (a damaged file, a table at the end
  // of a story) still becomes a row.
  void FlushRow() {
    if (!cell_paragraphs_.empty()) {
      std::vector<Block> nested;
      cells_.push_back(CellLine(std::move(cell_paragraphs_), &nested));
      cell_paragraphs_.clear();
    }
    if (cells_.empty()) return;
    std::vector<Block> nested;
    AppendTableRow(cells_, &nested, out_);
    cells_.clear();
  }

  const ParagraphIndex& paragraphs_;
  Numbering* numbering_;
  std::vector<Block>* out_;
  std::u16string text_;
  std::vector<bool> fields_;  // per open field: past its separator
  int in_code_ = 0;           // open fields not past their separator
  std::vector<Block> cell_paragraphs_;
  std::vector<std::string> cells_;
  char16_t previous_ = 0;
};

}  // namespace

std::string Utf16UnitsToUtf8(std::u16string_view units) {
  std::string out;
  out.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    char16_t u = units[i];
    if (IsHigh(u) && i + 1 < units.size() && IsLow(units[i + 1])) {
      char32_t cp = 0x10000 + ((char32_t{u} - 0xD800) << 10) +
                    (char32_t{units[i + 1]} - 0xDC00);
      AppendUtf8(cp, &out);
      ++i;
    } else if (IsHigh(u) || IsLow(u)) {
      AppendUtf8(0xFFFD, &out);
    } else {
      AppendUtf8(u, &out);
    }
  }
  return out;
}

void AppendDocStory(std::span<const DocChar> story,
                    const ParagraphIndex& paragraphs, Numbering* numbering,
                    std::vector<Block>* out) {
  StoryWalker(paragraphs, numbering, out).Walk(story);
}

}  // namespace intake
