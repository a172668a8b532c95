#include "classifiers/pattern_prefix.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "classifiers/term_matcher.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using LiteralFinder = std::vector<std::u16string> (*)(std::u16string_view);

std::string Utf8(std::u16string_view text) {
  std::string s;
  icu::UnicodeString(text.data(), static_cast<int32_t>(text.size()))
      .toUTF8String(s);
  return s;
}

std::vector<std::string> Literals(const std::string& pattern,
                                  LiteralFinder finder = LeadingLiterals) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(pattern);
  std::vector<std::string> out;
  for (const std::u16string& l :
       finder(std::u16string_view(u.getBuffer(), u.length()))) {
    out.push_back(Utf8(l));
  }
  return out;
}

// TopLevelAlternatives, in UTF-8.
std::vector<std::string> Alternatives(const std::string& pattern) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(pattern);
  std::vector<std::string> out;
  for (std::u16string_view part :
       TopLevelAlternatives(std::u16string_view(u.getBuffer(), u.length()))) {
    out.push_back(Utf8(part));
  }
  return out;
}

TEST(PatternPrefixTest, LeadingLiterals) {
  struct Case {
    const char* pattern;
    std::vector<std::string> literals;  // empty: try everywhere
  } cases[] = {
      {R"(\bsupported by\b)", {"supported by"}},
      {R"(\b(with|through) the (support|help) of\b)", {"with", "through"}},
      {R"(\binventor(y|ies) of mercury\b)", {"inventor"}},
      {R"(\banaly[sz]\w* mercury)", {"analy"}},
      {R"(specialists?)", {"specialist"}},
      {R"(ab*c)", {"a"}},
      {R"(ab+c)", {"ab"}},
      {R"(ab{0,2}c)", {"a"}},
      {R"(\bus\$ \d)", {"us$ "}},
      {R"(\bmercury monitoring\b|\bmonitor(ing|ed)? x)",
       {"mercury monitoring", "monitor"}},
      {R"((?:usd|eur)\s?\d)", {"usd", "eur"}},
      {R"([$€£]\s?\d)", {"$", "€", "£"}},
      {R"(\b(a(b|c)|d)e)", {"a", "d"}},
      // A lookaround is zero width: what follows it starts the match.
      {R"((?=a)abc)", {"abc"}},
      {R"((?<=\w(ais|anos)) (et|y) \w+)", {" "}},
      {R"((?<!no )\bfunded by)", {"funded by"}},
      // Nothing to be sure of.
      {R"((the )?capacity)", {}},
      {R"((\w+ ){0,2}access)", {}},
      {R"(\b(usd|eur)\s?\d|\d+ dollars)", {}},
      {R"([a-z]+ment)", {}},
      {R"([^.]x)", {}},
      {R"((?i)mercury)", {}},
      {R"(\Qabc\E)", {}},
      {R"((?<=x)*abc)", {}},
      {R"(.{0,80}avails)", {}},
      {R"((unclosed)", {}},
      {R"()", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Literals(c.pattern), c.literals) << c.pattern;
  }
}

TEST(PatternPrefixTest, RequiredLiterals) {
  struct Case {
    const char* pattern;
    std::vector<std::string> literals;  // empty: search every text
  } cases[] = {
      {R"(\bsupported by\b)", {"supported by"}},
      {R"((the )?capacity)", {"capacity"}},
      {R"((\w+ ){0,2}access)", {"access"}},
      {R"(\b(usd|eur)\s?\d|\d+ dollars)", {"usd", "eur", " dollars"}},
      {R"(\d[\d,.]*\s?(million )?(us )?(dollars|euros?)\b)",
       {"dollars", "euro"}},
      {R"([$€]\s?\d|\d{1,3}k)", {"$", "€", "k"}},
      {R"(.{0,80}avails)", {"avails"}},
      {R"((\b(usd|us\$)\s?\d|[$€]\s?\d|\d+(euros?|yen))[^.]*x)",
       {"usd", "us$", "$", "€", "euro", "yen"}},
      {R"((\d+ )?(\w+)+(?:bar|baz))", {"bar", "baz"}},
      {R"((\d+ )?(\w+ )+(?:bar|baz))", {" "}},
      {R"(a*?b+?c)", {"b"}},
      {R"((?=a)\d+x)", {"x"}},
      {R"((?! by)\d+x)", {"x"}},
      {R"(\b(provided)\b(?! by))", {"provided"}},
      // Nothing to be sure of.
      {R"(\d+ \w+)", {" "}},  // true, if of little use
      {R"(\d+\w+)", {}},
      {R"((the )?capacity|\d+)", {}},
      {R"((?i)mercury)", {}},
      {R"((?#c)mercury)", {}},
      {R"(\x41bc)", {}},
      {R"(\nbc)", {"bc"}},  // \n is one character, not "n"
      {R"([^\n]*bc)", {"bc"}},
      {R"(\u0041bc)", {}},
      {R"(\p{L}bc)", {}},
      {R"(\Qabc\E)", {}},
      {R"((unclosed)", {}},
      {R"()", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Literals(c.pattern, RequiredLiterals), c.literals) << c.pattern;
  }
}

