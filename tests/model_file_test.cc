// The model file (docs/model.md, "File format"): what it holds reads back,
// format 6's text weights still load, and damaged, truncated or hostile
// files are refused with the line and the reason.
#include "classifiers/model_file.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>

#include "classifiers/linear_model.h"
#include "classifiers/model_features.h"
#include "classifiers/model_training.h"
#include "classifiers/model_weights.h"
#include "pipeline/sha256.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

// `text` with its version line made right for its content, as if
// `intake train` had written it.
std::string Rehashed(std::string text) {
  size_t first = text.find('\n');
  size_t second = text.find('\n', first + 1);
  std::string content = text.substr(second + 1);
  return text.substr(0, first + 1) + "version " +
         Sha256Hex(content).substr(0, 12) + "\n" + content;
}

TEST(ModelFileTest, AFolderOrAMissingFileIsRefusedWithTheReason) {
  std::shared_ptr<const LinearModel> model;
  const std::string dir = testing::MakeTempDir("model-folder");
  Status s = LoadModel(dir, &model);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("is a folder"), std::string::npos) << s.message();
  s = LoadModel(dir + "/none.model", &model);
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.message();
  // What a file reads as when it is no model: the format line is missing.
  const std::string empty = dir + "/empty.model";
  std::ofstream(empty).close();
  s = LoadModel(empty, &model);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("line 1: does not start with 'intake-model'"),
            std::string::npos)
      << s.message();
}

TEST(ModelFileTest, RefusesOtherFormatsAndTruncatedFiles) {
  LinearModel m;
  // Format 1 had one stance calibration for every passage; format 2
  // learned the rule features at full value (kRuleFeatureValue); format 3
  // read States' adjectives as words; format 4 learned the rule features
  // at 0.25; format 5 gave every label from 0.5, without a give threshold
  // of its own.
  for (const char* other : {"1", "2", "3", "4", "5", "8", "07", "6x"}) {
    EXPECT_EQ(
        ParseModel(std::string("intake-model ") + other + "\n", "m", &m).code(),
        Status::Code::kUnsupported)
        << other;
  }
  EXPECT_FALSE(ParseModel("hello\n", "m", &m).ok());
  LinearModel empty;
  std::string text = ModelFileBytes(empty);
  EXPECT_TRUE(ParseModel(text, "m", &m).ok());
  Status s = ParseModel(Rehashed(text.substr(0, text.size() - 4)), "m", &m);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("truncated"), std::string::npos) << s.message();
  // Cut or changed after it was written: the version no longer says what
  // the file holds, and a run would not know to redo its documents.
  s = ParseModel(text.substr(0, text.size() - 4), "m", &m);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("version line"), std::string::npos) << s.message();
  EXPECT_FALSE(ParseModel("intake-model 7\nhash_bits 20\n", "m", &m).ok());
  // The empty model's file with one label line in it, its version mended.
  auto with_label = [&text](const std::string& line) {
    std::string one = text;
    one.replace(one.find("labels 0"), 8, "labels 1\n" + line);
    return Rehashed(one);
  };
  s = ParseModel(with_label("label theme:gold 0 -1 0 0 0.5 1"), "m", &m);
  EXPECT_NE(s.message().find("not in the taxonomy"), std::string::npos)
      << s.message();
  // Given at 0.3 but rejected up to 0.4: a label given in between would be
  // neither accepted nor reviewed.
  s = ParseModel(with_label("label theme:products 0 -1 0 0.4 0.3 0.9"), "m",
                 &m);
  EXPECT_NE(s.message().find("below its reject threshold"), std::string::npos)
      << s.message();
  std::string swapped = text;
  swapped.replace(swapped.find("stance_calibration plain"), 24,
                  "stance_calibration support");
  s = ParseModel(Rehashed(swapped), "m", &m);
  EXPECT_NE(s.message().find("stance calibration (plain)"), std::string::npos)
      << s.message();
}

// A model of two labels over three buckets, trained on nothing: enough to
// damage its file in every place that matters.
LinearModel SmallModel() {
  LinearModel m;
  m.rules_version = "test";
  for (const char* name : {"theme:products", "article14:14.1"}) {
    ModelLabel l;
    l.name = name;
    l.reject = 0.2;
    l.gives = 0.4;
    l.accept = 0.9;
    m.labels.push_back(l);
  }
  m.buckets = {5, 9, (1u << kHashBits) - 1};
  m.weights = {1.25f, -0.5f, 0.005f, 2.0f, -3.5f, 0.0f};
  m.IndexBuckets();
  return m;
}

