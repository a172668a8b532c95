#include "pipeline/document_task.h"

#include "pipeline/wire.h"

namespace intake {

std::string EncodeTask(const DocumentTask& task) {
  WireWriter w;
  w.PutInt(task.id);
  w.PutString(task.path);
  w.PutInt(task.read_path ? 1 : 0);
  w.PutString(task.data);
  w.PutString(task.doc_id);
  w.PutInt(static_cast<int64_t>(task.provenance.size()));
  for (const ProvenanceStep& step : task.provenance) {
    w.PutString(step.type);
    w.PutString(step.name);
  }
  w.PutString(task.container_id);
  w.PutInt(task.depth);
  return w.Take();
}

bool DecodeTask(std::string_view bytes, DocumentTask* task) {
  WireReader r(bytes);
  int64_t read_path = 0, steps = 0, depth = 0;
  if (!r.GetInt(&task->id) || !r.GetString(&task->path) ||
      !r.GetInt(&read_path) || !r.GetString(&task->data) ||
      !r.GetString(&task->doc_id) || !r.GetInt(&steps) || steps < 0) {
    return false;
  }
  task->read_path = read_path != 0;
  task->provenance.clear();
  for (int64_t i = 0; i < steps; ++i) {
    ProvenanceStep step;
    if (!r.GetString(&step.type) || !r.GetString(&step.name)) return false;
    task->provenance.push_back(std::move(step));
  }
  if (!r.GetString(&task->container_id) || !r.GetInt(&depth)) return false;
  task->depth = static_cast<int>(depth);
  return r.AtEnd();
}

std::string EncodeResult(const DocumentResult& result) {
  WireWriter w;
  w.PutInt(result.task_id);
  w.PutString(result.doc_id);
  w.PutString(result.status);
  w.PutString(result.error);
  w.PutString(result.document_json);
  w.PutInt(static_cast<int64_t>(result.passage_json.size()));
  for (const std::string& line : result.passage_json) w.PutString(line);
  w.PutInt(static_cast<int64_t>(result.embedded.size()));
  for (const EmbeddedFile& file : result.embedded) {
    w.PutString(file.kind);
    w.PutString(file.name);
    w.PutString(file.data);
  }
  w.PutInt(static_cast<int64_t>(result.seconds * 1e6));
  return w.Take();
}

bool DecodeResult(std::string_view bytes, DocumentResult* result) {
  WireReader r(bytes);
  int64_t lines = 0, files = 0, micros = 0;
  if (!r.GetInt(&result->task_id) || !r.GetString(&result->doc_id) ||
      !r.GetString(&result->status) || !r.GetString(&result->error) ||
      !r.GetString(&result->document_json) || !r.GetInt(&lines) || lines < 0) {
    return false;
  }
  result->passage_json.clear();
  for (int64_t i = 0; i < lines; ++i) {
    std::string line;
    if (!r.GetString(&line)) return false;
    result->passage_json.push_back(std::move(line));
  }
  if (!r.GetInt(&files) || files < 0) return false;
  result->embedded.clear();
  for (int64_t i = 0; i < files; ++i) {
    EmbeddedFile file;
    if (!r.GetString(&file.kind) || !r.GetString(&file.name) ||
        !r.GetString(&file.data)) {
      return false;
    }
    result->embedded.push_back(std::move(file));
  }
  if (!r.GetInt(&micros)) return false;
  result->seconds = static_cast<double>(micros) / 1e6;
  return r.AtEnd();
}

}  // namespace intake
