// What `intake diff` keeps of one run's records (cli/run_diff.h): the
// documents in a table by doc_id, and passages as digests (a hash of the
// text and the labels as small integers) rather than whole records, so
// that an archive's millions of passages fit in memory. Reading only: the
// records are those of docs/records.md, checked through RecordLines.
#ifndef INTAKE_CLI_RUN_DIGEST_H_
#define INTAKE_CLI_RUN_DIGEST_H_

#include <cstdint>
#include <istream>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/record_lines.h"
#include "pipeline/status.h"

namespace intake {

// The label dimensions in record order. The last, stance, is one string
// in a record; the others are arrays of codes.
inline constexpr const char* kLabelDimensions[] = {"article14", "activity",
                                                   "theme", "stance"};
inline constexpr int kStanceDimension = 3;

struct DocInfo {
  std::string doc_id;
  std::string path;
  std::string status;
  std::string rules_version;
  long long passages = 0;
};

// The documents of one run in file order, findable by doc_id.
struct DocumentTable {
  static constexpr size_t kNone = static_cast<size_t>(-1);

  std::vector<DocInfo> docs;
  std::unordered_map<std::string, size_t> index;

  // The index of the document in `docs`, or kNone.
  size_t Find(const std::string& doc_id) const;
};

// Reads a documents.jsonl; fails on a bad line or a doc_id listed twice.
Status ReadDocuments(const std::string& name, std::istream& in,
                     DocumentTable* table);

// Labels ("dimension:code") as small integers, so that a stored passage's
// labels cost four bytes each and two passages' labels compare as sorted
// lists. The ids are those of one process: never write them out.
class LabelIds {
 public:
  uint32_t Id(int dimension, const std::string& code);
  size_t size() const { return labels_.size(); }
  int dimension(uint32_t id) const { return labels_[id].first; }
  const std::string& code(uint32_t id) const { return labels_[id].second; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::pair<int, std::string>> labels_;
};

// What the diff needs of one passage record.
struct PassageDigest {
  std::string doc_id;
  std::string passage_id;
  std::string text;
  // Two passages with the same hash are taken to have the same text. Both
  // runs are hashed in one process, so the hash need not be stable across
  // builds; and only passages of one document are compared, so a 64-bit
  // collision among them is out of reach.
  uint64_t text_hash = 0;
  std::vector<uint32_t> labels;  // sorted; the stance is one of them
};

// Fills `*out` from the passage record `lines` last returned.
Status ReadPassage(const RecordLines& lines, const nlohmann::json& record,
                   LabelIds* ids, PassageDigest* out);

// The passages of a whole run, 16 bytes each and their labels, never their
// texts: the line a passage came from is kept to fetch a text again.
class StoredPassages {
 public:
  // OLD's passages of one document: [begin, end) in the store.
  struct Range {
    uint32_t begin = 0;
    uint32_t end = 0;
    bool started = false;  // its first passage was stored
  };

  // Appends a passage read at `line`; LimitExceeded past 2^32 lines or
  // labels.
  Status Add(const PassageDigest& passage, long line);

  size_t size() const { return passages_.size(); }
  uint64_t text_hash(uint32_t i) const { return passages_[i].text_hash; }
  long line(uint32_t i) const { return passages_[i].line; }
  std::span<const uint32_t> labels(uint32_t i) const;

 private:
  struct Stored {
    uint64_t text_hash;
    uint32_t line;
    uint32_t labels_end;  // in pool_; they begin where the previous end
  };
  std::vector<Stored> passages_;
  std::vector<uint32_t> pool_;
};

}  // namespace intake

#endif  // INTAKE_CLI_RUN_DIGEST_H_