// Where the weights' block of `bytes` starts.
size_t BlockStart(const std::string& bytes) {
  size_t at = bytes.find("\nbuckets ");
  return bytes.find('\n', at + 1) + 1;
}

TEST(ModelFileTest, TheWeightsReadBackAsWrittenAndSmallOnesAsZero) {
  const std::string bytes = ModelFileBytes(SmallModel());
  EXPECT_EQ(bytes.rfind("intake-model 7\n", 0), 0u);
  EXPECT_EQ(bytes.size() - BlockStart(bytes),
            WeightsBlockSize(3, 2) + std::strlen("\nend\n"));
  LinearModel back;
  Status s = ParseModel(bytes, "m", &back);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(back.buckets, (std::vector<uint32_t>{5, 9, 1048575}));
  EXPECT_EQ(back.weights,
            (std::vector<float>{1.25f, -0.5f, 0.0f, 2.0f, -3.5f, 0.0f}));
  EXPECT_EQ(ModelFileBytes(back), bytes);
  // Little-endian whatever the machine: the last bucket, 2^20 - 1, is
  // 0x000fffff, and the first weight, 1.25, is 0x3fa00000.
  const size_t block = BlockStart(bytes);
  EXPECT_EQ(bytes.substr(block + 8, 4), std::string("\xff\xff\x0f\x00", 4));
  EXPECT_EQ(bytes.substr(block + 12, 4), std::string("\x00\x00\xa0\x3f", 4));
}

// Models trained with reviewers' decisions since session 22 are format 6,
// whose weights are text lines.
TEST(ModelFileTest, AFormatSixModelStillLoads) {
  const std::string six =
      "intake-model 6\nversion 000000000000\nhash_bits 20\n"
      "training_data - 3\nrules_version test\nlabels 2\n"
      "label theme:products 0 -1 0 0.2 0.4 0.9\n"
      "label article14:14.1 0 -1 0 0.2 0.4 0.9\n"
      "stance_calibration plain -1 0 1\n"
      "stance_calibration support -1 0 1\n"
      "buckets 3\n5 0:1.25 1:-0.5\n9 1:2\n70000 0:-3.5\nend\n";
  LinearModel back;
  Status s = ParseModel(Rehashed(six), "m", &back);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(back.buckets, (std::vector<uint32_t>{5, 9, 70000}));
  EXPECT_EQ(back.weights,
            (std::vector<float>{1.25f, -0.5f, 0.0f, 2.0f, -3.5f, 0.0f}));
  // From a file, which is read whole for format 6.
  const std::string dir = testing::MakeTempDir("format-six");
  std::ofstream(dir + "/six.model", std::ios::binary) << Rehashed(six);
  std::shared_ptr<const LinearModel> loaded;
  s = LoadModel(dir + "/six.model", &loaded);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(loaded->weights, back.weights);
  // Written again, it is format 7 and holds the same.
  LinearModel seven;
  ASSERT_TRUE(ParseModel(ModelFileBytes(back), "m", &seven).ok());
  EXPECT_EQ(seven.weights, back.weights);
  struct Damage {
    const char* was;
    const char* now;
    const char* reason;
  };
  const Damage damages[] = {
      // A weight past a float's range would score as infinite.
      {"1:2\n", "1:1e39\n", "line 13: bad weight '1:1e39'"},
      {"1:2\n", "2:2\n", "line 13: bad weight '2:2'"},  // no label 2
      {"9 1:2", "4 1:2", "line 13: bad or unsorted bucket '4'"},
      {"70000 0:-3.5\nend\n", "70000 0:-3.5\n", "line 14: no 'end' line"},
      // A bucket count the file cannot hold is refused before the weights
      // are allocated (1,048,576 x 2 floats here; 1,000 labels would be 4
      // GB).
      {"buckets 3", "buckets 1048576", "line 11: more buckets than lines"},
  };
  for (const Damage& d : damages) {
    std::string damaged = six;
    damaged.replace(damaged.find(d.was), std::strlen(d.was), d.now);
    s = ParseModel(Rehashed(damaged), "six.model", &back);
    EXPECT_EQ(s.code(), Status::Code::kCorrupt) << d.reason;
    EXPECT_NE(s.message().find(std::string("six.model: ") + d.reason),
              std::string::npos)
        << s.message();
  }
}

