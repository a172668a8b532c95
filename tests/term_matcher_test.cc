#include "classifiers/term_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace intake {
namespace {

// "entry@start-end" for every match, in the order Find gives them.
std::vector<std::string> Describe(const TermMatcher& m, const char* text,
                                  const char* lang = "en") {
  std::vector<std::string> out;
  for (const TermMatch& match : m.Find(FoldText(text), lang)) {
    out.push_back(std::to_string(match.entry) + "@" +
                  std::to_string(match.start) + "-" +
                  std::to_string(match.end));
  }
  return out;
}

TEST(TermMatcherTest, MatchesTermsWordsAndPrefixes) {
  TermMatcher m;
  int id = -1;
  ASSERT_TRUE(m.AddTerm("capacity building", "", &id).ok());  // 0
  ASSERT_TRUE(m.AddTerm("train*", "", &id).ok());             // 1
  ASSERT_TRUE(m.AddTerm("trade form*", "", &id).ok());        // 2
  ASSERT_TRUE(m.AddTerm("Côte d'Ivoire", "", &id).ok());      // 3
  ASSERT_TRUE(m.AddTerm("formación", "es", &id).ok());        // 4
  ASSERT_TRUE(m.AddTerm("tr*", "", &id).ok());                // 5
  EXPECT_EQ(id, 5);
  EXPECT_EQ(m.entry_count(), 6);
  struct Case {
    const char* text;
    const char* lang;
    std::vector<std::string> matches;
  } cases[] = {
      {"Capacity-Building", "en", {"0@0-17"}},
      {"CAPACITY BUILDING", "en", {"0@0-17"}},
      {"capacity  buildings", "en", {}},
      {"Trainers trained", "en", {"5@0-8", "1@0-8", "5@9-16", "1@9-16"}},
      {"the trade forms", "en", {"5@4-9", "2@4-15"}},
      {"Cote d’Ivoire", "en", {"3@0-13"}},
      {"la formación", "es", {"4@3-12"}},
      {"la formación", "en", {}},
      {"la formacion", "es", {"4@3-12"}},
      {"strain", "en", {}},
      {"", "en", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(m, c.text, c.lang), c.matches) << c.text;
  }
}

TEST(TermMatcherTest, RefusesTermsWithoutWordsOrStrayStars) {
  struct Case {
    const char* term;
    const char* error;
  } cases[] = {
      {"---", "has no words"},
      {"*", "has no words"},
      {"*ing", "may only end a word"},
      {"train* *", "may only end a word"},
      {"ment*ring", "may only end a word"},  // read as "ment*" "ring"
      {"capacity build*ing", "may only end a word"},
  };
  for (const Case& c : cases) {
    TermMatcher m;
    int id = 0;
    Status s = m.AddTerm(c.term, "", &id);
    EXPECT_FALSE(s.ok()) << c.term;
    EXPECT_NE(s.message().find(c.error), std::string::npos) << s.message();
  }
}

// Terms that match the same words have the same key; a star or a word
// more makes another.
TEST(TermMatcherTest, TermKeyIsWhatTheTermMatches) {
  auto key = [](const char* term) {
    std::u16string k;
    EXPECT_TRUE(TermMatcher::TermKey(term, &k).ok()) << term;
    return k;
  };
  EXPECT_EQ(key("Capacity-Building*"), key("capacity building*"));
  EXPECT_EQ(key("Asesoría  jurídica"), key("asesoria juridica"));
  EXPECT_NE(key("training*"), key("training"));
  EXPECT_NE(key("waste"), key("mercury waste"));
  std::u16string k;
  EXPECT_FALSE(TermMatcher::TermKey("ment*ring", &k).ok());
}

// A star that ends a word may stand before a space, a hyphen or the end.
TEST(TermMatcherTest, AcceptsStarsThatEndWords) {
  for (const char* term : {"train*", "train* officer*", "build* capacity",
                           "non-mercury alternative*"}) {
    TermMatcher m;
    int id = 0;
    EXPECT_TRUE(m.AddTerm(term, "", &id).ok()) << term;
  }
}

TEST(TermMatcherTest, MatchesPatternsOnFoldedText) {
  TermMatcher m;
  int id = -1;
  ASSERT_TRUE(m.AddPattern("\\bimport(s|ed)? (and|or) export", "", &id).ok());
  ASSERT_TRUE(m.AddPattern("\\brecu\\b", "fr", &id).ok());
  struct Case {
    const char* text;
    const char* lang;
    std::vector<std::string> matches;
  } cases[] = {
      {"Imports and exports of mercury", "en", {"0@0-18"}},
      {"import or export; imported and export", "en", {"0@0-16", "0@18-37"}},
      {"Le Togo a reçu", "fr", {"1@10-14"}},
      {"Le Togo a reçu", "en", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(m, c.text, c.lang), c.matches) << c.text;
  }
}

TEST(TermMatcherTest, ThePatternOfManyLabelsIsOneSearchWithTheirEntries) {
  // A rules file gives every label the same pattern (what a heading looks
  // like): each entry keeps its matches, in the order patterns were added,
  // negation applies to each, and another language's copy stays apart.
  TermMatcher m;
  m.set_negation_window(3);
  ASSERT_TRUE(m.AddNegation("no", "").ok());
  const char* heading = "^\\s*\\d+\\.\\s+\\S+( \\S+)?$";
  int a = -1, b = -1, c = -1, d = -1;
  ASSERT_TRUE(m.AddPattern(heading, "", &a).ok());
  ASSERT_TRUE(m.AddPattern("\\bcentre\\b", "", &b).ok());
  ASSERT_TRUE(m.AddPattern(heading, "", &c).ok());
  ASSERT_TRUE(m.AddPattern(heading, "fr", &d).ok());
  EXPECT_EQ(std::vector<int>({a, b, c, d}), std::vector<int>({0, 1, 2, 3}));
  EXPECT_EQ(Describe(m, "3. Support received"),
            std::vector<std::string>({"0@0-19", "2@0-19"}));
  EXPECT_EQ(Describe(m, "3. Support received", "fr"),
            std::vector<std::string>({"0@0-19", "2@0-19", "3@0-19"}));
  EXPECT_EQ(Describe(m, "The centre, no centre"),
            std::vector<std::string>({"1@4-10"}));
  EXPECT_TRUE(Describe(m, "3. Support received in 2021.").empty());
  // A twin of a pattern that does not compile is not a twin: it fails too.
  EXPECT_FALSE(m.AddPattern("train(ing", "", &a).ok());
  EXPECT_FALSE(m.AddPattern("train(ing", "", &a).ok());
}

TEST(TermMatcherTest, RefusesPatternsThatDoNotCompile) {
  TermMatcher m;
  int id = 0;
  Status s = m.AddPattern("train(ing", "", &id);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("train(ing"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("U_REGEX"), std::string::npos) << s.message();
  EXPECT_EQ(m.entry_count(), 0);
}

TEST(TermMatcherTest, DropsMatchesAfterNegationInTheSameSentence) {
  TermMatcher m;
  int id = -1;
  ASSERT_TRUE(m.AddTerm("training", "", &id).ok());     // 0
  ASSERT_TRUE(m.AddPattern("received", "", &id).ok());  // 1
  ASSERT_TRUE(m.AddNegation("no", "").ok());
  ASSERT_TRUE(m.AddNegation("not", "").ok());
  ASSERT_TRUE(m.AddNegation("no longer", "").ok());
  m.set_negation_window(3);
  struct Case {
    const char* text;
    std::vector<std::string> matches;
  } cases[] = {
      {"training was held", {"0@0-8"}},
      {"no training was held", {}},
      {"No formal technical training", {}},                    // 3 words before
      {"no formal national technical training", {"0@29-37"}},  // 4 before
      {"No funds. Training was held", {"0@10-18"}},            // other sentence
      {"no funds; training", {"0@10-18"}},
      {"we have not received", {}},
      {"we have not yet received", {}},
      {"we no longer offer training", {}},
      {"training, not funding", {"0@0-8"}},  // negation after the term
      {"note: training", {"0@6-14"}},        // "note" is not "not"
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(m, c.text), c.matches) << c.text;
  }
}

