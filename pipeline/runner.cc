#include "pipeline/runner.h"

#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "pipeline/discover.h"
#include "pipeline/document_task.h"
#include "pipeline/executor.h"
#include "pipeline/output_files.h"
#include "pipeline/process_document.h"
#include "pipeline/process_task.h"
#include "pipeline/read_file.h"
#include "pipeline/records.h"
#include "pipeline/run_plan.h"
#include "pipeline/sha256.h"
#include "pipeline/state_store.h"
#include "pipeline/store_output.h"
#include "pipeline/stored_document_plan.h"

namespace intake {
namespace {

// A place in the walk: a file found on disk, a document taken out of a
// container, or the end of a container's documents.
struct Node {
  enum class Kind { kFile, kEmbedded, kEndOfContainer };
  Kind kind = Kind::kFile;
  std::string path;
  // Sorts like the walk: a file's path; a container's key, a zero byte
  // and the member's index (big-endian), so that what a container holds
  // comes right after it and before the next file.
  std::string order_key;
  std::vector<ProvenanceStep> provenance;
  std::string container_id;
  int depth = 0;
  std::string doc_id;  // once known
  std::string data;    // the bytes of an embedded document
  FileFacts facts;     // of a file
  Status unreadable;   // a file that could not be hashed
  bool hashed = false;
  bool other_shard = false;  // a file another shard of the run processes
};

std::string ChildKey(const std::string& parent, size_t index) {
  std::string key = parent;
  key += '\0';
  for (int shift = 24; shift >= 0; shift -= 8) {
    key += static_cast<char>((index >> shift) & 0xff);
  }
  return key;
}

// How far past the oldest undecided document the run starts work, in
// tasks per worker: enough to keep every worker busy, little enough that
// finished results waiting their turn stay few.
constexpr size_t kLookaheadPerWorker = 8;

class Run {
 public:
  Run(const RunOptions& options, const Stages& stages, StateStore* store,
      Executor* executor, int workers, RunObserver* observer,
      RunSummary* summary)
      : options_(options),
        stages_(stages),
        store_(store),
        executor_(executor),
        lookahead_(kLookaheadPerWorker * static_cast<size_t>(workers) + 4),
        observer_(observer),
        summary_(summary),
        versions_{stages.classifier->Version(), options.model_version,
                  options.intake_build} {}

  Status Go(const std::vector<std::string>& files) {
    for (const std::string& path : files) {
      Node node;
      node.path = path;
      node.order_key = path;
      node.provenance = {{"file", path}};
      walk_.push_back(std::move(node));
    }
    total_files_ = static_cast<int>(files.size());
    observer_->OnProgress(0, total_files_);
    for (;;) {
      // Workers get their next documents before the results in hand are
      // committed, not after: with one worker, it waited idle while the
      // store took each result (the README's third profile).
      if (!ready_.empty()) {
        Status s = StartAhead();
        if (!s.ok()) return s;
      }
      Status s = CommitReady();
      if (!s.ok() || walk_.empty()) return s;
      s = StartAhead();
      if (!s.ok()) return s;
      if (tasks_.empty()) {
        return Status::Corrupt("internal error: the run is waiting on nothing");
      }
      DocumentResult result;
      s = executor_->Next(&result);
      if (!s.ok()) return s;
      s = Take(std::move(result));
      if (!s.ok()) return s;
    }
  }

 private:
  struct Ready {
    DocumentResult result;
    std::string path;  // the path it was processed under
    bool quarantined = false;
  };

  // Hashes a file (or finds it unchanged in the store). Embedded documents
  // are hashed when they are taken out.
  Status Hash(Node* node) {
    if (node->hashed) return Status::Ok();
    Status s = HashContent(node);
    if (s.ok() && node->kind == Node::Kind::kFile) {
      // A file that cannot be read has no content hash: its path decides.
      node->other_shard = !options_.shard.Owns(
          node->unreadable.ok() ? node->doc_id : Sha256Hex(node->path));
    }
    return s;
  }