TEST(ModelFileTest, ADamagedWeightsBlockIsRefusedWithTheReason) {
  const std::string bytes = ModelFileBytes(SmallModel());
  const size_t block = BlockStart(bytes);
  std::string claims = bytes;
  claims.replace(claims.find("buckets 3"), 9, "buckets 1048576");
  struct Damage {
    std::string bytes;  // its version not yet mended
    const char* reason;
  };
  // `bytes` with the 4 bytes at `at` replaced by `with`.
  auto four_at = [&bytes](size_t at, const char* with) {
    return std::string(bytes).replace(at, 4, std::string(with, 4));
  };
  const Damage damages[] = {
      {four_at(block, "\x09\0\0\0"), "bucket 1 (9) is not above bucket 0 (9)"},
      {four_at(block + 8, "\0\0\x10\0"), "bucket 2 is 1048576, not below 2^20"},
      // NaN (0x7fc00000) and infinity (0x7f800000).
      {four_at(block + 12, "\0\0\xc0\x7f"),
       "the weight of bucket 0 (5) for 'theme:products' is not a finite"},
      {four_at(block + 16, "\0\0\x80\x7f"),
       "the weight of bucket 0 (5) for 'article14:14.1' is not a finite"},
      // Cut inside the block, or after it; a byte added.
      {bytes.substr(0, block + 10), "take more than the 10 bytes left"},
      {bytes.substr(0, bytes.size() - 1), "truncated or has bytes added"},
      {bytes + "x", "truncated or has bytes added"},
      {bytes.substr(0, bytes.size() - 4) + "END\n",
       "no 'end' line after the weights"},
      // More buckets than the file holds: refused before any is read.
      {claims, "1048576 buckets and the 'end' line take more than the"},
  };
  // Read from bytes, and from a file, which is read in pieces.
  const std::string dir = testing::MakeTempDir("damaged-model");
  const std::string path = dir + "/damaged.model";
  for (const Damage& d : damages) {
    LinearModel m;
    Status s = ParseModel(Rehashed(d.bytes), path, &m);
    std::ofstream(path, std::ios::binary) << Rehashed(d.bytes);
    std::shared_ptr<const LinearModel> loaded;
    for (const Status& got : {s, LoadModel(path, &loaded)}) {
      EXPECT_EQ(got.code(), Status::Code::kCorrupt) << d.reason;
      EXPECT_NE(got.message().find(path + ": line 11: "), std::string::npos)
          << got.message();
      EXPECT_NE(got.message().find(d.reason), std::string::npos)
          << got.message();
    }
  }
}

// A file is read in pieces of a megabyte: a model larger than one reads
// back as ParseModel reads its bytes, and one changed after it was
// written is refused for its version.
TEST(ModelFileTest, AFileReadInPiecesIsTheModelItsBytesHold) {
  LinearModel big = SmallModel();
  big.buckets.clear();
  big.weights.clear();
  for (uint32_t b = 0; b < 300000; ++b) {
    big.buckets.push_back(3 * b);
    big.weights.push_back(static_cast<float>(b % 97) / 8);
    big.weights.push_back(-static_cast<float>(b % 89) / 4);
  }
  big.IndexBuckets();
  const std::string bytes = ModelFileBytes(big);
  ASSERT_GT(bytes.size(), 2u << 20);
  LinearModel parsed;
  ASSERT_TRUE(ParseModel(bytes, "m", &parsed).ok());
  const std::string dir = testing::MakeTempDir("big-model");
  std::ofstream(dir + "/big.model", std::ios::binary) << bytes;
  std::shared_ptr<const LinearModel> loaded;
  Status s = LoadModel(dir + "/big.model", &loaded);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(loaded->version, parsed.version);
  EXPECT_EQ(loaded->buckets, parsed.buckets);
  EXPECT_EQ(loaded->weights, parsed.weights);
  EXPECT_EQ(ModelFileBytes(*loaded), bytes);
  // A NaN weight well past the first piece, the version mended.
  const size_t at = bytes.size() - 5 - 4 * 1000;  // bucket 299,500
  std::string nan = bytes;
  nan.replace(at, 4, std::string("\0\0\xc0\x7f", 4));
  std::ofstream(dir + "/nan.model", std::ios::binary) << Rehashed(nan);
  s = LoadModel(dir + "/nan.model", &loaded);
  EXPECT_NE(s.message().find("bucket 299500 (898500) for 'theme:products'"),
            std::string::npos)
      << s.message();
  // One weight changed, the version line left as it was.
  std::string changed = bytes;
  changed[changed.size() - 100] ^= 1;
  std::ofstream(dir + "/changed.model", std::ios::binary) << changed;
  s = LoadModel(dir + "/changed.model", &loaded);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("does not match its version line"),
            std::string::npos)
      << s.message();
}

