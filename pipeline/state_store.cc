#include "pipeline/state_store.h"

#include <sqlite3.h>

#include <set>
#include <vector>

#include "pipeline/json_records.h"
#include "pipeline/sqlite_statement.h"
#include "pipeline/utc_time.h"

namespace intake {
namespace {

constexpr char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  doc_id TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  order_key BLOB NOT NULL,
  status TEXT NOT NULL,
  error TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  model_version TEXT NOT NULL,
  complete INTEGER NOT NULL,
  quarantined INTEGER NOT NULL,
  seconds REAL NOT NULL,
  processed_at TEXT NOT NULL,
  record TEXT NOT NULL,
  intake_build TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS documents_order ON documents(order_key);
CREATE TABLE IF NOT EXISTS passages(
  doc_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  passage_id TEXT NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY(doc_id, idx));
CREATE TABLE IF NOT EXISTS paths(
  doc_id TEXT NOT NULL,
  path TEXT NOT NULL,
  order_key BLOB NOT NULL,
  first_seen TEXT NOT NULL,
  PRIMARY KEY(doc_id, path));
CREATE TABLE IF NOT EXISTS files(
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  doc_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS decisions(
  decision_id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  text_sha256 TEXT NOT NULL,
  passage_id TEXT NOT NULL,
  text TEXT NOT NULL,
  article14 TEXT NOT NULL,
  activity TEXT NOT NULL,
  theme TEXT NOT NULL,
  stance TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  source TEXT NOT NULL,
  comment TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS decisions_passage
  ON decisions(doc_id, text_sha256, decision_id);
CREATE TABLE IF NOT EXISTS runs(
  run_id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  inputs TEXT NOT NULL,
  processed INTEGER,
  unchanged INTEGER,
  failed INTEGER);
)sql";

// Opens the database at `path` with SQLite's `flags` into *db, waiting
// up to 10 s for a lock another process holds.
Status OpenDatabase(const std::string& path, int flags, sqlite3** db) {
  int rc =
      sqlite3_open_v2(path.c_str(), db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string reason = *db ? sqlite3_errmsg(*db) : sqlite3_errstr(rc);
    sqlite3_close(*db);
    *db = nullptr;
    return Status::IoError("cannot open state store " + path + ": " + reason);
  }
  sqlite3_busy_timeout(*db, 10000);
  return Status::Ok();
}

}  // namespace

Status StateStore::Open(const std::string& path,
                        std::unique_ptr<StateStore>* out) {
  sqlite3* db = nullptr;
  Status opened =
      OpenDatabase(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db);
  if (!opened.ok()) return opened;
  std::unique_ptr<StateStore> store(new StateStore(db));
  // WAL: a reader (intake status) never blocks a run; NORMAL sync keeps
  // the database consistent after a power loss, losing at most the last
  // documents, which the next run redoes.
  Status s = store->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
      "PRAGMA foreign_keys=ON;");
  if (s.ok()) s = store->Exec(kSchema);
  if (!s.ok()) {
    return Status::IoError("cannot use state store " + path + ": " +
                           s.message());
  }
  Statement get(db, "SELECT value FROM meta WHERE key='schema_version'");
  bool row = false;
  s = get.Step(&row);
  if (!s.ok()) return s;
  if (!row) {
    s = Statement(db, "INSERT INTO meta VALUES('schema_version', ?1)")
            .Bind(1, std::to_string(kStoreSchemaVersion))
            .Run();
    if (!s.ok()) return s;
  } else if (get.Text(0) == "1") {
    // Version 1 did not keep which intake stored a document: its documents
    // get "", which no build has, so the next run redoes them.
    s = store->Exec(
        "BEGIN; ALTER TABLE documents ADD COLUMN intake_build TEXT NOT NULL "
        "DEFAULT ''; UPDATE meta SET value='2' WHERE key='schema_version'; "
        "COMMIT;");
    if (!s.ok()) {
      return Status::IoError("cannot bring state store " + path +
                             " to version 2: " + s.message());
    }
  } else if (get.Text(0) != std::to_string(kStoreSchemaVersion)) {
    return Status::Unsupported("state store " + path + " has schema version " +
                               get.Text(0) + "; this intake reads version " +
                               std::to_string(kStoreSchemaVersion));
  }
  *out = std::move(store);
  return Status::Ok();
}

Status StateStore::OpenForReading(const std::string& path,
                                  std::unique_ptr<StateStore>* out) {
  sqlite3* db = nullptr;
  Status opened = OpenDatabase(path, SQLITE_OPEN_READONLY, &db);
  if (!opened.ok()) return opened;
  std::unique_ptr<StateStore> store(new StateStore(db));
  std::string version;
  {
    Statement get(db, "SELECT value FROM meta WHERE key='schema_version'");
    bool row = false;
    Status s = get.Step(&row);
    const std::string reason = sqlite3_errmsg(db);
    // Not a database, or one without intake's tables, is someone else's
    // file; any other failure (a folder the reader may not write SQLite's
    // shared-memory index into, say) is the reader's to fix.
    if (!s.ok() && sqlite3_errcode(db) != SQLITE_NOTADB &&
        reason.rfind("no such table", 0) != 0) {
      return Status::IoError("cannot read state store " + path + ": " + reason);
    }
    if (s.ok() && row) version = get.Text(0);
  }
  if (version.empty()) {
    return Status::Unsupported(path + " is not a state store of this intake");
  }
  if (version != std::to_string(kStoreSchemaVersion)) {
    // Open() brings version 1 up to date; nothing reads a later one.
    return Status::Unsupported(
        "state store " + path + " has schema version " + version +
        "; this intake reads version " + std::to_string(kStoreSchemaVersion) +
        (version == "1" ? " (an 'intake run' into its folder brings it up "
                          "to date)"
                        : ""));
  }
  *out = std::move(store);
  return Status::Ok();
}

StateStore::~StateStore() { sqlite3_close(db_); }

Status StateStore::Exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) == SQLITE_OK) {
    return Status::Ok();
  }
  std::string message = error ? error : "unknown error";
  sqlite3_free(error);
  return Status::IoError("state store: " + message);
}

