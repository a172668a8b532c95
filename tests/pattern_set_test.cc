#include "classifiers/pattern_set.h"

#include <gtest/gtest.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

namespace intake {
namespace {

// "entry@begin-end" for every match, in the order Find gives them.
std::vector<std::string> Describe(const PatternSet& set,
                                  const std::string& text,
                                  bool* timed_out = nullptr) {
  std::vector<PatternMatch> found;
  set.Find(FoldText(text), "en", &found, timed_out);
  std::vector<std::string> out;
  for (const PatternMatch& m : found) {
    out.push_back(std::to_string(m.entry) + "@" + std::to_string(m.begin) +
                  "-" + std::to_string(m.end));
  }
  return out;
}

// What ICU's find() reports for `pattern` over the folded text, empty
// matches left out: what PatternSet must find.
std::vector<std::string> IcuFind(const std::string& pattern,
                                 const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError error;
  std::unique_ptr<icu::RegexPattern> regex(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(pattern), 0, error, status));
  EXPECT_TRUE(U_SUCCESS(status)) << pattern;
  const std::u16string folded = FoldText(text).folded;
  const icu::UnicodeString input(false, folded.data(),
                                 static_cast<int32_t>(folded.size()));
  std::unique_ptr<icu::RegexMatcher> m(regex->matcher(input, status));
  std::vector<std::string> out;
  while (m->find(status) && U_SUCCESS(status)) {
    if (m->end(status) == m->start(status)) continue;
    out.push_back("0@" + std::to_string(m->start(status)) + "-" +
                  std::to_string(m->end(status)));
  }
  return out;
}

PatternSet Plain(const std::string& pattern) {
  PatternSet set;
  EXPECT_TRUE(set.Add(pattern, "", 0).ok());
  return set;
}

TEST(PatternSetTest, AlternativesNeedingMoreWordsFindWhatTheWholeFinds) {
  // Each alternative opens with words and needs more ("retorts" within 30
  // characters, "were built"): tried only where an alternative whose
  // words are all in the text opens, it finds what ICU's find() finds.
  const std::string pattern =
      "\\b(use|build)\\w*\\b[^.;]{0,30}\\bretorts?\\b|"
      "\\bretorts? (were|was) (built|used)\\b";
  PatternSet split = Plain(pattern);
  struct Case {
    const char* text;
    std::vector<std::string> matches;
  } cases[] = {
      {"Retorts were built. They use retorts daily", {"0@0-18", "0@25-36"}},
      {"We use the retorts were built", {"0@3-18"}},
      {"we build nothing; retorts", {}},
      {"a retort was used, building with retorts", {"0@2-17", "0@19-40"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(split, c.text), c.matches) << c.text;
    EXPECT_EQ(IcuFind(pattern, c.text), c.matches) << c.text;
  }
}

TEST(PatternSetTest, AlternativesSearchedApartResumeAfterTheLastMatch) {
  // "\wb+" alone first matches "abbb" whole; after the whole pattern's
  // "ab" the next match starts at 2: "bb".
  EXPECT_EQ(IcuFind("ab|\\wb+", "abbb"),
            std::vector<std::string>({"0@0-2", "0@2-4"}));
  EXPECT_EQ(Describe(Plain("ab|\\wb+"), "abbb"),
            std::vector<std::string>({"0@0-2", "0@2-4"}));
}

TEST(PatternSetTest, FindsWhatOneFindOfTheWholePatternFinds) {
  // Patterns that take each of Find's paths (openings, alternatives
  // searched apart, alternatives needing more words, anchored, empty)
  // against texts of a small alphabet, where matches crowd and overlap.
  const char* patterns[] = {
      "ab|\\wb+",
      "ab|b\\w+",
      "\\bab\\b|ba+|\\w{3}",
      "(ab|ba)[^c]{0,3}c|c(a|b)+",
      "^a\\w*|b\\b",
      "a b|\\b\\w\\b",
      "\\b(ab|bc)\\w*\\b[^.]{0,6}\\bca\\b|\\bca (ab|b)\\b",
      "c+|\\w(?=b)",
      "a*|bc",       // an alternative that matches empty
      "(?=b)|ca|b",  // one that is only empty
  };
  std::mt19937 random(20261127);
  const std::string alphabet = "abc .";
  for (const char* pattern : patterns) {
    PatternSet plain = Plain(pattern);
    for (int i = 0; i < 400; ++i) {
      std::string text;
      for (int n = random() % 16; n > 0; --n) {
        text += alphabet[random() % alphabet.size()];
      }
      ASSERT_EQ(Describe(plain, text), IcuFind(pattern, text))
          << pattern << " on \"" << text << "\"";
    }
  }
}

TEST(PatternSetTest, AnExpressionAddedTwiceIsSearchedOnceForBothEntries) {
  PatternSet set;
  ASSERT_TRUE(set.Add("\\bcentre\\b", "", 0).ok());
  ASSERT_TRUE(set.Add("\\bhub\\b", "", 1).ok());
  ASSERT_TRUE(set.Add("\\bcentre\\b", "", 2).ok());
  ASSERT_TRUE(set.Add("\\bcentre\\b", "fr", 3).ok());
  EXPECT_EQ(Describe(set, "the centre and the hub, a centre"),
            std::vector<std::string>(
                {"0@4-10", "0@26-32", "1@19-22", "2@4-10", "2@26-32"}));
}

TEST(PatternSetTest, RefusesPatternsThatDoNotCompile) {
  PatternSet set;
  Status s = set.Add("train(ing", "", 0);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("train(ing"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("U_REGEX"), std::string::npos) << s.message();
  // A second copy is not taken for a twin of the first: it fails too.
  EXPECT_FALSE(set.Add("train(ing", "", 1).ok());
  EXPECT_TRUE(Describe(set, "training").empty());
}

TEST(PatternSetTest, ATimeOutIsReportedAndOtherPatternsKeepTheirMatches) {
  PatternSet set;
  ASSERT_TRUE(set.Add("aa", "", 0).ok());
  ASSERT_TRUE(set.Add("(a+)+b", "", 1).ok());  // backtracks for ever
  bool timed_out = false;
  EXPECT_EQ(Describe(set, std::string(5000, 'a'), &timed_out).size(), 2500u);
  EXPECT_TRUE(timed_out);
  timed_out = false;
  Describe(set, "aab", &timed_out);
  EXPECT_FALSE(timed_out);
  Describe(set, std::string(5000, 'a'));  // no out-param: fine
}

}  // namespace
}  // namespace intake
