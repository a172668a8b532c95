// Random damage of every fixture: each file under fixtures/ is copied a few
// times with bytes flipped, a chunk zeroed, a chunk copied over another and
// the end cut off, three copies of each, and every copy goes through identify,
// extract, normalize, segment and classify in this process
// (tests/in_process.h), the documents it holds one level down too. Each must
// end in a record status with a reason: never a crash, a hang (CTest's timeout)
// or an exception caught at the pipeline's last resort.
//
// Deterministic: the damage comes from a generator seeded by the fixture's
// path, so a failure names a file and a copy that fail again on every run.
// One test per fixtures/ folder, so CTest spreads them over the cores.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "tests/in_process.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

using testing::ReadFileOrDie;

// FNV-1a: a seed that is the same on every platform and standard library.
uint64_t Seed(const std::string& text) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
  return h;
}

struct Damage {
  const char* name;
  std::string (*apply)(std::string data, std::mt19937_64& rng);
};

// Raw modulo rather than a distribution: the distributions' outputs are
// not fixed by the standard, the generator's are.
size_t Below(std::mt19937_64& rng, size_t n) { return n == 0 ? 0 : rng() % n; }

std::string FlipBytes(std::string data, std::mt19937_64& rng) {
  for (int i = 0; i < 16 && !data.empty(); ++i) {
    data[Below(rng, data.size())] ^= static_cast<char>(1 + Below(rng, 255));
  }
  return data;
}

std::string ZeroChunk(std::string data, std::mt19937_64& rng) {
  size_t at = Below(rng, data.size());
  size_t n = std::min(data.size() - at, 1 + Below(rng, 4096));
  std::fill_n(data.begin() + at, n, '\0');
  return data;
}

// A chunk of the file written over another place: structure that looks
// right in the wrong spot (an xref offset, a zip header, a boundary).
std::string CopyChunk(std::string data, std::mt19937_64& rng) {
  size_t from = Below(rng, data.size());
  size_t to = Below(rng, data.size());
  size_t n =
      std::min({data.size() - from, data.size() - to, 1 + Below(rng, 1024)});
  std::string chunk = data.substr(from, n);
  data.replace(to, n, chunk);
  return data;
}

std::string Truncate(std::string data, std::mt19937_64& rng) {
  data.resize(Below(rng, data.size()));
  return data;
}

const Damage kDamage[] = {
    {"flipped", FlipBytes},
    {"zeroed", ZeroChunk},
    {"copied", CopyChunk},
    {"truncated", Truncate},
};

// What a record must look like however damaged its file was.
void ExpectSaneRecord(const DocumentRecord& r, const std::string& what) {
  EXPECT_TRUE(testing::IsRecordStatus(r.status)) << what << ": " << r.status;
  bool failed = r.status != "ok" && r.status != "ok_with_warnings";
  if (failed) {
    EXPECT_FALSE(r.error.empty()) << what << ": " << r.status;
  }
  // ProcessDocument's last resorts: an exception got out of a reader or
  // of our own stages.
  EXPECT_EQ(r.error.find("intake failed on this document"), std::string::npos)
      << what << ": " << r.error;
  EXPECT_EQ(r.error.find("reader failed"), std::string::npos)
      << what << ": " << r.error;
}

// Copies of each kind per fixture; the whole suite takes about ten
// seconds on one core.
constexpr int kCopiesPerDamage = 3;

class DamagedFixturesTest : public ::testing::TestWithParam<const char*> {};

TEST_P(DamagedFixturesTest, EveryDamagedCopyEndsInAStatus) {
  std::string folder = testing::Fixture(GetParam());
  ASSERT_TRUE(std::filesystem::is_directory(folder)) << folder;
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  for (const std::string& path : files) {
    std::string relative =
        std::filesystem::relative(path, testing::Fixture("")).string();
    std::string original = ReadFileOrDie(path);
    std::mt19937_64 rng(Seed(relative));
    for (int copy = 0; copy < kCopiesPerDamage; ++copy) {
      for (const Damage& damage : kDamage) {
        std::string what =
            relative + " " + damage.name + " #" + std::to_string(copy);
        SCOPED_TRACE(what);
        std::string data = damage.apply(original, rng);
        std::vector<DocumentRecord> members;
        DocumentRecord r = testing::ProcessInProcess(
            relative, data, testing::NoOcrLimits(), &members, 20);
        ExpectSaneRecord(r, what);
        for (const DocumentRecord& m : members) ExpectSaneRecord(m, m.path);
      }
    }
  }
}

// Every folder of fixtures/ (a new folder must be added here: the test
// below checks that none is forgotten).
const char* const kFolders[] = {
    "broken",
    "dev",
    "doc",
    "docx",
    "fuzz-regressions",
    "hostile",
    "letter-sources",
    "letters",
    "mail",
    "maildir",
    "msg",
    "odt",
    "rtf",
    "scans",
    "zip",
};

INSTANTIATE_TEST_SUITE_P(Folders, DamagedFixturesTest,
                         ::testing::ValuesIn(kFolders),
                         [](const ::testing::TestParamInfo<const char*>& p) {
                           std::string name = p.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(DamagedFixturesCoverageTest, EveryFixtureFolderIsDamaged) {
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::Fixture(""))) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string();
    EXPECT_NE(std::find_if(std::begin(kFolders), std::end(kFolders),
                           [&](const char* f) { return name == f; }),
              std::end(kFolders))
        << "fixtures/" << name << " is not in kFolders";
  }
}

}  // namespace
}  // namespace intake
