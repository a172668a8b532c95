// Outlook's compressed RTF on the examples of [MS-OXRTFCP] 3.1 (byte for
// byte the spec's, so they also check the fixtures' compressor) and on
// damaged and hostile streams.
#include "extractors/compressed_rtf.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace intake {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

// [MS-OXRTFCP] 3.1.1: literals and a reference into the prebuffer.
const std::string kSimple =
    Bytes({0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a,
           0x46, 0x75, 0xf1, 0xc5, 0xc7, 0xa7, 0x03, 0x00, 0x0a, 0x00,
           0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42, 0x32, 0x0a,
           0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77,
           0x05, 0xb0, 0x6c, 0x64, 0x7d, 0x0a, 0x80, 0x0f, 0xa0});

// [MS-OXRTFCP] 3.1.2: a reference that reads what it is writing.
const std::string kOverlapping =
    Bytes({0x1a, 0x00, 0x00, 0x00, 0x1c, 0x00, 0x00, 0x00, 0x4c, 0x5a,
           0x46, 0x75, 0xe2, 0xd4, 0x4b, 0x51, 0x41, 0x00, 0x04, 0x20,
           0x57, 0x58, 0x59, 0x5a, 0x0d, 0x6e, 0x7d, 0x01, 0x0e, 0xb0});

TEST(DecompressRtfTest, SpecificationExamples) {
  std::string out;
  ASSERT_TRUE(DecompressRtf(kSimple, 1 << 20, &out).ok());
  EXPECT_EQ(out, "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
  ASSERT_TRUE(DecompressRtf(kOverlapping, 1 << 20, &out).ok());
  EXPECT_EQ(out, "{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}");
}

TEST(DecompressRtfTest, StoredUncompressed) {
  std::string data = Bytes({0x15, 0, 0, 0, 0x09, 0, 0, 0, 0x4d, 0x45, 0x4c,
                            0x41, 0, 0, 0, 0}) +
                     "{\\rtf1 x}";
  std::string out;
  ASSERT_TRUE(DecompressRtf(data, 1 << 20, &out).ok());
  EXPECT_EQ(out, "{\\rtf1 x}");
}

struct BadCase {
  const char* what;
  std::string data;
  long long max_bytes;
  Status::Code code;
};

TEST(DecompressRtfTest, DamagedAndHostileStreams) {
  // References of 17 bytes, none the end mark (the write position), past
  // the limit.
  std::string refs;
  int write = 207;
  for (int i = 0; i < 10000; ++i) {
    refs += Bytes({0xff});
    for (int j = 0; j < 8; ++j) {
      int offset = (write + 2048) % 4096;
      refs += Bytes({offset >> 4, (offset & 0xf) << 4 | 0xf});
      write = (write + 17) % 4096;
    }
  }
  uint32_t size = static_cast<uint32_t>(refs.size() + 12);
  std::string forever =
      Bytes({static_cast<int>(size & 0xff), static_cast<int>(size >> 8 & 0xff),
             static_cast<int>(size >> 16 & 0xff), 0, 0, 0, 0, 0, 0x4c, 0x5a,
             0x46, 0x75, 0, 0, 0, 0}) +
      refs;
  const BadCase cases[] = {
      {"empty", "", 1 << 20, Status::Code::kCorrupt},
      {"header cut", kSimple.substr(0, 10), 1 << 20, Status::Code::kCorrupt},
      {"unknown kind",
       Bytes({0x0c, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0}), 1 << 20,
       Status::Code::kCorrupt},
      {"expands past the limit", forever, 1 << 20,
       Status::Code::kLimitExceeded},
      {"a small limit", kSimple, 8, Status::Code::kLimitExceeded},
      // Cut in the middle: what was there, without an error.
      {"cut short", kSimple.substr(0, 30), 1 << 20, Status::Code::kOk},
      {"reference cut in half", kSimple.substr(0, 37), 1 << 20,
       Status::Code::kOk},
  };
  for (const BadCase& c : cases) {
    std::string out;
    Status s = DecompressRtf(c.data, c.max_bytes, &out);
    EXPECT_EQ(s.code(), c.code) << c.what << ": " << s.ToString();
    EXPECT_LE(static_cast<long long>(out.size()), c.max_bytes) << c.what;
  }
}

}  // namespace
}  // namespace intake
