#include "classifiers/rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "classifiers/taxonomy.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

constexpr char kGoodRules[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rules format="1" version="test.7">
  <description>A small rule set for tests.</description>
  <negation window="4">
    <term>no</term>
    <term>not</term>
  </negation>
  <concept id="support">
    <term>technical assistance</term>
    <pattern>\bcapacity.building\b</pattern>
  </concept>
  <label dimension="activity" code="b.trade" threshold="1.5" requires="support">
    <note>Trade forms.</note>
    <term weight="1.0">trade form*</term>
    <pattern weight="0.8">\bimport(s|ed)? (and|or) export</pattern>
  </label>
  <label dimension="theme" code="asgm">
    <term weight="+1">artisanal gold</term>
    <term weight="-0.5" lang="en">gold standard</term>
  </label>
</rules>
)";

TEST(RulesTest, ParsesAGoodFile) {
  std::shared_ptr<const Rules> rules;
  Status s = ParseRules(kGoodRules, "good.xml", &rules);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_NE(rules, nullptr);
  ASSERT_EQ(rules->labels().size(), 2u);
  const LabelRule& trade = rules->labels()[0];
  EXPECT_EQ(trade.name, "activity:b.trade");
  EXPECT_EQ(trade.threshold, 1.5);
  EXPECT_EQ(trade.required_concepts, std::vector<int>{0});
  EXPECT_EQ(trade.line, 12);
  const LabelRule& asgm = rules->labels()[1];
  EXPECT_EQ(asgm.name, "theme:asgm");
  EXPECT_EQ(asgm.threshold, 1.0);
  EXPECT_EQ(asgm.rank, TaxonomyRank("theme", "asgm"));
  EXPECT_EQ(rules->concepts(), std::vector<std::string>{"support"});

  // Entries in file order: 2 concept, 2 b.trade, 2 asgm.
  const std::vector<RuleEntry>& e = rules->entries();
  ASSERT_EQ(e.size(), 6u);
  EXPECT_EQ(rules->matcher().entry_count(), 6);
  EXPECT_EQ(e[0].concept_index, 0);
  EXPECT_EQ(e[1].label, -1);
  EXPECT_EQ(e[2].label, 0);
  EXPECT_EQ(e[3].weight, 0.8);
  EXPECT_EQ(e[4].weight, 1.0);
  EXPECT_EQ(e[5].weight, -0.5);
}

TEST(RulesTest, VersionIsContentVersionPlusFileHash) {
  std::shared_ptr<const Rules> a;
  std::shared_ptr<const Rules> b;
  ASSERT_TRUE(ParseRules(kGoodRules, "a.xml", &a).ok());
  ASSERT_TRUE(ParseRules(std::string(kGoodRules) + "\n", "b.xml", &b).ok());
  // "test.7+" and 12 hex digits; any byte changed changes the hash.
  ASSERT_EQ(a->version().size(), 7u + 12u);
  EXPECT_EQ(a->version().substr(0, 7), "test.7+");
  EXPECT_EQ(a->version().find_first_not_of("0123456789abcdef", 7),
            std::string::npos);
  EXPECT_NE(a->version(), b->version());
}

TEST(RulesTest, VersionHashIsTheFilesSha256) {
  // The digest below is `printf '%s' "$xml" | sha256sum`, computed apart.
  constexpr char kKnownDigestPrefix[] = "e38f5111f2b0";
  std::shared_ptr<const Rules> rules;
  const std::string xml =
      "<rules format=\"1\" version=\"v\"><label dimension=\"theme\" "
      "code=\"waste\"><term weight=\"1\">waste</term></label></rules>";
  ASSERT_TRUE(ParseRules(xml, "mem", &rules).ok());
  EXPECT_EQ(rules->version(), "v+" + std::string(kKnownDigestPrefix));
}

