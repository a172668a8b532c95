// Runs split into shards (`intake run --shard K/N`) and joined again
// (`intake merge`) give the bytes one run over everything gives, however
// the documents fall: letters found twice, inside archives and attached to
// mail in different shards included.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "pipeline/sha256.h"
#include "pipeline/shard.h"
#include "tests/intake_runs.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

namespace fs = std::filesystem;
using testing::ExpectSameRecords;
using testing::Fixture;
using testing::Intake;
using testing::MakeTempDir;
using testing::ReadFileOrDie;

TEST(ShardTest, EveryHashIsInExactlyOneShard) {
  for (int count : {1, 2, 3, 7}) {
    for (int i = 0; i < 200; ++i) {
      std::string hash = Sha256Hex(std::to_string(i));
      int owners = 0;
      for (int k = 1; k <= count; ++k) owners += Shard{k, count}.Owns(hash);
      EXPECT_EQ(owners, 1) << hash << " in " << count << " shards";
    }
  }
}

TEST(ShardTest, ParsesKOverN) {
  Shard shard;
  EXPECT_TRUE(ParseShard("2/5", &shard).ok());
  EXPECT_EQ(shard.index, 2);
  EXPECT_EQ(shard.count, 5);
  for (const char* bad : {"0/3", "4/3", "3", "/3", "1/", "a/b", "1/3x", ""}) {
    Status s = ParseShard(bad, &shard);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_NE(s.message().find("K/N"), std::string::npos) << s.message();
  }
}

// Letters found directly, in a ZIP, attached to mail (twice), and broken
// files: the same bytes in several places across shards.
std::string Inputs() {
  std::string in = MakeTempDir("shard-in");
  fs::copy(Fixture("letters"), in + "/letters");
  fs::copy(Fixture("mail"), in + "/mail");
  fs::copy(Fixture("zip/submissions.zip"), in + "/submissions.zip");
  fs::copy(Fixture("msg"), in + "/msg");
  fs::copy(Fixture("broken"), in + "/broken");
  fs::copy_file(Fixture("letters/cambodia-long.pdf"), in + "/again.pdf");
  return in;
}

const char kFlags[] = " --quiet --max-ocr-pages 0";

TEST(ShardMergeTest, MergedShardsEqualOneRun) {
  std::string in = Inputs();
  std::string single = MakeTempDir("shard-single");
  Intake("run " + in + " --out " + single + kFlags);
  for (int count : {2, 3, 5}) {
    std::string shards;
    for (int k = 1; k <= count; ++k) {
      std::string out = MakeTempDir("shard-part");
      Intake("run " + in + " --out " + out + kFlags + " --shard " +
             std::to_string(k) + "/" + std::to_string(count));
      shards += " " + out;
    }
    std::string merged = MakeTempDir("shard-merged");
    ASSERT_EQ(Intake("merge" + shards + " --out " + merged), 0);
    ExpectSameRecords(single, merged);
    // The same shards again: nothing changes.
    ASSERT_EQ(Intake("merge" + shards + " --out " + merged), 0);
    ExpectSameRecords(single, merged);
  }
}

// A reviewer's decision imported into the shard that holds the passage
// comes out of the merge as it does from one run with the same decision.
TEST(ShardMergeTest, MergeKeepsReviewersDecisions) {
  std::string in = Inputs();
  std::string single = MakeTempDir("shard-review-single");
  Intake("run " + in + " --out " + single + kFlags);
  std::vector<std::string> parts;
  for (int k = 1; k <= 2; ++k) {
    parts.push_back(MakeTempDir("shard-review-part"));
    Intake("run " + in + " --out " + parts.back() + kFlags + " --shard " +
           std::to_string(k) + "/2");
  }
  // A substantive passage of shard 2, decided differently from the rules.
  nlohmann::json passage;
  for (const nlohmann::json& p :
       testing::ReadJsonLines(parts[1] + "/passages.jsonl")) {
    if (p["kind"] == "paragraph" && p["text"].get<std::string>().size() > 80) {
      passage = p;
      break;
    }
  }
  ASSERT_FALSE(passage.is_null());
  nlohmann::json decision = {
      {"passage_id", passage["passage_id"]},
      {"doc_id", passage["doc_id"]},
      {"text_sha256", Sha256Hex(passage["text"].get<std::string>())},
      {"article14", {"14.3"}},
      {"activity", nlohmann::json::array()},
      {"theme", {"waste"}},
      {"stance", "need"},
      {"comment", ""},
      {"decided_at", "2026-11-25T10:00:00Z"}};
  std::string file = MakeTempDir("shard-review-file") + "/decisions.json";
  std::ofstream(file) << nlohmann::json{
      {"format", "intake-review-decisions"},
      {"version", 1},
      {"reviewer", "Ana"},
      {"list_id", "test"},
      {"exported_at", "2026-11-25T10:01:00Z"},
      {"decisions",
       {decision}}}.dump();
  ASSERT_EQ(Intake("review import " + file + " --out " + single), 0);
  ASSERT_EQ(Intake("review import " + file + " --out " + parts[1]), 0);
  std::string merged = MakeTempDir("shard-review-merged");
  ASSERT_EQ(Intake("merge " + parts[0] + " " + parts[1] + " --out " + merged),
            0);
  ExpectSameRecords(single, merged);
  EXPECT_NE(ReadFileOrDie(merged + "/passages.jsonl")
                .find("\"labels_from\":\"reviewer\""),
            std::string::npos);
}

TEST(ShardMergeTest, BadShardsAreRefused) {
  std::string out = MakeTempDir("shard-bad");
  EXPECT_EQ(
      Intake("run " + Fixture("letters") + " --out " + out + " --shard 3/2"),
      2);
  EXPECT_EQ(Intake("merge " + MakeTempDir("shard-empty") + " --out " + out), 2);
  std::string not_store = MakeTempDir("shard-junk") + "/intake.sqlite";
  std::ofstream(not_store) << "not a database";
  EXPECT_EQ(Intake("merge " + not_store + " --out " + out), 2);
}

}  // namespace
}  // namespace intake