TEST(TermMatcherTest, EntriesKeptWhenNegatedAreFoundAfterANegation) {
  TermMatcher m;
  int training = -1, imports = -1;
  ASSERT_TRUE(m.AddTerm("training", "", &training).ok());
  ASSERT_TRUE(m.AddPattern("imports?", "", &imports).ok());
  ASSERT_TRUE(m.AddNegation("no", "").ok());
  m.set_negation_window(3);
  m.KeepWhenNegated(imports);
  EXPECT_EQ(Describe(m, "no training and no imports"),
            std::vector<std::string>{"1@19-26"});
}

TEST(TermMatcherTest, NegationWindowZeroDisablesNegation) {
  TermMatcher m;
  int id = -1;
  ASSERT_TRUE(m.AddTerm("training", "", &id).ok());
  ASSERT_TRUE(m.AddNegation("no", "").ok());
  EXPECT_EQ(Describe(m, "no training"), std::vector<std::string>{"0@3-11"});
}

TEST(TermMatcherTest, NegationTermsApplyOnlyToTheirLanguage) {
  TermMatcher m;
  int id = 0;
  ASSERT_TRUE(m.AddTerm("training", "", &id).ok());
  ASSERT_TRUE(m.AddNegation("pas", "fr").ok());
  m.set_negation_window(3);
  struct Case {
    const char* lang;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"fr", {}},
      {"fr-CA", {}},
      {"en", {"0@4-12"}},  // "pas" is not a negation in English
      {"und", {"0@4-12"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(m, "pas training", c.lang), c.want) << c.lang;
  }
}

TEST(TermMatcherTest, PatternTimeoutIsReported) {
  TermMatcher m;
  int id = 0;
  ASSERT_TRUE(m.AddPattern("aa", "", &id).ok());
  ASSERT_TRUE(m.AddPattern("(a+)+b", "", &id).ok());  // backtracks for ever
  bool timed_out = false;
  std::vector<TermMatch> found =
      m.Find(FoldText(std::string(5000, 'a')), "en", &timed_out);
  EXPECT_TRUE(timed_out);
  EXPECT_EQ(found.size(), 2500u);  // the other pattern's matches are kept
  timed_out = false;
  m.Find(FoldText("aab"), "en", &timed_out);
  EXPECT_FALSE(timed_out);
  m.Find(FoldText(std::string(5000, 'a')), "en");  // no out-param: fine
}

}  // namespace
}  // namespace intake