  Status HashContent(Node* node) {
    node->hashed = true;
    Status s = StatFile(node->path, &node->facts);
    if (!s.ok()) {
      node->unreadable = s;
      return Status::Ok();
    }
    Status stored =
        store_->FindUnchangedFile(node->path, node->facts, &node->doc_id);
    if (!stored.ok() || !node->doc_id.empty()) return stored;
    s = HashFile(node->path, options_.max_file_bytes, &node->facts);
    if (!s.ok()) {
      node->unreadable = s;
      return Status::Ok();
    }
    node->doc_id = node->facts.sha256;
    stored = store_->PutFile(node->path, node->facts, node->doc_id);
    if (stored.ok()) stored = store_->ForgetUnreadable(node->path);
    return stored;
  }

  // True when the store's record of the document stands for this run.
  Status UpToDate(const std::string& doc_id, bool* up_to_date) {
    auto known = up_to_date_.find(doc_id);
    if (known != up_to_date_.end()) {
      *up_to_date = known->second;
      return Status::Ok();
    }
    StoredDocument doc;
    bool found = false;
    Status s = store_->FindDocument(doc_id, &doc, &found);
    if (!s.ok()) return s;
    *up_to_date =
        found && !PlanStoredDocument(doc, versions_, options_.reprocess).redo;
    up_to_date_[doc_id] = *up_to_date;
    return Status::Ok();
  }