std::vector<std::vector<std::string>> Groups(const std::string& pattern) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(pattern);
  std::vector<std::vector<std::string>> out;
  for (const std::vector<std::u16string>& group :
       RequiredLiteralGroups(std::u16string_view(u.getBuffer(), u.length()))) {
    out.emplace_back();
    for (const std::u16string& l : group) {
      std::string s;
      icu::UnicodeString(l.data(), static_cast<int32_t>(l.size()))
          .toUTF8String(s);
      out.back().push_back(s);
    }
  }
  return out;
}

TEST(PatternPrefixTest, RequiredLiteralGroups) {
  struct Case {
    const char* pattern;
    std::vector<std::vector<std::string>> groups;  // empty: nothing known
  } cases[] = {
      {R"(\b(request|ask)\b (\w+ ){0,4}(support|help))",
       {{"request", "ask"}, {" "}, {"support", "help"}}},
      {R"(\bno (\w+ ){0,2}(capacity|funds)\b)",
       {{"no "}, {"capacity", "funds"}}},
      {R"(\bsupported by\b)", {{"supported by"}}},
      // A run is read once, from its start; a quantifier ends it.
      {R"(abc?d+ef)", {{"ab"}, {"d"}, {"ef"}}},
      {R"(a\.b \d+ c)", {{"a.b "}, {" c"}}},
      {R"([xy]z (the )?end)", {{"x", "y"}, {"z "}, {"end"}}},
      // Optional elements and negative lookaround hold nothing for
      // certain; what a lookahead looks for stands in the text.
      {R"((the )?(\w+ )*(?=x)(?!y)fin)", {{"x"}, {"fin"}}},
      {R"(^(?=[^\n]* \| )[^\n]*\|\s*high)", {{" | "}, {"|"}, {"high"}}},
      {R"((?=x)?fin)", {{"fin"}}},
      // Top-level alternatives: the one group RequiredLiterals reads.
      {R"(\b(usd|eur)\s?\d|\d+ dollars)", {{"usd", "eur", " dollars"}}},
      {R"((the )?capacity|\d+)", {}},
      {R"((?i)mercury)", {}},
      {R"((?#c)mercury)", {}},
      {R"((unclosed)", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Groups(c.pattern), c.groups) << c.pattern;
  }
}

TEST(PatternPrefixTest, StartsAtWordBoundary) {
  struct Case {
    const char* pattern;
    bool word_start;
  } cases[] = {
      {R"(\bsupported by\b)", true},
      {R"(\b(a|b)c|\bd)", true},
      {R"(\b(a|b)c|d)", false},
      {R"((\ba|\bb))", false},  // true, but not read inside groups
      {R"(x\b)", false},
      {R"(\Bx)", false},
      {R"((?#c)\bx)", false},
      {R"(\b(unclosed)", false},
  };
  for (const Case& c : cases) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(c.pattern);
    EXPECT_EQ(
        StartsAtWordBoundary(std::u16string_view(u.getBuffer(), u.length())),
        c.word_start)
        << c.pattern;
  }
}

TEST(PatternPrefixTest, AnchoredAtStart) {
  struct Case {
    const char* pattern;
    bool anchored;
  } cases[] = {
      {R"(^\s*(a|b)\)\s+x)", true},
      {R"(^a$|^\s*b)", true},
      {R"(^a|b)", false},            // b may stand anywhere
      {R"((^|\n)director)", false},  // not read inside groups
      {R"((?m)^a)", false},          // ^ after every line break
      {R"(a^)", false},
      {R"(^(unclosed)", false},
  };
  for (const Case& c : cases) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(c.pattern);
    EXPECT_EQ(AnchoredAtStart(std::u16string_view(u.getBuffer(), u.length())),
              c.anchored)
        << c.pattern;
  }
}

// The shipped rules' patterns, unescaped from the XML.
std::vector<std::string> ShippedPatterns() {
  std::string xml = testing::ReadFileOrDie(testing::SourceDir() +
                                           "/classifiers/rules/rules.xml");
  std::vector<std::string> out;
  static const std::regex kPattern(R"(<pattern[^>]*>([^<]*)</pattern>)");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), kPattern);
       it != std::sregex_iterator(); ++it) {
    std::string p = (*it)[1];
    for (auto [from, to] : {std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"},
                            std::pair{"&quot;", "\""}, std::pair{"&apos;", "'"},
                            std::pair{"&amp;", "&"}}) {
      for (size_t at = p.find(from); at != p.npos; at = p.find(from, at)) {
        p.replace(at, std::string(from).size(), to);
        at += std::string(to).size();
      }
    }
    out.push_back(p);
  }
  return out;
}

