// Text built to hurt: endless tokens and hyphen chains that once overflowed
// std::regex's recursion or made normalization quadratic. Each must go
// through normalize and segment (the stages that use regexes) and come out
// whole. A regression shows as a crash or as this test timing out in CTest.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/normalize.h"
#include "pipeline/segment.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HostileTextTest, NormalizeAndSegmentSurvive) {
  const std::string cases[] = {
      "A" + std::string(200000, 'a'),                   // one endless word
      Repeat("1", 1) + Repeat(".1", 100000) + " text",  // endless number
      Repeat("a-", 200000),                             // hyphen chain
      Repeat("ab-\n", 100000),                     // hyphen at every line end
      "Dear " + std::string(100000, 'x') + ",",    // salutation-like
      "20 " + std::string(100000, 'M') + " 2021",  // date-like
      Repeat("(", 50000) + " x",                   // brackets
      Repeat("\xC3\xA9", 100000),                  // accents, no spaces
  };
  for (const std::string& text : cases) {
    std::vector<Block> blocks(2);
    blocks[0].text = text;
    blocks[0].page = 1;
    blocks[1].text = text;
    blocks[1].page = 2;
    std::vector<Passage> passages = Segment(NormalizeBlocks(blocks));
    ASSERT_FALSE(passages.empty()) << text.substr(0, 20);
    int total = 0;
    for (const Passage& p : passages) total += CountCodePoints(p.text);
    EXPECT_GT(total, 0);
  }
}

}  // namespace
}  // namespace intake
