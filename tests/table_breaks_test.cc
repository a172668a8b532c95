// Table rows cut by a page break: joined when the next page continues the
// row, the repeated header dropped; on made-up blocks and on the fixture
// letter whose table crosses a page (fixtures/README.md: cambodia-long).
#include "pipeline/table_breaks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/pdf_extractor.h"
#include "pipeline/normalize.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

const std::vector<double> kColumns = {70, 200, 300, 400};

Block Row(int page, const char* text,
          const std::vector<double>& lefts = kColumns) {
  Block b;
  b.kind = BlockKind::kTableRow;
  b.page = page;
  b.text = text;
  b.cell_lefts = lefts;
  b.font_size = 11;
  return b;
}

Block Other(int page, BlockKind kind, const char* text) {
  Block b;
  b.kind = kind;
  b.page = page;
  b.text = text;
  return b;
}

struct Case {
  const char* what;
  std::vector<Block> blocks;
  std::vector<std::string> texts;
};

TEST(TableBreaksTest, RowsCutByAPageBreak) {
  const Block head = Row(1, "Project | Funding | Period | Status");
  const Block cut =
      Row(1, "Institutional strengthening | Specific | 2020 | Ongoing");
  const Block footer = Other(1, BlockKind::kHeaderFooter, "Page 1 of 4");
  const Block header = Other(2, BlockKind::kHeaderFooter, "Ministry");
  const std::vector<Case> cases = {
      {"first cell empty",
       {head, cut, footer, header, Row(2, "| International Programme | |")},
       {head.text,
        "Institutional strengthening | Specific International Programme | "
        "2020 | Ongoing",
        footer.text, header.text}},
      {"repeated header, then a lower-case continuation with empty cells",
       {head, cut, footer, header, Row(2, head.text.c_str()),
        Row(2, "for the Convention | Programme | |"),
        Row(2, "Training | GEF | 2021 | Completed")},
       {head.text,
        "Institutional strengthening for the Convention | Specific Programme "
        "| 2020 | Ongoing",
        footer.text, header.text, "Training | GEF | 2021 | Completed"}},
      {"a new row on the next page stays a row",
       {head, cut, Row(2, "Training | GEF | 2021 | Completed")},
       {head.text, cut.text, "Training | GEF | 2021 | Completed"}},
      // Lower case but every cell filled: a row of its own.
      {"full row in lower case",
       {head, cut, Row(2, "training | GEF | 2021 | Completed")},
       {head.text, cut.text, "training | GEF | 2021 | Completed"}},
      {"other columns",
       {head, cut,
        Row(2, "| International Programme | |", {70, 150, 300, 400})},
       {head.text, cut.text, "| International Programme | |"}},
      {"body text between",
       {head, cut, Other(2, BlockKind::kBody, "The table shows it."),
        Row(2, "| International Programme | |")},
       {head.text, cut.text, "The table shows it.",
        "| International Programme | |"}},
      {"same page",
       {head, cut, Row(1, "| International Programme | |")},
       {head.text, cut.text, "| International Programme | |"}},
      // Rows without columns (a DOCX table) are as the format gave them.
      {"no columns known",
       {Row(1, "a | b", {}), Row(2, "| c", {})},
       {"a | b", "| c"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> texts;
    for (const Block& b : JoinRowsAcrossPageBreaks(c.blocks)) {
      texts.push_back(b.text);
    }
    EXPECT_EQ(texts, c.texts) << c.what;
  }
}

TEST(TableBreaksTest, CambodiaTableReadsAsOneTable) {
  Extraction e;
  ASSERT_TRUE(ExtractPdf(testing::ReadFileOrDie(
                             testing::Fixture("letters/cambodia-long.pdf")),
                         ExtractLimits(), &e)
                  .ok());
  std::vector<std::string> rows;
  for (const Block& b : NormalizeBlocks(e.blocks)) {
    if (b.kind == BlockKind::kTableRow) rows.push_back(b.text);
  }
  const std::vector<std::string> want = {
      "Project | Funding | Agency | Period | Status",
      "Minamata initial assessment | GEF | UNDP | 2016\u20132019 | Completed",
      "National action plan for artisanal and small-scale gold mining | GEF | "
      "UNEP | 2018\u20132021 | Completed",
      "Institutional strengthening for the Minamata Convention | Specific "
      "International Programme | Ministry of Environment | 2020\u20132022 | "
      "Ongoing",
      "Mercury monitoring in air and fish | Government of Japan | National "
      "Institute for Minamata Disease | 2019\u20132022 | Ongoing",
      "Training on mercury waste | Specific International Programme | BCRC "
      "South-East Asia | 2020\u20132021 | Completed"};
  EXPECT_EQ(rows, want);
}

}  // namespace
}  // namespace intake
