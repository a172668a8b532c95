// ParseJsonLine must give what nlohmann::json::parse gives, since every
// reader of a run's records was written against nlohmann's values, and
// nlohmann's errors for lines that are not JSON.
#include "pipeline/json_line.h"

#include <gtest/gtest.h>

#include <string>

namespace intake {
namespace {

using Json = nlohmann::json;

void ExpectAsNlohmann(const std::string& line) {
  const Json ours = ParseJsonLine(line);
  const Json theirs = Json::parse(line);
  EXPECT_EQ(ours, theirs) << line;
  EXPECT_EQ(ours.dump(), theirs.dump()) << line;
  // The types, not only the values: readers ask is_number_unsigned().
  EXPECT_EQ(ours.type(), theirs.type()) << line;
  if (ours.is_object()) {
    for (auto it = ours.begin(); it != ours.end(); ++it) {
      EXPECT_EQ(it->type(), theirs.at(it.key()).type()) << it.key();
    }
  }
}

TEST(JsonLineTest, GivesWhatNlohmannGives) {
  ExpectAsNlohmann(
      R"({"schema_version":1,"record":"passage","page":-3,"score":0.25,)"
      R"("big":18446744073709551615,"flag":true,"none":null,)"
      R"("text":"caf\u00e9 \"quoted\"\n\u20ac","list":["a",[1,2],{}]})");
  ExpectAsNlohmann(R"([1,-1,1.5e3,"x"])");
  ExpectAsNlohmann(R"("just a string")");
  ExpectAsNlohmann("  {\"a\" : 1 }  ");
  // A repeated key: the last value, as nlohmann keeps it.
  ExpectAsNlohmann(R"({"a":1,"a":2})");
  // Past uint64: simdjson refuses it, nlohmann reads a double.
  ExpectAsNlohmann(R"({"n":123456789012345678901234567890})");
}

TEST(JsonLineTest, KeepsOnlyTheTopLevelFieldsAsked) {
  const Json j = ParseJsonLine(
      R"({"passage_id":"a","text":"long","evidence":[{"passage_id":"b"}],)"
      R"("needs_review":true})",
      {"needs_review", "passage_id"});
  EXPECT_EQ(j, Json::parse(R"({"passage_id":"a","needs_review":true})"));
}

TEST(JsonLineTest, KeepsOnlyTheFieldsAskedWhenNlohmannDecides) {
  // simdjson refuses an integer past uint64; nlohmann reads it.
  const Json j = ParseJsonLine(
      R"({"passage_id":"a","n":123456789012345678901234567890,"text":"x"})",
      {"n", "passage_id"});
  EXPECT_EQ(j.size(), 2u);
  EXPECT_TRUE(j.contains("n"));
  EXPECT_FALSE(j.contains("text"));
}

TEST(JsonLineTest, NumbersNlohmannCannotHoldThrowItsError) {
  EXPECT_THROW((void)ParseJsonLine(R"({"page":1e400})"), Json::out_of_range);
}

TEST(JsonLineTest, LinesThatAreNotJsonThrowNlohmannsError) {
  for (const std::string line :
       {"{\"a\":1", "{\"a\":tru}", "{\"a\":1} x", "", "{'a':1}",
        "{\"a\":\"\xff\xfe\"}", "{\"a\":01}"}) {
    std::string expected;
    try {
      const Json accepted = Json::parse(line);
      ADD_FAILURE() << "nlohmann accepted: " << accepted.dump();
    } catch (const Json::parse_error& e) {
      expected = e.what();
    }
    ASSERT_FALSE(expected.empty()) << line;
    try {
      (void)ParseJsonLine(line);
      ADD_FAILURE() << "accepted: " << line;
    } catch (const Json::parse_error& e) {
      EXPECT_EQ(e.what(), expected);
    }
  }
}

}  // namespace
}  // namespace intake