Status StateStore::FindDocument(const std::string& doc_id, StoredDocument* doc,
                                bool* found) {
  Statement q(db_,
              "SELECT status, rules_version, model_version, complete, "
              "quarantined, record, intake_build FROM documents "
              "WHERE doc_id=?1");
  q.Bind(1, doc_id);
  Status s = q.Step(found);
  if (!s.ok() || !*found) return s;
  doc->status = q.Text(0);
  doc->rules_version = q.Text(1);
  doc->model_version = q.Text(2);
  doc->complete = q.Int(3) != 0;
  doc->quarantined = q.Int(4) != 0;
  doc->record = q.Text(5);
  doc->intake_build = q.Text(6);
  return Status::Ok();
}

Status StateStore::FindUnchangedFile(const std::string& path,
                                     const FileFacts& facts,
                                     std::string* doc_id) {
  doc_id->clear();
  Statement q(db_, "SELECT size, mtime_ns, doc_id FROM files WHERE path=?1");
  q.Bind(1, path);
  bool row = false;
  Status s = q.Step(&row);
  if (!s.ok() || !row) return s;
  if (q.Int(0) == facts.size && q.Int(1) == facts.mtime_ns) {
    *doc_id = q.Text(2);
  }
  return Status::Ok();
}

Status StateStore::PutFile(const std::string& path, const FileFacts& facts,
                           const std::string& doc_id) {
  return Statement(db_, "INSERT OR REPLACE INTO files VALUES(?1, ?2, ?3, ?4)")
      .Bind(1, path)
      .Bind(2, facts.size)
      .Bind(3, facts.mtime_ns)
      .Bind(4, doc_id)
      .Run();
}

Status StateStore::BumpGeneration() {
  return Statement(
             db_,
             "INSERT INTO meta VALUES('generation', '1') ON CONFLICT(key) "
             "DO UPDATE SET value=CAST(value AS INTEGER)+1")
      .Run();
}

