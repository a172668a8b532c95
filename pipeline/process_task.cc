#include "pipeline/process_task.h"

#include <chrono>

#include "pipeline/json_records.h"
#include "pipeline/process_document.h"
#include "pipeline/read_file.h"

namespace intake {
namespace {

DocumentResult ResultOf(const DocumentRecord& record) {
  DocumentResult result;
  result.doc_id = record.doc_id;
  result.status = record.status;
  result.error = record.error;
  result.document_json = DocumentJson(record);
  result.passage_json.reserve(record.passages.size());
  for (size_t i = 0; i < record.passages.size(); ++i) {
    result.passage_json.push_back(PassageJson(record, i));
  }
  return result;
}

DocumentResult Process(const DocumentTask& task, const Stages& stages,
                       const Identifier& identifier, long long max_file_bytes) {
  std::string read;
  std::string_view data = task.data;
  if (task.read_path) {
    long long size = 0;
    Status s = ReadWholeFile(task.path, max_file_bytes, &read, &size);
    if (!s.ok()) {
      return FailedResult(task, size, StatusForFailure(s), s.message(),
                          *stages.classifier);
    }
    data = read;
  }
  Identity identity = identifier.Identify(data);
  if (!task.doc_id.empty() && identity.doc_id != task.doc_id) {
    return FailedResult(task, identity.size, kStatusUnreadable,
                        "file changed while it was being read; the next run "
                        "reads it again",
                        *stages.classifier);
  }
  std::vector<EmbeddedFile> embedded;
  DocumentRecord record =
      ProcessDocument(task.path, data, identity, stages, &embedded);
  record.provenance = task.provenance;
  record.container_id = task.container_id;
  if (!embedded.empty() && task.depth >= stages.limits.max_nesting) {
    record.status = kStatusUnsupported;
    record.error = "container nested more than " +
                   std::to_string(stages.limits.max_nesting) +
                   " levels deep: not opened";
    record.embedded = 0;
    embedded.clear();
  }
  DocumentResult result = ResultOf(record);
  result.embedded = std::move(embedded);
  return result;
}

}  // namespace

DocumentResult ProcessTask(const DocumentTask& task, const Stages& stages,
                           const Identifier& identifier,
                           long long max_file_bytes) {
  auto start = std::chrono::steady_clock::now();
  DocumentResult result;
  try {
    result = Process(task, stages, identifier, max_file_bytes);
  } catch (const std::exception& e) {
    // ProcessDocument contains its own failures; what gets here is
    // running out of memory while writing the records.
    result =
        FailedResult(task, 0, kStatusOom,
                     std::string("out of memory writing records: ") + e.what(),
                     *stages.classifier);
  }
  result.task_id = task.id;
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return result;
}

DocumentResult FailedResult(const DocumentTask& task, long long size,
                            const std::string& status, const std::string& error,
                            const Classifier& classifier) {
  DocumentRecord record;
  record.doc_id = task.doc_id.empty() ? "unread:" + task.path : task.doc_id;
  record.path = task.path;
  record.provenance = task.provenance;
  record.container_id = task.container_id;
  record.size = size < 0 ? 0 : size;
  record.status = status;
  record.error = error;
  record.rules_version = classifier.Version();
  record.model_version = classifier.ModelVersion();
  DocumentResult result = ResultOf(record);
  result.task_id = task.id;
  return result;
}

}  // namespace intake