TEST(PatternPrefixTest, TopLevelAlternatives) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Alternatives("\\bwho (a|b)\\b|\\b(from|by) who\\b|[|]x"),
            V({"\\bwho (a|b)\\b", "\\b(from|by) who\\b", "[|]x"}));
  EXPECT_EQ(Alternatives("no alternatives (a|b)"),
            V({"no alternatives (a|b)"}));
  // Back references would point elsewhere, inline flags would apply to
  // the first part only, an empty part matches everywhere, brackets that
  // do not balance cannot be read: the whole pattern, as given.
  EXPECT_EQ(Alternatives("(a)x\\1|b"), V({"(a)x\\1|b"}));
  EXPECT_EQ(Alternatives("(?i)a|b"), V({"(?i)a|b"}));
  EXPECT_EQ(Alternatives("a|"), V({"a|"}));
  EXPECT_EQ(Alternatives("(a|b"), V({"(a|b"}));
}

std::string NoCaptures(const std::string& pattern) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(pattern);
  return Utf8(WithoutCaptures(std::u16string_view(u.getBuffer(), u.length())));
}

TEST(PatternPrefixTest, WithoutCapturesKeepsWhatMatches) {
  EXPECT_EQ(NoCaptures("\\b(a|b(c|d))\\b"), "\\b(?:a|b(?:c|d))\\b");
  // Lookaround, non-capturing and atomic groups are stepped into; escaped
  // brackets and brackets in a class open nothing.
  EXPECT_EQ(NoCaptures("(?<=x)(?!(y))(?:(z))(?>(w))\\((q)[(](r)"),
            "(?<=x)(?!(?:y))(?:(?:z))(?>(?:w))\\((?:q)[(](?:r)");
  EXPECT_EQ(NoCaptures("[^(\\]]+(a)"), "[^(\\]]+(?:a)");
  // A "]" first in a set is itself, not its end: the "(" after it is in
  // the set.
  EXPECT_EQ(NoCaptures("[]a(](b)"), "[]a(](?:b)");
  EXPECT_EQ(NoCaptures("[^](]x(b)"), "[^](]x(?:b)");
  // Back references, inline flags and comments, named groups, quoting and
  // brackets that do not balance: as written.
  for (const char* kept : {"(a)\\1", "(?<n>a)\\k<n>", "(?i)(a)", "(?#c)(a)",
                           "(?<n>a)", "\\Q(\\E(a)", "[(a", "(a)\\"}) {
    EXPECT_EQ(NoCaptures(kept), kept);
  }
}

// Cross-check: every shipped pattern finds the same matches with the
// literal skips (leading, required, required groups, \b inside a word) as
// without them ("(?#...)" in front turns the skips off), on every
// development passage.
TEST(PatternPrefixTest, SkippingFindsWhatTheFullSearchFinds) {
  std::vector<std::string> patterns = ShippedPatterns();
  ASSERT_GT(patterns.size(), 50u);
  TermMatcher skipping;
  TermMatcher full;
  int entry = 0;
  int with_literals = 0;
  int with_required = 0;
  int with_groups = 0;
  int word_start = 0;
  for (const std::string& p : patterns) {
    ASSERT_TRUE(skipping.AddPattern(p, "", &entry).ok()) << p;
    // One group, so neither skipped nor searched by alternative.
    ASSERT_TRUE(full.AddPattern("(?#no skip)(?:" + p + ")", "", &entry).ok())
        << p;
    if (!Literals(p).empty()) ++with_literals;
    if (Literals(p).empty() && !Literals(p, RequiredLiterals).empty()) {
      ++with_required;
    }
    if (Groups(p).size() > 1) ++with_groups;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(p);
    if (StartsAtWordBoundary(std::u16string_view(u.getBuffer(), u.length()))) {
      ++word_start;
    }
  }
  // Both later skips are exercised by most shipped patterns.
  EXPECT_GT(with_groups, static_cast<int>(patterns.size()) / 2);
  EXPECT_GT(word_start, static_cast<int>(patterns.size()) / 2);
  // The currency amounts, at least, are searched only where they can be.
  EXPECT_GT(with_required, 0);
  // Most shipped patterns must get the skip, or it is not worth having.
  EXPECT_GT(with_literals, static_cast<int>(patterns.size()) * 3 / 4);
  int passages = 0;
  size_t total_matches = 0;
  for (const char* file : {"dev/dev.en.jsonl", "dev/test.en.jsonl",
                           "dev/dev.es.jsonl", "dev/dev.fr.jsonl"}) {
    std::ifstream in(testing::Fixture(file));
    std::string line;
    while (std::getline(in, line)) {
      std::string text = nlohmann::json::parse(line).at("text");
      FoldedText folded = FoldText(text);
      // Patterns searched by alternative give the same matches in the
      // same order.
      std::vector<TermMatch> a = skipping.Find(folded, "en");
      std::vector<TermMatch> b = full.Find(folded, "en");
      ASSERT_EQ(a.size(), b.size()) << text;
      for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].entry, b[i].entry) << text;
        EXPECT_EQ(a[i].start, b[i].start) << text;
        EXPECT_EQ(a[i].end, b[i].end) << text;
      }
      total_matches += a.size();
      ++passages;
    }
  }
  EXPECT_GT(passages, 200);
  EXPECT_GT(total_matches, 100u);
}

}  // namespace
}  // namespace intake