Status StateStore::PutDocument(const DocumentEntry& e) {
  Transaction t(db_);
  Status s = t.Begin();
  if (!s.ok()) return s;
  s = Statement(db_, "DELETE FROM passages WHERE doc_id=?1")
          .Bind(1, e.doc_id)
          .Run();
  if (!s.ok()) return s;
  s = Statement(db_,
                "INSERT OR REPLACE INTO documents VALUES(?1, ?2, ?3, ?4, ?5, "
                "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
          .Bind(1, e.doc_id)
          .Bind(2, e.path)
          .BindBlob(3, e.order_key)
          .Bind(4, e.status)
          .Bind(5, e.error)
          .Bind(6, e.rules_version)
          .Bind(7, e.model_version)
          .Bind(8, static_cast<long long>(e.complete))
          .Bind(9, static_cast<long long>(e.quarantined))
          .Bind(10, e.seconds)
          .Bind(11, UtcNow())
          .Bind(12, e.document_json)
          .Bind(13, e.intake_build)
          .Run();
  if (!s.ok()) return s;
  Statement insert(db_, "INSERT INTO passages VALUES(?1, ?2, ?3, ?4)");
  for (size_t i = 0; i < e.passage_json.size(); ++i) {
    // The passage id is a column too, so that an analyst can join on it
    // without parsing JSON.
    insert.Reset();
    s = insert.Bind(1, e.doc_id)
            .Bind(2, static_cast<long long>(i))
            .Bind(3, PassageId(e.doc_id, i))
            .Bind(4, e.passage_json[i])
            .Run();
    if (!s.ok()) return s;
  }
  s = AddPath(e.doc_id, e.path, e.order_key);
  if (!s.ok()) return s;
  s = BumpGeneration();
  if (!s.ok()) return s;
  return t.Commit();
}

Status StateStore::AddPath(const std::string& doc_id, const std::string& path,
                           const std::string& order_key) {
  Statement insert(db_, "INSERT OR IGNORE INTO paths VALUES(?1, ?2, ?3, ?4)");
  Status s = insert.Bind(1, doc_id)
                 .Bind(2, path)
                 .BindBlob(3, order_key)
                 .Bind(4, UtcNow())
                 .Run();
  if (!s.ok()) return s;
  // A new path changes the document's other_paths in the output.
  if (sqlite3_changes(db_) > 0) return BumpGeneration();
  return Status::Ok();
}

Status StateStore::MarkComplete(const std::string& doc_id) {
  return Statement(db_, "UPDATE documents SET complete=1 WHERE doc_id=?1")
      .Bind(1, doc_id)
      .Run();
}

Status StateStore::ForgetUnreadable(const std::string& path) {
  Transaction t(db_);
  Status s = t.Begin();
  if (!s.ok()) return s;
  std::string doc_id = "unread:" + path;
  s = Statement(db_, "DELETE FROM documents WHERE doc_id=?1")
          .Bind(1, doc_id)
          .Run();
  if (!s.ok()) return s;
  bool removed = sqlite3_changes(db_) > 0;
  s = Statement(db_, "DELETE FROM paths WHERE doc_id=?1").Bind(1, doc_id).Run();
  if (!s.ok()) return s;
  if (removed) {
    s = BumpGeneration();
    if (!s.ok()) return s;
  }
  return t.Commit();
}

Status StateStore::ForEachDocument(
    const std::function<Status(const DocumentRow&)>& fn) {
  Statement docs(db_,
                 "SELECT doc_id, path, record FROM documents "
                 "ORDER BY order_key, doc_id");
  Statement paths(db_,
                  "SELECT path FROM paths WHERE doc_id=?1 AND path<>?2 "
                  "ORDER BY order_key, path");
  for (;;) {
    bool row = false;
    Status s = docs.Step(&row);
    if (!s.ok()) return s;
    if (!row) return Status::Ok();
    DocumentRow doc;
    doc.doc_id = docs.Text(0);
    doc.path = docs.Text(1);
    doc.document_json = docs.Text(2);
    paths.Reset();
    paths.Bind(1, doc.doc_id).Bind(2, doc.path);
    for (;;) {
      s = paths.Step(&row);
      if (!s.ok()) return s;
      if (!row) break;
      doc.other_paths.push_back(paths.Text(0));
    }
    s = fn(doc);
    if (!s.ok()) return s;
  }
}

Status StateStore::ForEachPassage(
    const std::string& doc_id,
    const std::function<Status(const std::string&)>& fn) {
  Statement q(db_, "SELECT record FROM passages WHERE doc_id=?1 ORDER BY idx");
  q.Bind(1, doc_id);
  for (;;) {
    bool row = false;
    Status s = q.Step(&row);
    if (!s.ok()) return s;
    if (!row) return Status::Ok();
    s = fn(q.Text(0));
    if (!s.ok()) return s;
  }
}

namespace {

Status ReadCounter(sqlite3* db, const std::string& key, long long* value) {
  *value = 0;
  Statement q(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key=?1");
  q.Bind(1, key);
  bool row = false;
  Status s = q.Step(&row);
  if (s.ok() && row) *value = q.Int(0);
  return s;
}

}  // namespace

Status StateStore::Totals(long long* documents, long long* passages) {
  Statement q(db_,
              "SELECT (SELECT COUNT(*) FROM documents), "
              "(SELECT COUNT(*) FROM passages)");
  bool row = false;
  Status s = q.Step(&row);
  if (s.ok() && row) {
    *documents = q.Int(0);
    *passages = q.Int(1);
  }
  return s;
}

Status StateStore::Generation(long long* generation) {
  return ReadCounter(db_, "generation", generation);
}

Status StateStore::OutputGeneration(const std::string& out_dir,
                                    long long* generation) {
  return ReadCounter(db_, "output_generation:" + out_dir, generation);
}

Status StateStore::SetOutputGeneration(const std::string& out_dir,
                                       long long generation) {
  return Statement(db_, "INSERT OR REPLACE INTO meta VALUES(?1, ?2)")
      .Bind(1, "output_generation:" + out_dir)
      .Bind(2, std::to_string(generation))
      .Run();
}

Status StateStore::BeginRun(const std::string& inputs, long long* run_id) {
  Status s = Statement(db_, "INSERT INTO runs(started, inputs) VALUES(?1, ?2)")
                 .Bind(1, UtcNow())
                 .Bind(2, inputs)
                 .Run();
  if (s.ok()) *run_id = sqlite3_last_insert_rowid(db_);
  return s;
}

Status StateStore::ForgetRun(long long run_id) {
  return Statement(db_, "DELETE FROM runs WHERE run_id=?1 AND finished IS NULL")
      .Bind(1, run_id)
      .Run();
}

Status StateStore::FinishRun(long long run_id, const RunCounts& counts) {
  return Statement(db_,
                   "UPDATE runs SET finished=?1, processed=?2, unchanged=?3, "
                   "failed=?4 WHERE run_id=?5")
      .Bind(1, UtcNow())
      .Bind(2, counts.processed)
      .Bind(3, counts.unchanged)
      .Bind(4, counts.failed)
      .Bind(5, run_id)
      .Run();
}

}  // namespace intake
