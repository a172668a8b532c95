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

// What lives for one run: the output being written and the documents seen.
// Containers are opened depth-first, so a ZIP's members come right after
// the ZIP, in the archive's order.
class Run {
 public:
  Run(const RunOptions& options, const Stages& stages,
      const Identifier& identifier, RunObserver* observer,
      AtomicFile* passages_file)
      : options_(options),
        stages_(stages),
        identifier_(identifier),
        observer_(observer),
        passages_file_(passages_file) {}

  Status AddFile(const std::string& path) {
    std::string data;
    long long size = 0;
    Status read = ReadWholeFile(path, options_.max_file_bytes, &data, &size);
    if (!read.ok()) {
      documents_.push_back(
          UnreadableRecord(path, size, read, *stages_.classifier));
      documents_.back().provenance = {{"file", path}};
      observer_->OnDocument(documents_.back());
      return Status::Ok();
    }
    return AddDocument(path, data, {{"file", path}}, "", 0);
  }

  const std::vector<DocumentRecord>& documents() const { return documents_; }

 private:
  // `depth` counts the containers `data` is inside.
  Status AddDocument(const std::string& path, std::string_view data,
                     std::vector<ProvenanceStep> provenance,
                     const std::string& container_id, int depth) {
    Identity identity = identifier_.Identify(data);
    auto seen = by_id_.find(identity.doc_id);
    if (seen != by_id_.end()) {
      documents_[seen->second].other_paths.push_back(path);
      return Status::Ok();
    }
    std::vector<EmbeddedFile> embedded;
    DocumentRecord record =
        ProcessDocument(path, data, identity, stages_, &embedded);
    record.provenance = std::move(provenance);
    record.container_id = container_id;
    if (!embedded.empty() && depth >= stages_.limits.max_nesting) {
      record.status = kStatusUnsupported;
      record.error = "container nested more than " +
                     std::to_string(stages_.limits.max_nesting) +
                     " levels deep: not opened";
      record.embedded = 0;
      embedded.clear();
    }
    for (size_t i = 0; i < record.passages.size(); ++i) {
      Status s = passages_file_->WriteLine(PassageJson(record, i));
      if (!s.ok()) return s;
    }
    observer_->OnDocument(record);
    record.passages.clear();  // written; only the document record stays
    by_id_[record.doc_id] = documents_.size();
    documents_.push_back(record);
    for (EmbeddedFile& file : embedded) {
      std::vector<ProvenanceStep> chain =
          documents_[by_id_[identity.doc_id]].provenance;
      chain.push_back({file.kind, file.name});
      std::string data_owned = std::move(file.data);
      Status s = AddDocument(path + "!/" + file.name, data_owned,
                             std::move(chain), identity.doc_id, depth + 1);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  const RunOptions& options_;
  const Stages& stages_;
  const Identifier& identifier_;
  RunObserver* observer_;
  AtomicFile* passages_file_;
  std::vector<DocumentRecord> documents_;
  std::map<std::string, size_t> by_id_;
};

}  // namespace

Status RunPipeline(const RunOptions& options, const Stages& stages,
                   RunObserver* observer, RunSummary* summary) {
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

  Run run(options, stages, *identifier, observer, &passages_file);
  for (const std::string& path : found.files) {
    ++summary->files;
    s = run.AddFile(path);
    if (!s.ok()) return s;
  }

  AtomicFile documents_file(DocumentsFile(options.out_dir));
  s = documents_file.Open();
  if (!s.ok()) return s;
  for (const DocumentRecord& record : run.documents()) {
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
