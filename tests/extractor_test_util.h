// Shared scaffolding for the document extractors' tests (DOCX, ODT, RTF):
// block-by-block expectations, hostile-file runs, the pandoc cross-check
// and the pass over the shared real-document corpus. Each test file keeps
// its own case tables; this module only knows how a row is checked.
// Not for format-specific checks, which stay beside their tables.
#ifndef INTAKE_TESTS_EXTRACTOR_TEST_UTIL_H_
#define INTAKE_TESTS_EXTRACTOR_TEST_UTIL_H_

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake::testing {

// Short names for the tables.
inline constexpr BlockKind kBody = BlockKind::kBody;
inline constexpr BlockKind kHead = BlockKind::kHeading;
inline constexpr BlockKind kList = BlockKind::kListItem;
inline constexpr BlockKind kRow = BlockKind::kTableRow;
inline constexpr BlockKind kNote = BlockKind::kFootnote;
inline constexpr BlockKind kHdrFtr = BlockKind::kHeaderFooter;
inline constexpr char kBullet[] = "\xE2\x80\xA2";

// ExtractDocx, ExtractOdt, ExtractRtf.
using ExtractFn = std::function<Status(
    std::string_view data, const ExtractLimits& limits, Extraction* out)>;

struct BlockExpectation {
  BlockKind kind;
  const char* number;
  std::string text;
  int heading_level = 0;
};

enum class TextMatch { kExact, kPrefix };

// kExact: as many blocks as wanted, each text equal and page 0.
// kPrefix: at least as many blocks, each text starting with the wanted one.
void ExpectBlocks(const std::vector<Block>& got,
                  const std::vector<BlockExpectation>& want,
                  TextMatch match = TextMatch::kExact);

// A well-formed fixture and every block it must give.
struct GoodCase {
  const char* file;
  std::vector<BlockExpectation> blocks;
};

// Each fixture under fixtures/<folder>/ extracts ok, without warnings, to
// exactly its blocks, with meta.extraction == `extraction` and no pages.
void ExpectGoodFixtures(const std::string& folder, const ExtractFn& extract,
                        std::string_view extraction,
                        const std::vector<GoodCase>& cases);

// A file that must fail cleanly, or (code kOk) be read with a warning.
struct HostileCase {
  const char* file;
  Status::Code code;
  // In the status message; for kOk, in a warning ("" for none expected).
  const char* message_part;
  bool has_blocks = false;
};

// Each fixture under fixtures/<folder>/ ends in its code and message, with
// blocks only where the row says, nothing printed on stderr (libxml2 and
// libzip must return, not print) and no /etc/passwd content anywhere.
void ExpectHostile(const std::string& folder, const ExtractFn& extract,
                   std::span<const HostileCase> cases);

// A chunk pandoc prints for a file that we rightly print otherwise.
struct PandocDifference {
  const char* file;
  const char* pandoc_chunk;
};

// Every chunk of pandoc's `plain` text for `file` is in `ours` (collapsed
// white space), except the known differences for that file.
void ExpectPandocChunksIn(const std::string& ours, const std::string& plain,
                          const std::string& file,
                          std::span<const PandocDifference> known = {});

// The blocks' texts, space-joined and collapsed, for ExpectPandocChunksIn.
std::string JoinedText(const Extraction& ex);

struct RealDocsFailure {
  std::string file;  // name within the folder
  Status status;
};

struct RealDocsRun {
  bool present = false;  // false: no corpus folder; the caller skips
  int files = 0;
  int ok = 0;
  std::vector<RealDocsFailure> failures;
};

// Extracts every file under RealDocsDir()/<folder> whose name ends in
// `extension` ("" for all). Every file must end ok with meta.extraction ==
// `extraction`, or in a status with a message and no blocks.
RealDocsRun RunRealDocs(const std::string& folder, std::string_view extension,
                        const ExtractFn& extract, std::string_view extraction);

}  // namespace intake::testing

#endif  // INTAKE_TESTS_EXTRACTOR_TEST_UTIL_H_
