// One RTF story (the body, one footnote, one header or footer) assembled
// into Blocks: paragraph text, the list number from \listtext, table cells
// and rows at any nesting level.
//
// The extractor feeds it decoded UTF-8 and the structural events (\par,
// \cell, \row, \nestcell, \nestrow); the story decides block kinds the way
// the DOCX reader does, so both formats give the same passages: a heading
// when the paragraph has a heading level, a list item when it has a number,
// one kTableRow per row with cells joined " | ", rows of nested tables
// right after the row that holds them, blank paragraphs dropped. It knows
// nothing of RTF syntax.
#ifndef INTAKE_EXTRACTORS_RTF_STORY_H_
#define INTAKE_EXTRACTORS_RTF_STORY_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace intake {

// What the paragraph's formatting says when it ends.
struct RtfParagraphProps {
  int heading_level = 0;  // 1..9, 0 for none
  int table_level = 0;    // 0 outside tables, 1 in a table, 2+ nested
};

class RtfStory {
 public:
  // Text of the open paragraph. `props` is its formatting at this point;
  // the first text of a paragraph fixes its heading level and table level
  // (writers often close the group holding \s before the \par).
  void Append(std::string_view utf8, const RtfParagraphProps& props);
  // The rendered number of the open paragraph ("1.", "(a)", a bullet).
  void SetNumber(std::string number);

  void EndParagraph(const RtfParagraphProps& props);
  // Ends the open cell, or row, of the table at `level` (1 = outermost).
  void EndCell(int level);
  void EndRow(int level);

  // Closes what a truncated file left open and returns the blocks.
  std::vector<Block> Finish();

 private:
  struct Level {
    std::string cell;                // paragraphs of the open cell
    std::vector<std::string> cells;  // finished cells of the open row
    std::vector<Block> nested;       // rows of tables inside this row
  };

  // Text and number of the open paragraph, "" when there is none.
  std::string TakeParagraph();
  Level& At(int level);
  void CloseOpenRows();

  std::string text_;
  std::string number_;
  bool has_props_ = false;
  RtfParagraphProps props_;
  std::vector<Level> levels_;
  std::vector<Block> blocks_;
};

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_RTF_STORY_H_
