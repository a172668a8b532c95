// Gold passages are segmented as the pipeline would segment their letter
// (cli/labelled_letters.h): furniture from its text and its place in the
// letter, one-passage letters for lines that name none, never from labels.
#include "cli/labelled_letters.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

LabelledPassage Line(const char* letter, const char* text) {
  LabelledPassage p;
  p.letter = letter;
  p.text = text;
  p.lang = "en";
  return p;
}

struct Expected {
  PassageKind kind;
  const char* furniture;
};

void ExpectKinds(const std::vector<LabelledPassage>& lines,
                 const std::vector<Expected>& expected) {
  std::vector<Passage> seen = SegmentLabelled(lines);
  ASSERT_EQ(seen.size(), expected.size());
  for (size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].kind, expected[i].kind) << lines[i].text;
    EXPECT_EQ(seen[i].furniture, expected[i].furniture) << lines[i].text;
    EXPECT_EQ(seen[i].lang, "en") << lines[i].text;
  }
}

constexpr PassageKind kFurniture = PassageKind::kFurniture;
constexpr PassageKind kParagraph = PassageKind::kParagraph;

TEST(SegmentLabelledTest, ALettersFurnitureIsMarkedByItsPlace) {
  ExpectKinds(
      {
          Line("a",
               "Basel Convention Regional Centre for the Pacific\n"
               "Private Mail Bag 7, Apia"),
          Line("a", "Ref: BCRC/MC/2022/03"),
          Line("a", "14 March 2022"),
          Line("a", "Dear Executive Secretary,"),
          Line("a",
               "In 2021 the Centre trained 30 customs officers from five "
               "Pacific island countries on the mercury trade forms."),
          Line("a", "Yours sincerely,"),
          Line("a", "Tala Faleolo\nDirector"),
      },
      {{kFurniture, "letterhead"},
       {kFurniture, "reference"},
       {kFurniture, "date"},
       {kFurniture, "salutation"},
       {kParagraph, ""},
       {kFurniture, "closing"},
       {kFurniture, "signature"}});
}

TEST(SegmentLabelledTest, EachLetterIsSegmentedOnItsOwn) {
  // The second letter's letterhead comes after the first letter's closing:
  // read as one document it would be taken for a signature line, read as
  // its own letter it is a letterhead.
  ExpectKinds(
      {
          Line("a", "Dear Sir,"),
          Line("a",
               "Samoa has banned mercury-added skin-lightening creams "
               "since 2020."),
          Line("a", "Yours faithfully,"),
          Line("b", "Ministry of Environment\nNuku'alofa"),
          Line("b", "Dear Madam,"),
          Line("b",
               "Mercury waste from health care is stored at the main "
               "hospital pending export."),
      },
      {{kFurniture, "salutation"},
       {kParagraph, ""},
       {kFurniture, "closing"},
       {kFurniture, "letterhead"},
       {kFurniture, "salutation"},
       {kParagraph, ""}});
}

TEST(SegmentLabelledTest, LinesWithoutALetterStandAlone) {
  // Alone, a centre's name is content (nothing before a salutation makes
  // it a letterhead); a closing is furniture by its text.
  ExpectKinds(
      {
          Line("", "Basel Convention Regional Centre for the Pacific"),
          Line("", "Dear Executive Secretary,"),
          Line("", "Yours sincerely,"),
          Line("", "Tala Faleolo"),
      },
      {{kParagraph, ""},
       {kFurniture, "salutation"},
       {kFurniture, "closing"},
       {kParagraph, ""}});
}

TEST(SegmentLabelledTest, BlankTextStaysAParagraphInItsPlace) {
  std::vector<LabelledPassage> lines = {
      Line("a", "Dear Sir,"), Line("a", "  "),
      Line("a", "Training on mercury waste was held in 2021.")};
  std::vector<Passage> seen = SegmentLabelled(lines);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].furniture, "salutation");
  EXPECT_EQ(seen[1].kind, kParagraph);
  EXPECT_EQ(seen[1].text, "  ");
  EXPECT_EQ(seen[2].text, lines[2].text);
}

// Rows are labelled as the extractors write them, cells joined by " | ",
// and read as a run reads them: each row is a row, not the lead-in of the
// next, so the paragraph above every row is the table's caption.
TEST(SegmentLabelledTest, LinesWithCellsAreTableRows) {
  std::vector<LabelledPassage> lines = {
      Line("a", "The Centre delivered the following courses:"),
      Line("a", "Course | Countries | Year"),
      Line("a", "Mercury waste | Fiji, Samoa | 2021"),
      Line("a", "The line | in prose is rare but would be a row too."),
  };
  std::vector<Passage> seen = SegmentLabelled(lines);
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0].kind, kParagraph);
  EXPECT_EQ(seen[1].kind, PassageKind::kTableRow);
  EXPECT_EQ(seen[2].kind, PassageKind::kTableRow);
  EXPECT_EQ(seen[3].kind, PassageKind::kTableRow);  // known and accepted
  std::vector<PassageContext> contexts = LabelledContexts(lines, seen);
  EXPECT_EQ(contexts[2].paragraph_above, lines[0].text);
}

// scripts/translate-dev names a copy after its original: "dev-0001~es".
TEST(LabelledPassagesTest, TranslatedCopiesAreKnownByTheirIds) {
  EXPECT_TRUE(IsTranslatedCopy("dev-0001~es"));
  EXPECT_TRUE(IsTranslatedCopy("held-0412~en"));
  EXPECT_TRUE(IsTranslatedCopy("fr-7600~fr"));
  EXPECT_FALSE(IsTranslatedCopy("dev-0001"));
  EXPECT_FALSE(IsTranslatedCopy("~es"));
  EXPECT_FALSE(IsTranslatedCopy("dev-0001~de"));
  EXPECT_FALSE(IsTranslatedCopy("dev-0001~es-2"));
  EXPECT_FALSE(IsTranslatedCopy(""));
}

}  // namespace
}  // namespace intake
