#include "classifiers/literal_index.h"

#include <gtest/gtest.h>

#include <vector>

namespace intake {
namespace {

std::vector<int32_t> Starts(const LiteralHits& hits, int owner) {
  std::span<const int32_t> s = hits.StartsOf(owner);
  return {s.begin(), s.end()};
}

TEST(LiteralIndexTest, FindsEveryOwnersStartsInTextOrder) {
  LiteralIndex index;
  index.AddStart(u"request", 0);
  index.AddStart(u"requests", 0);  // starts where "request" does: kept once
  index.AddStart(u"ask", 1);
  index.AddStart(u"de", 2);  // shorter than a three-unit key
  index.AddStart(u"x", 2);
  LiteralHits hits;
  //                 0         1         2         3
  //                 0123456789012345678901234567890123456
  index.Find(u"requests to ask, and a request de x", 4, 0, &hits);
  EXPECT_EQ(Starts(hits, 0), (std::vector<int32_t>{0, 23}));
  EXPECT_EQ(Starts(hits, 1), (std::vector<int32_t>{12}));
  EXPECT_EQ(Starts(hits, 2), (std::vector<int32_t>{31, 34}));
  EXPECT_TRUE(Starts(hits, 3).empty());  // an owner with no literal
}

TEST(LiteralIndexTest, WordStartLiteralsAreNotFoundInsideWords) {
  LiteralIndex index;
  index.AddStart(u"ask", 0, /*word_start=*/true);
  index.AddStart(u"ask", 1);
  index.AddStart(u" ask", 2, /*word_start=*/true);  // opens with a space
  index.AddGroup(u"ask", 0);
  LiteralHits hits;
  //                 0         1         2
  //                 0123456789 0123456789012
  index.Find(u"task ask, \u00e9ask _ask ask", 3, 1, &hits);
  // Not inside "task" or "_ask" (ASCII word units on both sides); after
  // "\u00e9" (one unit) it is kept: the regex decides there, as before.
  EXPECT_EQ(Starts(hits, 0), (std::vector<int32_t>{5, 11, 20}));
  EXPECT_EQ(Starts(hits, 1), (std::vector<int32_t>{1, 5, 11, 16, 20}));
  EXPECT_EQ(Starts(hits, 2), (std::vector<int32_t>{4, 19}));
  EXPECT_TRUE(hits.Holds(0));
}

TEST(LiteralIndexTest, GroupsOnlySayWhetherTheTextHoldsThem) {
  LiteralIndex index;
  index.AddStart(u"support", 0);
  index.AddGroup(u"help", 0);
  index.AddGroup(u"assistance", 0);
  index.AddGroup(u"training", 1);
  LiteralHits hits;
  index.Find(u"we ask for assistance", 1, 2, &hits);
  EXPECT_TRUE(hits.Holds(0));
  EXPECT_FALSE(hits.Holds(1));
  EXPECT_TRUE(Starts(hits, 0).empty());  // a group's literal is no start
  // A literal cut by the end of the text is not there.
  index.Find(u"trainin", 1, 2, &hits);
  EXPECT_FALSE(hits.Holds(1));
  index.Find(u"", 1, 2, &hits);
  EXPECT_TRUE(Starts(hits, 0).empty());
}

TEST(LiteralIndexTest, ComparesBeyondTheKeyAndOutsideAscii) {
  LiteralIndex index;
  index.AddStart(u"capacit", 0);
  index.AddStart(u"capital", 1);
  index.AddStart(u"\u00e9t\u00e9", 2);  // kept as given: no folding here
  LiteralHits hits;
  index.Find(u"capital capacity cap \u00e9t\u00e9", 3, 0, &hits);
  EXPECT_EQ(Starts(hits, 0), (std::vector<int32_t>{8}));
  EXPECT_EQ(Starts(hits, 1), (std::vector<int32_t>{0}));
  EXPECT_EQ(Starts(hits, 2), (std::vector<int32_t>{21}));
}

}  // namespace
}  // namespace intake
