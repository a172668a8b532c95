#include "pipeline/segment.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TEST(SplitLeadingNumberTest, Table) {
  struct Case {
    const char* text;
    const char* number;
    const char* rest;
  } cases[] = {
      {"12. The centre trained", "12.", "The centre trained"},
      {"3.1 Sub-paragraph", "3.1", "Sub-paragraph"},
      {"(b) training of customs", "(b)", "training of customs"},
      {"(iii) a draft procedure", "(iii)", "a draft procedure"},
      {"a) item", "a)", "item"},
      {"II. Support received", "II.", "Support received"},
      {"• bullet", "•", "bullet"},
      {"2021 was the year", "", "2021 was the year"},
      {"No number here", "", "No number here"},
      {"12.", "", "12."},
  };
  for (const Case& c : cases) {
    LeadingNumber split = SplitLeadingNumber(c.text);
    EXPECT_EQ(split.number, c.number) << c.text;
    EXPECT_EQ(split.rest, c.rest) << c.text;
  }
}

TEST(IsParagraphNumberTest, DecimalNumbersArePargraphs) {
  EXPECT_TRUE(IsParagraphNumber("12."));
  EXPECT_TRUE(IsParagraphNumber("3.1"));
  EXPECT_FALSE(IsParagraphNumber("(b)"));
  EXPECT_FALSE(IsParagraphNumber("iii)"));
  EXPECT_FALSE(IsParagraphNumber("•"));
}

Block Body(const char* text, int page = 1) {
  Block b;
  b.text = text;
  b.page = page;
  return b;
}

TEST(SegmentTest, KindsAndNumbers) {
  Block declared_item;
  declared_item.kind = BlockKind::kListItem;
  declared_item.number = "(a)";
  declared_item.text = "Tools and guidance;";
  Block declared_paragraph = declared_item;
  declared_paragraph.number = "4.";
  declared_paragraph.text = "The Party received support.";
  Block bullet = declared_item;
  bullet.number = "•";
  bullet.text = "a bulleted line";
  Block row;
  row.kind = BlockKind::kTableRow;
  row.text = "2020 | USD 100,000";
  Block note;
  note.kind = BlockKind::kFootnote;
  note.text = "1 See annex.";

  std::vector<Passage> p = Segment(
      {Body("I. Introduction"), Body("1. Cambodia acceded in 2018."),
       Body("(b) The training of officials."), declared_item,
       declared_paragraph, bullet, row, note, Body("SUPPORT RECEIVED")});
  ASSERT_EQ(p.size(), 9u);
  EXPECT_EQ(p[0].kind, PassageKind::kHeading);
  EXPECT_EQ(p[0].number, "I.");
  EXPECT_EQ(p[1].kind, PassageKind::kParagraph);
  EXPECT_EQ(p[1].number, "1.");
  EXPECT_EQ(p[1].text, "1. Cambodia acceded in 2018.");
  EXPECT_EQ(p[2].kind, PassageKind::kListItem);
  EXPECT_EQ(p[3].text, "(a) Tools and guidance;");
  EXPECT_EQ(p[3].kind, PassageKind::kListItem);
  EXPECT_EQ(p[4].kind, PassageKind::kParagraph);
  EXPECT_EQ(p[4].text, "4. The Party received support.");
  EXPECT_EQ(p[5].text, "a bulleted line");  // bullets are not cited
  EXPECT_EQ(p[5].number, "•");
  EXPECT_EQ(p[6].kind, PassageKind::kTableRow);
  EXPECT_EQ(p[7].kind, PassageKind::kFootnote);
  EXPECT_EQ(p[8].kind, PassageKind::kHeading);
}

TEST(AssignOffsetsTest, CodePointsWithSeparators) {
  std::vector<Passage> p(3);
  p[0].text = "Côte";  // 4 code points, 5 bytes
  p[1].text = "ab";
  p[2].text = "";
  AssignOffsets(&p);
  EXPECT_EQ(p[0].start, 0);
  EXPECT_EQ(p[0].end, 4);
  EXPECT_EQ(p[1].start, 6);
  EXPECT_EQ(p[1].end, 8);
  EXPECT_EQ(p[2].start, 10);
  EXPECT_EQ(p[2].end, 10);
}

}  // namespace
}  // namespace intake
