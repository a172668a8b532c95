// The records an `intake run` wrote to its output folder
// (docs/records.md), read back as plain data for what is made from them:
// the review list and the compilation. Only the fields those need.
#ifndef INTAKE_REVIEW_OUTPUT_RECORDS_H_
#define INTAKE_REVIEW_OUTPUT_RECORDS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/status.h"

namespace intake {

struct OutputDocument {
  std::string doc_id;
  std::string path;
  std::string format;
  std::string status;
  std::string error;  // why it failed, "" when it did not
  std::string title;
  std::string lang;
  // Empty name when no submitter was found.
  std::string submitter_name, submitter_code, submitter_kind;
  std::string container_id;
  long long embedded = 0;
  // "named", "not_named" or "" (not judged, or records written before the
  // field): docs/records.md.
  std::string convention_subject;
  std::string mail_from;  // an e-mail's From header, "" for other documents
};

struct OutputEvidence {
  std::string label;             // "dimension:code"
  long long start = 0, end = 0;  // code points into the passage text
  // Evidence read above the passage (source "heading" or "above"): which,
  // and the words quoted, "paragraph above: 3. The following needs:".
  // "" for evidence in the passage itself.
  std::string context = {};
};

struct OutputPassage {
  std::string doc_id;
  std::string passage_id;
  long long page = 0;
  std::string kind, furniture, number, text;
  std::vector<std::string> article14, activity, theme;
  std::string stance;
  std::vector<std::pair<std::string, double>> confidence;  // "dim:code"
  std::vector<OutputEvidence> evidence;
  bool needs_review = false;
  std::vector<std::string> review_reasons;
  std::string labels_from;  // "rules" or "reviewer"
};

struct OutputRecords {
  std::vector<OutputDocument> documents;  // in output order
  std::vector<OutputPassage> passages;    // in output order
};

// Reads OUT_DIR/documents.jsonl and OUT_DIR/passages.jsonl; a bad line
// fails with FILE:LINE and what is wrong.
Status LoadOutputRecords(const std::string& out_dir, OutputRecords* out);

// One record, as LoadOutputRecords reads it, for a reader that goes
// through the files itself. A missing field is left empty.
// REQUIRES: `record` is an object (RecordLines checks that).
OutputDocument DocumentFromJson(const nlohmann::json& record);
OutputPassage PassageFromJson(const nlohmann::json& record);
// The top-level fields PassageFromJson reads, sorted: a reader that parses
// a passage only to hand it to PassageFromJson keeps these and need not
// convert the rest (entities, versions).
const std::vector<std::string>& PassageFields();

}  // namespace intake

#endif  // INTAKE_REVIEW_OUTPUT_RECORDS_H_
