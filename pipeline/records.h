// The result of processing one document: what the records writer turns
// into one line of documents.jsonl and the lines of passages.jsonl. Plain
// data; the schema is docs/records.md.
#ifndef INTAKE_PIPELINE_RECORDS_H_
#define INTAKE_PIPELINE_RECORDS_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/passage.h"
#include "pipeline/submitter.h"

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
// Set by the run when a document stopped the worker reading it: it ran
// past a time limit, past the memory limit, or the worker died.
inline constexpr char kStatusTimeout[] = "timeout";
inline constexpr char kStatusOom[] = "oom";
inline constexpr char kStatusCrash[] = "crash";

// One step of how a document was reached: the file named on the command
// line or found in a folder, then each container it was inside.
struct ProvenanceStep {
  std::string type;  // "file", "zip_member", ...
  std::string name;  // the path, or the name inside the container
};

struct DocumentRecord {
  std::string doc_id;                    // SHA-256 of the bytes
  std::string path;                      // first path it was found at
  std::vector<std::string> other_paths;  // same bytes found elsewhere
  // Outermost first; a top-level file has one step of type "file".
  std::vector<ProvenanceStep> provenance;
  std::string container_id;  // doc_id of the container it came out of
  int embedded = 0;          // documents taken out of this one
  Format format = Format::kUnknown;
  std::string mime;
  long long size = 0;
  DocumentMeta meta;
  std::string lang = "und";
  Submitter submitter;  // empty when not found
  // Whether a passage or the title names the Convention's subject:
  // "named", "not_named", or "" when not judged (off_topic.h).
  std::string convention_subject;
  std::string status = kStatusOk;
  std::vector<std::string> warnings;
  std::string error;
  std::string rules_version;
  // Of the learned model used with the rules; "" when there was none, or
  // when a worker died reading the document.
  std::string model_version;
  std::vector<Passage> passages;
  // passages.size() when processed; kept when the runner frees passages
  // after writing them.
  long long passage_count = 0;
};

bool IsFailure(const DocumentRecord& record);

}  // namespace intake

#endif  // INTAKE_PIPELINE_RECORDS_H_
