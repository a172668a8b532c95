#include "pipeline/runner.h"

#include <filesystem>
#include <map>
#include <memory>

#include "pipeline/discover.h"
#include "pipeline/identify.h"
#include "pipeline/json_records.h"
#include "pipeline/output_files.h"
#include "pipeline/process_document.h"
#include "pipeline/read_file.h"

namespace intake {
namespace {

// A record for a file that could not be read at all: its identity is the
// path, since there are no bytes to hash.
DocumentRecord UnreadableRecord(const std::string& path, long long size,
                                const Status& s, const Classifier& classifier) {
  DocumentRecord r;
  r.doc_id = "unread:" + path;
  r.path = path;
  r.size = size < 0 ? 0 : size;
  r.status = StatusForFailure(s);
  r.error = s.message();
  r.rules_version = classifier.Version();
  return r;
}

}  // namespace

Status RunPipeline(const RunOptions& options, const ExtractFn& extract,
                   const Classifier& classifier, RunObserver* observer,
                   RunSummary* summary) {
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) {
    return Status::IoError("cannot create output folder " + options.out_dir +
                           ": " + ec.message());
  }
  OutputLock lock;
  Status s = lock.Acquire(options.out_dir);
  if (!s.ok()) return s;
  Discovery found;
  s = Discover(options.inputs, options.out_dir, &found);
  if (!s.ok()) return s;
  for (const std::string& problem : found.problems) {
    observer->OnProblem(problem);
  }
  summary->problems = static_cast<int>(found.problems.size());
  std::unique_ptr<Identifier> identifier;
  s = Identifier::Open(&identifier);
  if (!s.ok()) return s;

  AtomicFile passages_file(PassagesFile(options.out_dir));
  s = passages_file.Open();
  if (!s.ok()) return s;

  std::vector<DocumentRecord> documents;
  std::map<std::string, size_t> by_id;
  for (const std::string& path : found.files) {
    ++summary->files;
    std::string data;
    long long size = 0;
    Status read = ReadWholeFile(path, options.max_file_bytes, &data, &size);
    if (!read.ok()) {
      documents.push_back(UnreadableRecord(path, size, read, classifier));
      observer->OnDocument(documents.back());
      continue;
    }
    Identity identity = identifier->Identify(data);
    auto seen = by_id.find(identity.doc_id);
    if (seen != by_id.end()) {
      documents[seen->second].other_paths.push_back(path);
      continue;
    }
    DocumentRecord record = ProcessDocument(path, data, identity, extract,
                                            options.limits, classifier);
    for (size_t i = 0; i < record.passages.size(); ++i) {
      s = passages_file.WriteLine(PassageJson(record, i));
      if (!s.ok()) return s;
    }
    observer->OnDocument(record);
    record.passages.clear();  // written; only the document record stays
    by_id[record.doc_id] = documents.size();
    documents.push_back(std::move(record));
  }

  AtomicFile documents_file(DocumentsFile(options.out_dir));
  s = documents_file.Open();
  if (!s.ok()) return s;
  for (const DocumentRecord& record : documents) {
    ++summary->documents;
    if (IsFailure(record)) ++summary->failed;
    summary->passages += record.passage_count;
    s = documents_file.WriteLine(DocumentJson(record));
    if (!s.ok()) return s;
  }
  // documents.jsonl is renamed last: it is what says which documents the
  // passages belong to.
  s = passages_file.Commit();
  if (!s.ok()) return s;
  s = documents_file.Commit();
  if (!s.ok()) return s;
  return SyncDirectory(options.out_dir);
}

}  // namespace intake