  // Decides documents at the front of the walk, in walk order, for as long
  // as what each needs is there.
  Status CommitReady() {
    while (!walk_.empty()) {
      Node& node = walk_.front();
      if (node.kind == Node::Kind::kEndOfContainer) {
        Status s = store_->MarkComplete(node.doc_id);
        if (!s.ok()) return s;
        walk_.pop_front();
        continue;
      }
      Status s = Hash(&node);
      if (!s.ok()) return s;
      if (node.other_shard) {
        PopFront();
        continue;
      }
      if (!node.unreadable.ok()) {
        s = CommitUnreadable(node);
        if (!s.ok()) return s;
        PopFront();
        continue;
      }
      bool up_to_date = false;
      if (decided_.count(node.doc_id) == 0) {
        s = UpToDate(node.doc_id, &up_to_date);
        if (!s.ok()) return s;
      }
      if (decided_.count(node.doc_id) > 0 || up_to_date) {
        s = store_->AddPath(node.doc_id, node.path, node.order_key);
        if (!s.ok()) return s;
        if (decided_.insert(node.doc_id).second) {
          ++summary_->unchanged;
          observer_->OnDocument(
              {node.path, node.doc_id, "unchanged", "", 0, false, false});
        }
        PopFront();
        continue;
      }
      auto ready = ready_.find(node.doc_id);
      if (ready == ready_.end()) return Status::Ok();  // still being done
      if (ready->second.path != node.path) {
        // Done ahead of time under another path where the same bytes are
        // found later in the walk: the record must name this path.
        ready_.erase(ready);
        return Status::Ok();
      }
      Ready done = std::move(ready->second);
      ready_.erase(ready);
      s = Commit(std::move(done));
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  void PopFront() {
    if (walk_.front().kind == Node::Kind::kFile) {
      observer_->OnProgress(++files_done_, total_files_);
    }
    walk_.pop_front();
  }

  Status CommitUnreadable(const Node& node) {
    DocumentTask task = TaskFor(node);
    task.doc_id.clear();
    DocumentResult result =
        FailedResult(task, node.facts.size, StatusForFailure(node.unreadable),
                     node.unreadable.message(), *stages_.classifier);
    // The same failure as last time changes nothing in the output.
    StoredDocument stored;
    bool found = false;
    Status s = store_->FindDocument(result.doc_id, &stored, &found);
    if (!s.ok()) return s;
    ++summary_->processed;
    ++summary_->failed;
    observer_->OnDocument({node.path, result.doc_id, result.status,
                           result.error, 0, true, false});
    if (found && stored.record == result.document_json) return Status::Ok();
    DocumentEntry entry = EntryFor(node, result, false);
    entry.complete = true;
    return store_->PutDocument(entry);
  }

  DocumentEntry EntryFor(const Node& node, const DocumentResult& result,
                         bool quarantined) {
    DocumentEntry entry;
    entry.doc_id = result.doc_id;
    entry.path = node.path;
    entry.order_key = node.order_key;
    entry.status = result.status;
    entry.error = result.error;
    entry.rules_version = versions_.rules;
    entry.model_version = versions_.model;
    entry.intake_build = versions_.intake_build;
    entry.complete = result.embedded.empty();
    entry.quarantined = quarantined;
    entry.seconds = result.seconds;
    entry.document_json = result.document_json;
    entry.passage_json = result.passage_json;
    return entry;
  }

  // Stores the document at the front of the walk and puts what it holds
  // right behind it.
  Status Commit(Ready done) {
    Node node = std::move(walk_.front());
    DocumentResult& result = done.result;
    Status s = store_->PutDocument(EntryFor(node, result, done.quarantined));
    if (!s.ok()) return s;
    decided_.insert(node.doc_id);
    ++summary_->processed;
    bool failed =
        result.status != kStatusOk && result.status != kStatusOkWithWarnings;
    if (failed) ++summary_->failed;
    if (done.quarantined) ++summary_->quarantined;
    observer_->OnDocument({node.path, node.doc_id, result.status, result.error,
                           result.seconds, true, done.quarantined});
    PopFront();
    if (result.embedded.empty()) return Status::Ok();
    Node end;
    end.kind = Node::Kind::kEndOfContainer;
    end.doc_id = node.doc_id;
    walk_.push_front(std::move(end));
    for (size_t i = result.embedded.size(); i-- > 0;) {
      EmbeddedFile& file = result.embedded[i];
      Node child;
      child.kind = Node::Kind::kEmbedded;
      child.path = node.path + "!/" + file.name;
      child.order_key = ChildKey(node.order_key, i);
      child.provenance = node.provenance;
      child.provenance.push_back({file.kind, file.name});
      child.container_id = node.doc_id;
      child.depth = node.depth + 1;
      child.doc_id = Sha256Hex(file.data);
      child.data = std::move(file.data);
      child.hashed = true;
      walk_.push_front(std::move(child));
    }
    return Status::Ok();
  }

  DocumentTask TaskFor(const Node& node) {
    DocumentTask task;
    task.id = ++last_task_id_;
    task.path = node.path;
    task.read_path = node.kind == Node::Kind::kFile;
    if (!task.read_path) task.data = node.data;
    task.doc_id = node.doc_id;
    task.provenance = node.provenance;
    task.container_id = node.container_id;
    task.depth = node.depth;
    return task;
  }

  // Starts work on the undecided documents nearest the front of the walk,
  // each under the first path the walk finds it at.
  Status StartAhead() {
    while (!retries_.empty() && executor_->FreeSlots() > 0) {
      Status s = executor_->Submit(tasks_.at(retries_.front()));
      if (!s.ok()) return s;
      retries_.pop_front();
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < walk_.size() && i < lookahead_; ++i) {
      if (executor_->FreeSlots() == 0) return Status::Ok();
      Node& node = walk_[i];
      if (node.kind == Node::Kind::kEndOfContainer) continue;
      Status s = Hash(&node);
      if (!s.ok()) return s;
      if (node.other_shard || !node.unreadable.ok() ||
          !seen.insert(node.doc_id).second) {
        continue;
      }
      if (decided_.count(node.doc_id) > 0 || ready_.count(node.doc_id) > 0 ||
          running_.count(node.doc_id) > 0) {
        continue;
      }
      bool up_to_date = false;
      s = UpToDate(node.doc_id, &up_to_date);
      if (!s.ok()) return s;
      if (up_to_date) continue;
      s = Start(TaskFor(node));
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status Start(DocumentTask task) {
    if (!prepared_) {
      // Before the first worker forks, so that every worker shares it.
      Status s = stages_.classifier->Prepare();
      if (!s.ok()) return s;
      prepared_ = true;
    }
    running_.insert(task.doc_id);
    int64_t id = task.id;
    auto [it, inserted] = tasks_.emplace(id, std::move(task));
    return executor_->Submit(it->second);
  }

  // A result is in: kept until the walk reaches its document. A document
  // that stopped a worker gets one more try in a new worker; the second
  // time it is quarantined.
  Status Take(DocumentResult result) {
    auto task = tasks_.find(result.task_id);
    if (task == tasks_.end()) {
      return Status::Corrupt("internal error: a result for no task");
    }
    DocumentTask done = std::move(task->second);
    tasks_.erase(task);
    bool quarantined = false;
    if (result.killed_worker) {
      if (++kills_[done.doc_id] < 2) {
        // Submitted by StartAhead: the worker it killed may already have
        // been given the next document, when results came in together.
        done.id = ++last_task_id_;
        retries_.push_back(done.id);
        tasks_.emplace(done.id, std::move(done));
        return Status::Ok();
      }
      quarantined = true;
      result = FailedResult(done, 0, result.status,
                            result.error + " (twice: quarantined)",
                            *stages_.classifier);
    }
    running_.erase(done.doc_id);
    ready_[done.doc_id] = Ready{std::move(result), done.path, quarantined};
    return Status::Ok();
  }

  const RunOptions& options_;
  const Stages& stages_;
  bool prepared_ = false;  // stages_.classifier->Prepare() succeeded
  StateStore* store_;
  Executor* executor_;
  size_t lookahead_;
  RunObserver* observer_;
  RunSummary* summary_;
  const RunVersions versions_;  // stored with each document processed

  std::deque<Node> walk_;
  std::set<std::string> decided_;  // stored or found up to date this run
  std::map<std::string, bool> up_to_date_;
  std::set<std::string> running_;  // doc_ids being processed
  std::map<std::string, Ready> ready_;
  std::map<int64_t, DocumentTask> tasks_;
  std::map<std::string, int> kills_;
  std::deque<int64_t> retries_;  // tasks_ to submit again, oldest first
  int64_t last_task_id_ = 0;
  int total_files_ = 0;
  int files_done_ = 0;
};

std::string JoinInputs(const std::vector<std::string>& inputs) {
  std::string joined;
  for (const std::string& input : inputs) {
    if (!joined.empty()) joined += '\n';
    joined += input;
  }
  return joined;
}

}  // namespace

Status RunPipeline(const RunOptions& options, const Stages& stages,
                   RunObserver* observer, RunSummary* summary) {
  Discovery found;
  Status s = Discover(options.inputs, options.out_dir, &found);
  if (!s.ok()) return s;
  for (const std::string& problem : found.problems) {
    observer->OnProblem(problem);
  }
  for (const SkippedFile& skipped : found.skipped) {
    observer->OnSkipped(skipped.path, skipped.reason);
  }
  summary->problems = static_cast<int>(found.problems.size());
  summary->skipped = static_cast<int>(found.skipped.size());
  summary->files = static_cast<int>(found.files.size());
  // A run loads the rules when its first document needs them; one that
  // classifies nothing (a dry run, a night without mail) checks them all
  // the same, so a broken rules file is found the night it is made.
  if (options.dry_run || found.files.empty()) {
    s = stages.classifier->Prepare();
    if (!s.ok()) return s;
  }
  if (options.dry_run) return PlanRun(options, stages, found.files, observer);

  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) {
    return Status::IoError("cannot create output folder " + options.out_dir +
                           ": " + ec.message());
  }
  OutputLock lock;
  s = lock.Acquire(options.out_dir);
  if (!s.ok()) return s;
  std::unique_ptr<StateStore> store;
  s = StateStore::Open(StatePathOf(options), &store);
  if (!s.ok()) return s;
  long long run_id = 0;
  s = store->BeginRun(JoinInputs(options.inputs), &run_id);
  if (!s.ok()) return s;

  std::unique_ptr<Identifier> identifier;
  std::unique_ptr<Executor> executor;
  int workers = 1;
  if (options.executor != nullptr) {
    workers = options.executor->FreeSlots();
  } else if (options.isolate) {
    workers = options.workers.workers;
    executor = NewWorkerPool(options.workers, stages, options.max_file_bytes);
  } else {
    s = Identifier::Open(&identifier);
    if (!s.ok()) return s;
    executor =
        NewInProcessExecutor(stages, *identifier, options.max_file_bytes);
  }
  Run run(options, stages, store.get(),
          options.executor ? options.executor : executor.get(), workers,
          observer, summary);
  s = run.Go(found.files);
  executor.reset();  // workers end before the output is written
  if (!s.ok()) {
    // Refused before anything was processed (the rules file is bad): no
    // trace of a run that never ran. The refusal is what the user sees.
    if (summary->processed == 0 && summary->failed == 0) {
      (void)store->ForgetRun(run_id);
    }
    return s;
  }
  s = store->FinishRun(
      run_id, {summary->processed, summary->unchanged, summary->failed});
  if (!s.ok()) return s;
  OutputCounts counts;
  s = WriteOutputFromStore(store.get(), options.out_dir, &counts);
  summary->documents = counts.documents;
  summary->passages = counts.passages;
  return s;
}

}  // namespace intake
