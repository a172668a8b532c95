// Reading back the records a run wrote: every line is checked as a record
// (JSON object, schema version, kind), and a pass that needs only a few
// fields of each can keep only those.
#include "pipeline/record_lines.h"

#include <gtest/gtest.h>

#include <sstream>

namespace intake {
namespace {

constexpr char kTwoPassages[] =
    R"({"schema_version":1,"record":"passage","passage_id":"a","text":"Long text","evidence":[{"label":"x"}],"needs_review":true})"
    "\n"
    R"({"schema_version":1,"record":"passage","passage_id":"b","text":"More","needs_review":false})"
    "\n";

TEST(RecordLinesTest, KeepOnlyDropsTheOtherFieldsAndStillChecks) {
  std::istringstream in(kTwoPassages);
  RecordLines lines(in, "passages.jsonl", "passage");
  lines.KeepOnly({"passage_id", "needs_review"});
  nlohmann::json record;
  ASSERT_TRUE(lines.Next(&record));
  EXPECT_EQ(record["passage_id"], "a");
  EXPECT_EQ(record["needs_review"], true);
  EXPECT_FALSE(record.contains("text"));
  EXPECT_FALSE(record.contains("evidence"));
  EXPECT_EQ(lines.offset(), 0);
  ASSERT_TRUE(lines.Next(&record));
  EXPECT_EQ(record["passage_id"], "b");
  EXPECT_GT(lines.offset(), 0);
  EXPECT_FALSE(lines.Next(&record));
  EXPECT_TRUE(lines.status().ok());

  // The kind and the schema version are checked whatever is kept.
  std::istringstream documents(
      R"({"schema_version":1,"record":"document","passage_id":"c"})"
      "\n");
  RecordLines wrong(documents, "passages.jsonl", "passage");
  wrong.KeepOnly({"passage_id"});
  EXPECT_FALSE(wrong.Next(&record));
  EXPECT_NE(wrong.status().message().find("passages.jsonl:1"),
            std::string::npos)
      << wrong.status().message();
}

TEST(RecordLinesTest, ANumberNlohmannCannotHoldIsAnErrorOfItsLine) {
  std::istringstream in(
      R"({"schema_version":1,"record":"passage","passage_id":"a"})"
      "\n"
      R"({"schema_version":1,"record":"passage","page":1e400})"
      "\n");
  RecordLines lines(in, "passages.jsonl", "passage");
  nlohmann::json record;
  ASSERT_TRUE(lines.Next(&record));
  EXPECT_FALSE(lines.Next(&record));
  EXPECT_NE(lines.status().message().find("passages.jsonl:2"),
            std::string::npos)
      << lines.status().message();
}

}  // namespace
}  // namespace intake