// The stance is judged in two contexts, each with its own calibration and
// accept threshold: a passage without support labels (nearly always
// `other`) and one with them.
// What ParseModel makes of `bytes`, and LoadModel of a file holding them.
void ExpectTheSameBothWays(const std::string& bytes, const std::string& name) {
  LinearModel parsed;
  Status s = ParseModel(bytes, name, &parsed);
  ASSERT_TRUE(s.ok()) << s.message();
  const std::string path = testing::MakeTempDir("both-ways") + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  std::shared_ptr<const LinearModel> loaded;
  s = LoadModel(path, &loaded);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(loaded->version, parsed.version);
  EXPECT_EQ(loaded->rules_version, parsed.rules_version);
  EXPECT_EQ(loaded->buckets, parsed.buckets);
  EXPECT_EQ(loaded->weights, parsed.weights);
}

TEST(ModelFileTest, EdgeModelsReadTheSameFromBytesAndFromAFile) {
  LinearModel no_buckets = SmallModel();
  no_buckets.buckets.clear();
  no_buckets.weights.clear();
  no_buckets.IndexBuckets();
  ExpectTheSameBothWays(ModelFileBytes(no_buckets), "no-buckets.model");
  LinearModel no_labels = SmallModel();
  no_labels.labels.clear();
  no_labels.weights.clear();
  ExpectTheSameBothWays(ModelFileBytes(no_labels), "no-labels.model");
  // A head past the first 256 KB read (a rules version padded by hand):
  // read whole, never from a line cut short.
  LinearModel long_head = SmallModel();
  long_head.rules_version = std::string(300 * 1024, 'r');
  ExpectTheSameBothWays(ModelFileBytes(long_head), "long-head.model");
  // The first 256 KB ending inside "buckets 12", where "buckets 1" would
  // read as a line of its own.
  LinearModel twelve = SmallModel();
  twelve.buckets.clear();
  twelve.weights.clear();
  for (uint32_t b = 0; b < 12; ++b) {
    twelve.buckets.push_back(b);
    twelve.weights.insert(twelve.weights.end(), {1.0f, -1.0f});
  }
  const std::string unpadded = ModelFileBytes(twelve);
  const size_t two = unpadded.find("\nbuckets 12\n") + 10;
  twelve.rules_version += std::string(256 * 1024 - two, 'r');
  const std::string cut = ModelFileBytes(twelve);
  ASSERT_EQ(cut.substr(256 * 1024 - 9, 10), "buckets 12");
  ExpectTheSameBothWays(cut, "cut-head.model");
}

TEST(ModelFileTest, StanceContextsReadBackAndDecideTheThreshold) {
  EXPECT_EQ(StanceContextOf({}, {}), kPlainPassage);
  EXPECT_EQ(StanceContextOf({"14.1"}, {}), kSupportPassage);
  EXPECT_EQ(StanceContextOf({}, {"e.project"}), kSupportPassage);
  LinearModel model;
  model.stance[kPlainPassage] = {{-1.5, 0.25}, 0.8};
  model.stance[kSupportPassage] = {{-1.0, 0.5}, 0.93};
  std::string text = ModelFileBytes(model);
  EXPECT_NE(text.find("stance_calibration plain -1.5 0.25 0.8\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("stance_calibration support -1 0.5 0.93\n"),
            std::string::npos)
      << text;
  LinearModel back;
  ASSERT_TRUE(ParseModel(text, "m", &back).ok());
  EXPECT_EQ(back.stance[kSupportPassage].accept, 0.93);
  // The same share of the stance distribution is more or less sure by
  // context, as each context's own fit says.
  EXPECT_NE(back.StanceConfidence(0.7, kPlainPassage),
            back.StanceConfidence(0.7, kSupportPassage));
}

}  // namespace
}  // namespace intake
