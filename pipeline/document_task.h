// One unit of work of a run, and what comes back: a document to take
// through the stages, wherever it is processed (in the run's own process
// or in a worker), and its finished records. Encoded with pipeline/wire
// to cross a pipe.
#ifndef INTAKE_PIPELINE_DOCUMENT_TASK_H_
#define INTAKE_PIPELINE_DOCUMENT_TASK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/records.h"

namespace intake {

struct DocumentTask {
  int64_t id = 0;          // the run's number for it, echoed in the result
  std::string path;        // where it was found, for the record and messages
  bool read_path = false;  // true: read the bytes from `path` (a file on disk)
  std::string data;    // the bytes, when !read_path (taken from a container)
  std::string doc_id;  // SHA-256 the run computed; the bytes must match
  std::vector<ProvenanceStep> provenance;
  std::string container_id;
  int depth = 0;  // containers the document is inside
};

struct DocumentResult {
  int64_t task_id = 0;
  std::string doc_id;
  std::string status;
  std::string error;
  // The documents.jsonl line, with other_paths empty: the run knows the
  // other paths only when it writes the output.
  std::string document_json;
  std::vector<std::string> passage_json;  // passages.jsonl lines, in order
  std::vector<EmbeddedFile> embedded;     // documents taken out of it
  double seconds = 0;
  // Set by a worker pool (never sent on the wire): the document stopped
  // the worker process (status timeout, oom or crash).
  bool killed_worker = false;
};

std::string EncodeTask(const DocumentTask& task);
bool DecodeTask(std::string_view bytes, DocumentTask* task);
std::string EncodeResult(const DocumentResult& result);
bool DecodeResult(std::string_view bytes, DocumentResult* result);

}  // namespace intake

#endif  // INTAKE_PIPELINE_DOCUMENT_TASK_H_
