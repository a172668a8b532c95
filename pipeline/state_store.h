// The state store: an SQLite database of every document a run has seen,
// so that a nightly run does only what is new, a killed run resumes, and
// the output folder can always be written whole. The tables are
// documented in docs/state.md for analysts who query them directly.
//
// Every change is one SQLite transaction, so a run killed at any moment
// leaves the store as it was after the last document it finished.
#ifndef INTAKE_PIPELINE_STATE_STORE_H_
#define INTAKE_PIPELINE_STATE_STORE_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/read_file.h"
#include "pipeline/review_decision.h"
#include "pipeline/status.h"

struct sqlite3;

namespace intake {

// Version of the store's tables; a store of another version is refused
// rather than misread, except version 1, which Open() brings up to date
// (2 added documents.intake_build).
inline constexpr int kStoreSchemaVersion = 2;

// What the store knows of a document when the run decides whether to redo
// it.
struct StoredDocument {
  std::string status;
  std::string rules_version;
  std::string model_version;
  std::string intake_build;  // "" when stored by a store of version 1
  bool complete = false;     // every document it held is stored too
  bool quarantined = false;
  std::string record;  // its documents.jsonl line, other_paths empty
};

// A document as processed, to store.
struct DocumentEntry {
  std::string doc_id;
  std::string path;       // where it was read this time
  std::string order_key;  // its place in the output (see runner.cc)
  std::string status;
  std::string error;
  std::string rules_version;
  std::string model_version;
  std::string intake_build;
  bool complete = false;
  bool quarantined = false;
  double seconds = 0;
  std::string document_json;  // other_paths empty; filled on output
  std::vector<std::string> passage_json;
};

// A stored document as the output writer reads it.
struct DocumentRow {
  std::string doc_id;
  std::string path;
  std::string document_json;
  std::vector<std::string> other_paths;  // in output order
};

struct RunCounts {
  long long processed = 0;  // documents taken through the stages
  long long unchanged = 0;  // found again, nothing to do
  long long failed = 0;     // processed, with a failure status
};

// What `intake status` shows.
struct StoreSummary {
  long long documents = 0;
  long long passages = 0;
  std::vector<std::pair<std::string, long long>> by_status;
  std::vector<std::pair<std::string, long long>> by_rules_version;
  std::vector<std::pair<std::string, long long>> by_model_version;
  // Reviewers' decisions: the passages decided (the newest decision of
  // each) by who decided them, and every decision ever imported.
  std::vector<std::pair<std::string, long long>> decided_by_reviewer;
  long long decisions = 0;
  std::string last_import;  // "" when none
  struct Quarantined {
    std::string path, status, error;
  };
  std::vector<Quarantined> quarantined;
  struct Run {
    long long run_id = 0;
    std::string started, finished;  // finished "" for a run that stopped
    long long processed = 0, unchanged = 0, failed = 0;
  };
  std::vector<Run> runs;  // the last ten, newest first
};

// What storing one imported decision did.
struct DecisionOutcome {
  enum class Kind {
    kNew,       // the first decision on this passage text
    kSame,      // the newest decision already has these labels: not stored
    kReplaces,  // stored; the newest decision had other labels (`previous`)
  };
  Kind kind = Kind::kNew;
  ReviewDecision previous;  // for kSame and kReplaces
};

class StateStore {
 public:
  // Opens the store at `path`, creating it (and its tables) when missing.
  static Status Open(const std::string& path, std::unique_ptr<StateStore>* out);
  // Opens an existing store read-only, for commands that only read one
  // (`intake train --reviews`, `intake eval --reviews`): creates and
  // changes nothing, and refuses a file that is not a store of this
  // intake's schema.
  static Status OpenForReading(const std::string& path,
                               std::unique_ptr<StateStore>* out);
  ~StateStore();
  StateStore(const StateStore&) = delete;
  StateStore& operator=(const StateStore&) = delete;

  // *found is false when the document was never stored.
  Status FindDocument(const std::string& doc_id, StoredDocument* doc,
                      bool* found);
  // The content a path had when last hashed, if its size and modification
  // time are still `facts`' (then *doc_id is set, else left empty).
  Status FindUnchangedFile(const std::string& path, const FileFacts& facts,
                           std::string* doc_id);
  Status PutFile(const std::string& path, const FileFacts& facts,
                 const std::string& doc_id);

  // Stores a processed document, its passages and the path, replacing what
  // was stored under its doc_id. One transaction.
  Status PutDocument(const DocumentEntry& entry);
  // Records that the document was found at `path` too.
  Status AddPath(const std::string& doc_id, const std::string& path,
                 const std::string& order_key);
  Status MarkComplete(const std::string& doc_id);
  // Drops the record of a file that could not be read, once it can be.
  Status ForgetUnreadable(const std::string& path);

  // Every document, in output order, and its passage lines.
  Status ForEachDocument(const std::function<Status(const DocumentRow&)>& fn);
  Status ForEachPassage(const std::string& doc_id,
                        const std::function<Status(const std::string&)>& fn);

  Status Totals(long long* documents, long long* passages);

  // Counts changes to what the output shows; the output is rewritten only
  // when it moved since the output folder was last written.
  Status Generation(long long* generation);
  Status OutputGeneration(const std::string& out_dir, long long* generation);
  Status SetOutputGeneration(const std::string& out_dir, long long generation);

  Status Summarize(StoreSummary* summary);

  // Takes in the store at `path` (a shard's): a document either store
  // lacks is added; one both have keeps the record from the place that
  // comes first in output order (where a single run would have read it),
  // or the newer one at the same place. All paths are kept. One
  // transaction; merging the same store again changes nothing.
  Status MergeFrom(const std::string& path);
  // After merging shards: forgets the paths found inside a copy of a
  // container that is not the copy the output records (a single run opens
  // each container once, so it never sees those paths).
  Status PrunePathsBelowDuplicates();
  // Reviewers' decisions (table `decisions`). Stores all of `decisions`
  // in one transaction, or none; earlier decisions are never changed, so
  // the table is the history and the newest decision of a passage wins.
  // Bumps the generation when anything was stored, so that every output
  // folder is rewritten with the reviewers' labels.
  Status AddDecisions(const std::vector<ReviewDecision>& decisions,
                      std::vector<DecisionOutcome>* outcomes);
  // The newest decision on each passage text of `doc_id`, by text_sha256.
  Status LatestDecisions(const std::string& doc_id,
                         std::map<std::string, ReviewDecision>* out);
  // Every decision in the order they were stored, or with `newest_only`
  // the newest of each passage text.
  Status ForEachDecision(
      bool newest_only, const std::function<Status(const ReviewDecision&)>& fn);

  Status BeginRun(const std::string& inputs, long long* run_id);
  Status FinishRun(long long run_id, const RunCounts& counts);
  // Removes the row of a run refused before it processed anything (a bad
  // rules file): it did not run, so `intake status` does not show it as a
  // run that was killed. A finished run's row stays.
  Status ForgetRun(long long run_id);

 private:
  explicit StateStore(sqlite3* db) : db_(db) {}
  Status Exec(const char* sql);
  Status BumpGeneration();

  sqlite3* db_;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_STATE_STORE_H_
