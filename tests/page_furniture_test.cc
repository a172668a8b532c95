#include "pipeline/page_furniture.h"

#include <gtest/gtest.h>

#include "pipeline/footnotes.h"

namespace intake {
namespace {

TEST(IsPageNumberTest, Table) {
  struct Case {
    const char* text;
    bool page_number;
  } cases[] = {
      {"3", true},
      {"- 3 -", true},
      {"– 12 –", true},
      {"Page 3", true},
      {"page 3 of 10", true},
      {"3/10", true},
      {"iv", true},
      {"Página 2 de 5", true},
      {"Page 2 sur 4", true},
      {"2021", true},
      {"Article 3", false},
      {"3. Training", false},
      {"Paragraph 3", false},
      {"", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsPageNumber(c.text), c.page_number) << c.text;
  }
}

TEST(RepeatSignatureTest, MasksDigitsAndCase) {
  EXPECT_EQ(RepeatSignature("Submission of Chile  - Page 12"),
            RepeatSignature("SUBMISSION OF CHILE - page 3"));
  EXPECT_NE(RepeatSignature("Submission of Chile"),
            RepeatSignature("Submission of Peru"));
}

Block At(int page, const char* text, double top, double bottom) {
  Block b;
  b.page = page;
  b.text = text;
  b.top = top;
  b.bottom = bottom;
  return b;
}

TEST(MarkPageFurnitureTest, RepeatedHeadAndChangingPageNumbers) {
  std::vector<Block> blocks = {
      At(1, "Ministry of Environment - Submission", 0.03, 0.05),
      At(1, "Body text of page one.", 0.3, 0.5),
      At(1, "Page 1 of 3", 0.95, 0.96),
      At(2, "Ministry of Environment - Submission", 0.03, 0.05),
      At(2, "Body text of page two.", 0.3, 0.5),
      At(2, "Page 2 of 3", 0.95, 0.96),
      At(3, "Ministry of Environment - Submission", 0.03, 0.05),
      At(3, "Ministry of Environment owns the body too", 0.3, 0.5),
      At(3, "Page 3 of 3", 0.95, 0.96),
  };
  MarkPageFurniture(&blocks);
  for (size_t i = 0; i < blocks.size(); ++i) {
    bool body = i % 3 == 1;
    EXPECT_EQ(blocks[i].kind == BlockKind::kBody, body) << blocks[i].text;
  }
}

TEST(MarkPageFurnitureTest, TextOnOnePageOnlyStaysBody) {
  std::vector<Block> blocks = {
      At(1, "MINISTRY OF ENVIRONMENT", 0.03, 0.05),
      At(1, "Body", 0.3, 0.5),
      At(2, "Other top line", 0.03, 0.05),
  };
  MarkPageFurniture(&blocks);
  for (const Block& b : blocks) EXPECT_EQ(b.kind, BlockKind::kBody) << b.text;
}

TEST(MarkPageFurnitureTest, FormatsWithoutPagesAreLeftAlone) {
  std::vector<Block> blocks(2);
  blocks[0].text = "3";
  blocks[1].text = "3";
  MarkPageFurniture(&blocks);
  EXPECT_EQ(blocks[0].kind, BlockKind::kBody);
}

TEST(MarkFootnotesTest, SmallTextLowOnPageWithMark) {
  std::string body(100, 'x');
  std::vector<Block> blocks = {
      At(1, body.c_str(), 0.2, 0.6),
      At(1, body.c_str(), 0.6, 0.8),
      At(1, "1 See the report.", 0.9, 0.92),
      At(1, "continued note", 0.92, 0.93),
      At(2, "1 Not a footnote: body size", 0.9, 0.92),
  };
  for (Block& b : blocks) b.font_size = 15;
  blocks[2].font_size = blocks[3].font_size = 12;
  MarkFootnotes(&blocks);
  EXPECT_EQ(blocks[1].kind, BlockKind::kBody);
  EXPECT_EQ(blocks[2].kind, BlockKind::kFootnote);
  EXPECT_EQ(blocks[3].kind, BlockKind::kFootnote);
  EXPECT_EQ(blocks[4].kind, BlockKind::kBody);
}

}  // namespace
}  // namespace intake
