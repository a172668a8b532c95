// Word numbering: formats, counters, list continuation and style chains,
// from small numbering.xml / styles.xml snippets parsed in memory.
#include "extractors/docx_numbering.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "extractors/xml_doc.h"

namespace intake {
namespace {

const std::string kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

XmlDocPtr Parse(const std::string& xml) {
  XmlDocPtr doc;
  Status s = ParseXml(xml, "test.xml", ExtractLimits{}, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

TEST(FormatNumberTest, Table) {
  struct Case {
    int value;
    NumFormat format;
    const char* want;
  };
  const Case cases[] = {
      {3, NumFormat::kDecimal, "3"},
      {7, NumFormat::kDecimalZero, "07"},
      {12, NumFormat::kDecimalZero, "12"},
      {1, NumFormat::kLowerLetter, "a"},
      {26, NumFormat::kLowerLetter, "z"},
      {27, NumFormat::kLowerLetter, "aa"},
      {54, NumFormat::kUpperLetter, "BBB"},
      {4, NumFormat::kLowerRoman, "iv"},
      {9, NumFormat::kUpperRoman, "IX"},
      {1994, NumFormat::kUpperRoman, "MCMXCIV"},
      {0, NumFormat::kLowerRoman, "0"},
      {0, NumFormat::kLowerLetter, "0"},
      {5, NumFormat::kBullet, ""},
      {5, NumFormat::kNone, ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatNumber(c.value, c.format), c.want)
        << c.value << " format " << static_cast<int>(c.format);
  }
}

// Three lists over two abstract definitions: nums 1 and 2 share abstract 10
// and continue each other; num 3 restarts abstract 10 at 5; num 4 is a
// bullet list; num 5 uses isLgl under roman numerals.
const char kNumbering[] = R"xml(
 <w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4."/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="20">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#x2013;"/></w:lvl>
  <w:lvl w:ilvl="2"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="30">
  <w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
 </w:abstractNum>
 <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
 <w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>
 <w:num w:numId="3"><w:abstractNumId w:val="10"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
 <w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>
 <w:num w:numId="5"><w:abstractNumId w:val="30"/></w:num>
 <w:num w:numId="6"><w:abstractNumId w:val="99"/></w:num>
)xml";

TEST(NumberingTest, SequenceInDocumentOrder) {
  XmlDocPtr doc =
      Parse("<w:numbering " + kW + ">" + kNumbering + "</w:numbering>");
  Numbering numbering(ParseNumbering(xmlDocGetRootElement(doc.get())));
  struct Step {
    int num_id, ilvl;
    const char* want;
  };
  const Step steps[] = {
      {1, 0, "1."},
      {1, 1, "(a)"},
      {1, 1, "(b)"},
      {1, 2, "(i)"},
      {1, 2, "(ii)"},
      {1, 2, "(iii)"},
      {1, 0, "2."},
      {1, 1, "(a)"},
      {1, 3, "2.1."},
      {2, 0, "3."},  // another num, same abstract: continues
      {3, 0, "5."},
      {3, 0, "6."},  // startOverride: its own list
      {1, 0, "4."},
      {4, 0, "\xE2\x80\xA2"},
      {4, 1, "\xE2\x80\x93"},
      {4, 2, ""},
      {5, 0, "II."},
      {5, 1, "2.1"},
      {5, 1, "2.2"},
      {5, 0, "III."},
      {5, 1, "3.1"},
      {0, 0, ""},
      {42, 0, ""},
      {6, 0, ""},
      {1, 12, "5."},  // ilvl out of range: level 0
  };
  for (const Step& s : steps) {
    EXPECT_EQ(numbering.Next(s.num_id, s.ilvl), s.want)
        << "num " << s.num_id << " ilvl " << s.ilvl;
  }
}

TEST(NumberingTest, DeeperLevelFirstUsesStartOfShallower) {
  XmlDocPtr doc =
      Parse("<w:numbering " + kW + ">" + kNumbering + "</w:numbering>");
  Numbering numbering(ParseNumbering(xmlDocGetRootElement(doc.get())));
  EXPECT_EQ(numbering.Next(1, 3), "1.1.");
}

TEST(NumberingTest, MalformedEntriesAreSkipped) {
  XmlDocPtr doc =
      Parse("<w:numbering " + kW +
            "><w:abstractNum w:abstractNumId=\"x\"/>"
            "<w:num w:numId=\"\"/><w:num w:numId=\"1\"/></w:numbering>");
  NumberingDefs defs = ParseNumbering(xmlDocGetRootElement(doc.get()));
  EXPECT_TRUE(defs.abstracts.empty());
  ASSERT_EQ(defs.nums.size(), 1u);
  Numbering numbering(std::move(defs));
  EXPECT_EQ(numbering.Next(1, 0), "");
}

TEST(NumberingTest, HostileRecipesAndStartsStayBounded) {
  const std::string long_text(65, 'x');  // one byte over kMaxLabelBytes
  XmlDocPtr doc =
      Parse("<w:numbering " + kW +
            "><w:abstractNum w:abstractNumId=\"1\">"
            "<w:lvl w:ilvl=\"0\"><w:lvlText w:val=\"" +
            long_text +
            "\"/></w:lvl>"
            "<w:lvl w:ilvl=\"1\"><w:start w:val=\"2147483647\"/>"
            "<w:lvlText w:val=\"%2.\"/></w:lvl>"
            "<w:lvl w:ilvl=\"2\"><w:start w:val=\"-5\"/>"
            "<w:lvlText w:val=\"%3%3%3%3%3%3%3%3%3%3%3%3%3%3%3%3%3%3%3%3\"/>"
            "</w:lvl></w:abstractNum>"
            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
            "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/>"
            "<w:lvlOverride w:ilvl=\"2\"><w:startOverride w:val=\"99999\"/>"
            "</w:lvlOverride></w:num></w:numbering>");
  NumberingDefs defs = ParseNumbering(xmlDocGetRootElement(doc.get()));
  ASSERT_EQ(defs.warnings.size(), 1u);
  EXPECT_NE(defs.warnings[0].find("abstractNum 1 level 0 has a w:lvlText of "
                                  "65 bytes"),
            std::string::npos)
      << defs.warnings[0];
  EXPECT_EQ(defs.abstracts[1].levels[1].start, kMaxStart);
  EXPECT_EQ(defs.abstracts[1].levels[2].start, 0);
  EXPECT_EQ(defs.nums[2].start_overrides[2], kMaxStart);
  Numbering numbering(std::move(defs));
  EXPECT_EQ(numbering.Next(1, 0), "");  // malformed level: no number
  EXPECT_EQ(numbering.Next(1, 1), "32767.");
  EXPECT_EQ(numbering.Next(1, 1), "32768.");
  EXPECT_EQ(numbering.Next(1, 2), std::string(20, '0'));
  // 20 x "32767" is 100 bytes: the label is cut to kMaxLabelBytes.
  std::string label = numbering.Next(2, 2);
  EXPECT_EQ(label.size(), kMaxLabelBytes);
  EXPECT_TRUE(label.starts_with("3276732767"));
}

const char kStyles[] = R"xml(
 <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
 <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
  <w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
 <w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/>
  <w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="2"/></w:numPr></w:pPr></w:style>
 <w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="Outline 3"/>
  <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
 <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
 <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
 <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="A"/><w:basedOn w:val="LoopB"/></w:style>
 <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="B"/><w:basedOn w:val="LoopA"/></w:style>
 <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
)xml";

TEST(StylesTest, ResolveNumberingAndHeadingLevel) {
  XmlDocPtr styles_doc =
      Parse("<w:styles " + kW + ">" + kStyles + "</w:styles>");
  DocxStyles styles = ParseStyles(xmlDocGetRootElement(styles_doc.get()));
  EXPECT_EQ(styles.default_id, "Normal");
  EXPECT_EQ(styles.by_id.count("Heading1Char"), 0u);
  struct Case {
    const char* ppr;  // inner XML of w:pPr, or "" for none
    const char* style;
    int num_id, ilvl, heading;
  };
  const Case cases[] = {
      {"", "", 0, 0, 0},
      {"", "Heading1", 7, 0, 1},
      {"", "Clause", 7, 2, 1},  // numbering and outline level inherited
      {"<w:numPr><w:ilvl w:val=\"1\"/></w:numPr>", "Heading1", 7, 1, 1},
      {"<w:numPr><w:numId w:val=\"3\"/><w:ilvl w:val=\"4\"/></w:numPr>", "", 3,
       4, 0},
      {"<w:numPr><w:numId w:val=\"0\"/></w:numPr>", "Heading1", 0, 0, 1},
      {"", "Outline3", 0, 0, 3},
      {"<w:outlineLvl w:val=\"1\"/>", "", 0, 0, 2},
      {"", "BodyText", 0, 0, 0},
      {"", "Title", 0, 0, 1},
      {"", "Heading4", 0, 0, 4},  // not in styles.xml: the id still says it
      {"", "LoopA", 0, 0, 0},     // basedOn cycle terminates
      {"<w:numPr><w:numId w:val=\"x\"/></w:numPr>", "", 0, 0, 0},
  };
  for (const Case& c : cases) {
    XmlDocPtr p = Parse("<w:pPr " + kW + ">" + c.ppr + "</w:pPr>");
    const xmlNode* ppr = xmlDocGetRootElement(p.get());
    NumRef ref = ResolveNumbering(ppr, c.style, styles);
    EXPECT_EQ(ref.num_id, c.num_id) << c.ppr << " / " << c.style;
    EXPECT_EQ(ref.ilvl, c.ilvl) << c.ppr << " / " << c.style;
    EXPECT_EQ(ResolveHeadingLevel(ppr, c.style, styles), c.heading)
        << c.ppr << " / " << c.style;
  }
  EXPECT_EQ(ResolveNumbering(nullptr, "", styles).num_id, 0);
}

}  // namespace
}  // namespace intake