TEST(RulesTest, LoadsAFileAndReportsAMissingOne) {
  std::string dir = testing::MakeTempDir("rules");
  std::string path = dir + "/rules.xml";
  std::ofstream(path, std::ios::binary) << kGoodRules;
  std::shared_ptr<const Rules> rules;
  Status s = LoadRules(path, &rules);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(rules->labels().size(), 2u);

  std::shared_ptr<const Rules> missing;
  s = LoadRules(dir + "/nope.xml", &missing);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("nope.xml"), std::string::npos);
  EXPECT_EQ(missing, nullptr);
}

TEST(RulesTest, TheShippedRulesFileLoads) {
  // Whatever its content, the rules file in the tree must pass the loader.
  std::shared_ptr<const Rules> rules;
  Status s = LoadRules(INTAKE_DEFAULT_RULES, &rules);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(rules->labels().empty());
}

TEST(RulesTest, RefusesADirectory) {
  std::shared_ptr<const Rules> rules;
  Status s = LoadRules(testing::MakeTempDir("rules-dir"), &rules);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_NE(s.message().find("is a directory"), std::string::npos);
}

// `ascii` in UTF-16LE with a byte order mark.
std::string Utf16Le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

// A file with a negation of this window, for the table below.
std::string WithWindow(const std::string& window) {
  return "<rules format=\"1\" version=\"t\">\n<negation window=\"" + window +
         "\"><term>not</term></negation>\n<label dimension=\"theme\" "
         "code=\"waste\"><term weight=\"1\">x</term></label></rules>\n";
}

// A file built around one label body, for the table below.
std::string WithLabel(const std::string& label) {
  return "<rules format=\"1\" version=\"t\">\n"
         "<concept id=\"support\"><term>assistance</term></concept>\n" +
         label + "\n</rules>\n";
}

