#include "classifiers/text_fold.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace intake {
namespace {

TEST(TextFoldTest, FoldsCaseAccentsPunctuationAndLigatures) {
  struct Case {
    const char* in;
    const char* folded;
  } cases[] = {
      {"Capacity-Building", "capacity-building"},
      {"CAPACITY BUILDING", "capacity building"},
      {"Côte d’Ivoire a reçu", "cote d'ivoire a recu"},
      {"ÉTATS-UNIS", "etats-unis"},
      {"Straße", "strasse"},
      {"œuvre ŒUVRE æ", "oeuvre oeuvre ae"},
      {"ﬁnancial ﬂow", "financial flow"},
      {"2019–2021 — x", "2019-2021 - x"},
      {"capa\u00ADcity", "capacity"},
      {"e\u0301le\u0300ve", "eleve"},  // decomposed input
      {"Año Niño", "ano nino"},
      {"İstanbul", "istanbul"},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FoldToUtf8(c.in), c.folded) << c.in;
  }
}

TEST(TextFoldTest, MapsFoldedPositionsBackToOriginalCodePoints) {
  const std::string text = "Côte d'Ivoire a reçu une ﬁne";
  FoldedText f = FoldText(text);
  ASSERT_EQ(f.origin.size(), f.folded.size() + 1);
  ASSERT_EQ(f.cp_byte.size(), 29u);  // 28 code points + end
  struct Case {
    size_t token;
    int start, end;
    const char* original;
  } cases[] = {
      {0, 0, 4, "Côte"},   {1, 5, 6, "d"},     {2, 7, 13, "Ivoire"},
      {4, 16, 20, "reçu"}, {6, 25, 28, "ﬁne"},
  };
  for (const Case& c : cases) {
    ASSERT_LT(c.token, f.tokens.size());
    const FoldedToken& t = f.tokens[c.token];
    int start = f.OriginalStart(t.begin);
    int end = f.OriginalEnd(t.end);
    EXPECT_EQ(start, c.start) << c.original;
    EXPECT_EQ(end, c.end) << c.original;
    EXPECT_EQ(f.OriginalText(text, start, end), c.original);
  }
}

TEST(TextFoldTest, SpanEndingInsideALigatureCoversIt) {
  FoldedText f = FoldText("ﬁ");
  ASSERT_EQ(f.folded, u"fi");
  EXPECT_EQ(f.OriginalStart(0), 0);
  EXPECT_EQ(f.OriginalEnd(1), 1);
  EXPECT_EQ(f.OriginalStart(1), 0);
}

TEST(TextFoldTest, DroppedMarksBelongToTheSpanBeforeThem) {
  const std::string text = "cafe\u0301 noir";  // "café" decomposed
  FoldedText f = FoldText(text);
  ASSERT_EQ(f.tokens.size(), 2u);
  int end = f.OriginalEnd(f.tokens[0].end);
  EXPECT_EQ(end, 5);
  EXPECT_EQ(f.OriginalText(text, 0, end), "cafe\u0301");
}

std::vector<std::string> Words(const FoldedText& f) {
  std::vector<std::string> words;
  for (const FoldedToken& t : f.tokens) {
    std::u16string_view w = f.Word(t);
    words.emplace_back(w.begin(), w.end());  // test inputs are ASCII
  }
  return words;
}

TEST(TextFoldTest, SplitsWordsAtHyphensApostrophesAndPunctuation) {
  struct Case {
    const char* in;
    std::vector<std::string> words;
  } cases[] = {
      {"capacity-building", {"capacity", "building"}},
      {"d'Ivoire", {"d", "ivoire"}},
      {"UNEP/GEF (2019)", {"unep", "gef", "2019"}},
      {"  a,b;c  ", {"a", "b", "c"}},
      {"1.5 tonnes", {"1", "5", "tonnes"}},
      {"...", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Words(FoldText(c.in)), c.words) << c.in;
  }
}

TEST(TextFoldTest, NumbersSentences) {
  struct Case {
    const char* in;
    std::vector<int> sentences;  // per word
  } cases[] = {
      {"No help. We trained", {0, 0, 1, 1}}, {"none; some", {0, 1}},
      {"Why? Because! Yes", {0, 1, 2}},      {"1.5 kg", {0, 0, 0}},
      {"U.N.E.P staff", {0, 0, 0, 0, 0}},    {"end.", {0}},
  };
  for (const Case& c : cases) {
    FoldedText f = FoldText(c.in);
    std::vector<int> got;
    for (const FoldedToken& t : f.tokens) got.push_back(t.sentence);
    EXPECT_EQ(got, c.sentences) << c.in;
  }
}

}  // namespace
}  // namespace intake
