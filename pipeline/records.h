// The result of processing one document: what the records writer turns
// into one line of documents.jsonl and the lines of passages.jsonl. Plain
// data; the schema is docs/records.md.
#ifndef INTAKE_PIPELINE_RECORDS_H_
#define INTAKE_PIPELINE_RECORDS_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/passage.h"

namespace intake {

// Version of the record schema in docs/records.md; in every record.
inline constexpr int kSchemaVersion = 1;

// Document statuses, as named in records. A document "failed" when its
// status is not ok or ok_with_warnings.
inline constexpr char kStatusOk[] = "ok";
inline constexpr char kStatusOkWithWarnings[] = "ok_with_warnings";
inline constexpr char kStatusEmpty[] = "empty";
inline constexpr char kStatusEncrypted[] = "encrypted";
inline constexpr char kStatusUnsupported[] = "unsupported";
inline constexpr char kStatusCorrupt[] = "corrupt";
inline constexpr char kStatusUnreadable[] = "unreadable";

struct DocumentRecord {
  std::string doc_id;                    // SHA-256 of the bytes
  std::string path;                      // first path it was found at
  std::vector<std::string> other_paths;  // same bytes found elsewhere
  Format format = Format::kUnknown;
  std::string mime;
  long long size = 0;
  DocumentMeta meta;
  std::string lang = "und";
  std::string status = kStatusOk;
  std::vector<std::string> warnings;
  std::string error;
  std::string rules_version;
  std::vector<Passage> passages;
  // passages.size() when processed; kept when the runner frees passages
  // after writing them.
  long long passage_count = 0;
};

bool IsFailure(const DocumentRecord& record);

}  // namespace intake

#endif  // INTAKE_PIPELINE_RECORDS_H_