TEST(RulesTest, RefusesBadFilesWithFileLineAndReason) {
  struct Case {
    const char* name;
    std::string xml;
    std::vector<const char*> expected;  // substrings of the message
  } cases[] = {
      {"not_xml", "this is not XML", {"not_xml:1:", "not well-formed XML"}},
      {"unclosed",
       "<rules format=\"1\" version=\"t\">\n<label>",
       {"unclosed:", "not well-formed XML"}},
      // A term left open on line 3: the first error names it, not the end
      // of the file the parser reached afterwards.
      {"term_left_open",
       "<rules format=\"1\" version=\"t\">\n"
       "<label dimension=\"theme\" code=\"waste\">\n"
       "<term weight=\"1\">x\n"
       "</label>\n\n\n\n</rules>\n",
       {"term_left_open:4:", "tag mismatch: term line 3 and label"}},
      {"wrong_format",
       "<rules format=\"2\" version=\"t\"><label dimension=\"theme\" "
       "code=\"waste\"><term weight=\"1\">x</term></label></rules>",
       {"wrong_format:1:", "format \"2\" is not supported"}},
      {"no_format",
       "<rules version=\"t\"><label dimension=\"theme\" "
       "code=\"waste\"><term weight=\"1\">x</term></label></rules>",
       {"no_format:1:", "format \"\" is not supported"}},
      {"wrong_root", "<rule format=\"1\"/>", {"root element must be <rules>"}},
      {"unknown_code",
       WithLabel("<label dimension=\"activity\" code=\"b.tradez\">"
                 "<term weight=\"1\">x</term></label>"),
       {"unknown_code:3:", "unknown code \"b.tradez\"", "\"activity\""}},
      {"code_of_other_dimension",
       WithLabel("<label dimension=\"theme\" code=\"14.1\">"
                 "<term weight=\"1\">x</term></label>"),
       {":3:", "unknown code \"14.1\" for dimension \"theme\""}},
      {"unknown_concept",
       WithLabel("<label dimension=\"theme\" code=\"waste\" "
                 "requires=\"support helpp\"><term weight=\"1\">x</term>"
                 "</label>"),
       {"unknown_concept:3:", "requires unknown concept \"helpp\""}},
      {"unknown_include",
       WithLabel("<label dimension=\"theme\" code=\"waste\" "
                 "includes=\"storage\"><term weight=\"1\">x</term>"
                 "</label>"),
       {"unknown_include:3:",
        "theme:waste includes unknown label "
        "theme:storage"}},
      {"include_chain",
       WithLabel("<label dimension=\"theme\" code=\"waste\" "
                 "includes=\"storage\"><term weight=\"1\">x</term>"
                 "</label>\n<label dimension=\"theme\" code=\"storage\" "
                 "includes=\"waste\"><term weight=\"1\">y</term></label>"),
       {"include_chain:3:",
        "includes theme:storage, which includes labels "
        "itself"}},
      {"duplicate_concept",
       "<rules format=\"1\" version=\"t\">\n"
       "<concept id=\"a\"><term>x</term></concept>\n"
       "<concept id=\"a\"><term>y</term></concept>\n"
       "<label dimension=\"theme\" code=\"waste\"><term weight=\"1\">x</term>"
       "</label></rules>",
       {"duplicate_concept:3:", "concept \"a\" is already defined at line 2"}},
      {"duplicate_label",
       WithLabel("<label dimension=\"theme\" code=\"waste\">"
                 "<term weight=\"1\">x</term></label>\n"
                 "<label dimension=\"theme\" code=\"waste\">"
                 "<term weight=\"1\">y</term></label>"),
       {"duplicate_label:4:", "theme:waste is already defined at line 3"}},
      {"bad_regex",
       WithLabel("<label dimension=\"theme\" code=\"waste\">\n"
                 "<pattern weight=\"1\">waste(s</pattern></label>"),
       {"bad_regex:4:", "pattern \"waste(s\" does not compile", "U_REGEX"}},
      {"bad_term",
       WithLabel("<label dimension=\"theme\" code=\"waste\">"
                 "<term weight=\"1\">--</term></label>"),
       {"bad_term:3:", "term \"--\" has no words"}},
      {"doctype_entity",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE rules [<!ENTITY x \"waste\">]>\n"
       "<rules format=\"1\" version=\"t\"><label dimension=\"theme\" "
       "code=\"waste\"><term weight=\"1\">&x;</term></label></rules>",
       {"doctype_entity:2:", "DOCTYPE"}},
      {"external_entity",
       "<!DOCTYPE rules SYSTEM \"http://example.org/rules.dtd\">"
       "<rules format=\"1\" version=\"t\"/>",
       {"external_entity:1:", "DOCTYPE"}},
      {"window_huge",
       WithWindow("99999999999999999999"),
       {"window_huge:2:", "negation window must be 1..50"}},
      {"window_51", WithWindow("51"), {"window_51:2:", "must be 1..50"}},
      {"utf16_bom_doctype",
       Utf16Le("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
               "<!DOCTYPE rules [<!ENTITY x \"waste\">]>\n"
               "<rules format=\"1\" version=\"t\"><label dimension=\"theme\" "
               "code=\"waste\"><term weight=\"1\">&x;</term></label></rules>"),
       {"utf16_bom_doctype:1:", "UTF-16", "not UTF-8"}},
      {"utf16_big_endian", "\xFE\xFF\0<", {"UTF-16"}},
      {"utf16_no_bom", std::string("<\0r\0", 4), {"NUL bytes"}},
      {"latin1",
       "<?xml version=\"1.0\" encoding='ISO-8859-1'?>\n" +
           WithLabel("<label dimension=\"theme\" code=\"waste\">"
                     "<term weight=\"1\">x</term></label>"),
       {"latin1:1:", "declares encoding \"ISO-8859-1\"", "only UTF-8"}},
      {"undeclared_entity",
       "<rules format=\"1\" version=\"t\"><label dimension=\"theme\" "
       "code=\"waste\"><term weight=\"1\">&x;</term></label></rules>",
       {"undeclared_entity:1:", "not well-formed XML", "'x'"}},
      {"schema_missing_weight",
       WithLabel("<label dimension=\"theme\" code=\"waste\">"
                 "<term>x</term></label>"),
       {"schema_missing_weight:3:", "does not follow rules.rng"}},
      {"schema_bad_dimension",
       WithLabel("<label dimension=\"themes\" code=\"waste\">"
                 "<term weight=\"1\">x</term></label>"),
       {"schema_bad_dimension:3:", "unknown dimension \"themes\""}},
      {"schema_zero_threshold",
       WithLabel("<label dimension=\"theme\" code=\"waste\" threshold=\"0\">"
                 "<term weight=\"1\">x</term></label>"),
       {"schema_zero_threshold:3:", "does not follow rules.rng"}},
      {"schema_no_labels",
       "<rules format=\"1\" version=\"t\"/>",
       {"schema_no_labels:1:", "does not follow rules.rng"}},
      // Found by an independent audit (session 28): each was accepted, or
      // refused without the line to mend.
      {"repeated_term",
       WithLabel("<label dimension=\"theme\" code=\"waste\">\n"
                 "<term weight=\"0.6\">waste</term>\n"
                 "<term weight=\"0.6\" lang=\"en\">Waste</term>\n"
                 "<term weight=\"0.6\">WASTE</term></label>"),
       {"repeated_term:6:",
        "term \"WASTE\" is already in label theme:waste "
        "at line 4",
        "count twice"}},
      {"repeated_pattern",
       WithLabel("<concept id=\"c\"><pattern>a+</pattern>\n"
                 "<pattern>a+</pattern></concept>"
                 "<label dimension=\"theme\" code=\"waste\">"
                 "<term weight=\"1\">x</term></label>"),
       {"repeated_pattern:4:", "already in concept c at line 3"}},
      {"included_twice",
       WithLabel("<label dimension=\"theme\" code=\"waste\" "
                 "includes=\"storage storage\"><term weight=\"1\">x</term>"
                 "</label><label dimension=\"theme\" code=\"storage\">"
                 "<term weight=\"1\">y</term></label>"),
       {"included_twice:3:", "includes \"storage\" twice"}},
      {"star_inside_word",
       WithLabel("<label dimension=\"theme\" code=\"waste\">"
                 "<term weight=\"1\">ment*ring</term></label>"),
       {"star_inside_word:3:", "may only end a word"}},
      {"lang_upper_case",
       WithLabel("<label dimension=\"theme\" code=\"waste\">"
                 "<term weight=\"1\" lang=\"EN\">x</term></label>"),
       {"lang_upper_case:3:", "lang \"EN\" is not a language code"}},
      {"lang_word",
       WithLabel("<label dimension=\"theme\" code=\"waste\">"
                 "<term weight=\"1\" lang=\"english\">x</term></label>"),
       {"lang_word:3:", "lang \"english\""}},
      {"blank_version",
       "<rules format=\"1\" version=\"  \">\n<label dimension=\"theme\" "
       "code=\"waste\"><term weight=\"1\">x</term></label></rules>",
       {"blank_version:1:", "version is blank"}},
      {"label_without_code",
       WithLabel("<label dimension=\"theme\">"
                 "<term weight=\"1\">x</term></label>"),
       {"label_without_code:3:", "needs a code attribute"}},
      {"dimension_in_capitals",
       WithLabel("<label dimension=\"Theme\" code=\"waste\">"
                 "<term weight=\"1\">x</term></label>"),
       {"dimension_in_capitals:3:", "unknown dimension \"Theme\""}},
      // libxml2 counts lines past 65535 only when asked (BIG_LINES).
      {"beyond_line_65535",
       WithLabel(std::string(70000, '\n') +
                 "<label dimension=\"theme\" code=\"waste\">"
                 "<term weight=\"1\">--</term></label>"),
       {"beyond_line_65535:70003:", "has no words"}},
      {"schema_unknown_element",
       WithLabel("<label dimension=\"theme\" code=\"waste\">"
                 "<term weight=\"1\">x</term><regex>y</regex></label>"),
       {"schema_unknown_element:3:", "does not follow rules.rng"}},
  };
  for (const Case& c : cases) {
    std::shared_ptr<const Rules> rules;
    ::testing::internal::CaptureStderr();
    Status s = ParseRules(c.xml, c.name, &rules);
    std::string stderr_text = ::testing::internal::GetCapturedStderr();
    EXPECT_FALSE(s.ok()) << c.name;
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << c.name;
    EXPECT_EQ(rules, nullptr) << c.name;
    EXPECT_EQ(stderr_text, "") << c.name << " printed to stderr";
    for (const char* part : c.expected) {
      EXPECT_NE(s.message().find(part), std::string::npos)
          << c.name << ": \"" << part << "\" not in \"" << s.message() << "\"";
    }
  }
}

TEST(RulesTest, AcceptsUtf8DeclaredAnyCaseAndWithBom) {
  const std::string label = WithLabel(
      "<label dimension=\"theme\" code=\"waste\">"
      "<term weight=\"1\">x</term></label>");
  for (const std::string& head :
       {std::string("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
        std::string("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n"),
        std::string("\xEF\xBB\xBF")}) {
    std::shared_ptr<const Rules> rules;
    Status s = ParseRules(head + label, "utf8.xml", &rules);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
}

TEST(RulesTest, NegationWindowAndLangAreRead) {
  std::shared_ptr<const Rules> rules;
  ASSERT_TRUE(ParseRules("<rules format=\"1\" version=\"t\"><negation "
                         "window=\"50\"><term lang=\"fr\">pas</term>"
                         "</negation><label dimension=\"theme\" "
                         "code=\"asgm\"><term weight=\"1\">training</term>"
                         "</label></rules>",
                         "r.xml", &rules)
                  .ok());
  // 49 words between "pas" and the term: still within the window.
  std::string gap;
  for (int i = 0; i < 49; ++i) gap += " w";
  EXPECT_TRUE(
      rules->matcher().Find(FoldText("pas" + gap + " training"), "fr").empty());
  EXPECT_EQ(
      rules->matcher().Find(FoldText("pas" + gap + " training"), "en").size(),
      1u);
}

TEST(RulesTest, NegationSparesTheDimensionsItExcepts) {
  std::shared_ptr<const Rules> rules;
  ASSERT_TRUE(ParseRules("<rules format=\"1\" version=\"t\"><negation "
                         "window=\"3\" except=\"theme\"><term>not</term>"
                         "</negation><label dimension=\"activity\" "
                         "code=\"b.trade\"><term weight=\"1\">imports</term>"
                         "</label><label dimension=\"theme\" "
                         "code=\"supply_trade\"><term weight=\"1\">imports"
                         "</term></label></rules>",
                         "r.xml", &rules)
                  .ok());
  // "Mercury imports were not recorded" is still about trade (its theme);
  // no activity about imports took place.
  std::vector<TermMatch> found =
      rules->matcher().Find(FoldText("not recorded imports"), "en");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(rules->labels()[rules->entries()[found[0].entry].label].dimension,
            "theme");

  Status s = ParseRules(
      "<rules format=\"1\" version=\"t\"><negation window=\"3\" "
      "except=\"themes\"><term>not</term></negation><label "
      "dimension=\"theme\" code=\"asgm\"><term weight=\"1\">x</term>"
      "</label></rules>",
      "bad.xml", &rules);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.xml"), std::string::npos) << s.message();
}

TEST(TaxonomyTest, KnowsCodesAsWrittenInTaxonomyMd) {
  struct Case {
    const char* dimension;
    const char* code;
    bool known;
  } cases[] = {
      {"article14", "14.1", true},
      {"article14", "14.4b", true},
      {"article14", "14.4", false},
      {"activity", "b.trade", true},
      {"activity", "e.institutional_legal", true},
      {"activity", "b", false},
      {"theme", "asgm", true},
      {"theme", "contaminated_sites", true},
      {"theme", "14.1", false},
      {"stance", "other", true},
      {"stance", "need", true},
      {"stances", "need", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsKnownCode(c.dimension, c.code), c.known)
        << c.dimension << ":" << c.code;
  }
  EXPECT_EQ(TaxonomyCodes("article14").size(), 7u);
  EXPECT_EQ(TaxonomyCodes("activity").size(), 24u);
  EXPECT_EQ(TaxonomyCodes("theme").size(), 15u);
  EXPECT_EQ(TaxonomyCodes("stance").size(), 4u);
  EXPECT_LT(TaxonomyRank("activity", "a.tools"),
            TaxonomyRank("activity", "e.project"));
}

}  // namespace
}  // namespace intake
