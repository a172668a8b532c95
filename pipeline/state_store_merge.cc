// Joining the stores of the shards of a run (`intake merge`).
#include <set>
#include <string>
#include <vector>

#include "pipeline/sqlite_statement.h"
#include "pipeline/state_store.h"

namespace intake {

Status StateStore::MergeFrom(const std::string& path) {
  Status s = Statement(db_, "ATTACH DATABASE ?1 AS shard").Bind(1, path).Run();
  if (!s.ok()) return s;
  {
    std::string version;
    {
      Statement q(db_,
                  "SELECT value FROM shard.meta WHERE key='schema_version'");
      bool row = false;
      s = q.Step(&row);
      if (row) version = q.Text(0);
    }
    if (s.ok() && version != std::to_string(kStoreSchemaVersion)) {
      s = Status::Unsupported(path + " is not a state store of this intake");
    }
    Transaction t(db_);
    if (s.ok()) s = t.Begin();
    const char* const kSteps[] = {
        "CREATE TEMP TABLE winners AS SELECT s.doc_id FROM shard.documents s "
        "LEFT JOIN main.documents m ON m.doc_id = s.doc_id "
        "WHERE m.doc_id IS NULL OR s.order_key < m.order_key OR "
        "(s.order_key = m.order_key AND s.processed_at > m.processed_at)",
        "DELETE FROM main.passages WHERE doc_id IN (SELECT doc_id FROM "
        "winners)",
        "INSERT OR REPLACE INTO main.documents SELECT * FROM shard.documents "
        "WHERE doc_id IN (SELECT doc_id FROM winners)",
        "INSERT INTO main.passages SELECT * FROM shard.passages "
        "WHERE doc_id IN (SELECT doc_id FROM winners)",
        "INSERT OR IGNORE INTO main.paths SELECT * FROM shard.paths",
        "INSERT OR REPLACE INTO main.files SELECT * FROM shard.files",
        // Reviewers' decisions: every one the merged store lacks, in the
        // order the shard stored them (ids are per store, so new ones).
        "INSERT INTO main.decisions(doc_id, text_sha256, passage_id, text, "
        "article14, activity, theme, stance, reviewer, decided_at, "
        "imported_at, source, comment) "
        "SELECT doc_id, text_sha256, passage_id, text, article14, activity, "
        "theme, stance, reviewer, decided_at, imported_at, source, comment "
        "FROM shard.decisions s WHERE NOT EXISTS (SELECT 1 FROM "
        "main.decisions m WHERE m.doc_id = s.doc_id AND m.text_sha256 = "
        "s.text_sha256 AND m.reviewer = s.reviewer AND m.decided_at = "
        "s.decided_at AND m.imported_at = s.imported_at AND m.article14 = "
        "s.article14 AND m.activity = s.activity AND m.theme = s.theme AND "
        "m.stance = s.stance) ORDER BY s.decision_id",
    };
    long long changes = 0;
    for (const char* step : kSteps) {
      if (!s.ok()) break;
      s = Statement(db_, step).Run();
      changes += sqlite3_changes(db_);
    }
    if (s.ok()) s = Statement(db_, "DROP TABLE temp.winners").Run();
    if (s.ok() && changes > 0) s = BumpGeneration();
    if (s.ok()) s = t.Commit();
  }
  Status detach = Statement(db_, "DETACH DATABASE shard").Run();
  return s.ok() ? detach : s;
}

Status StateStore::PrunePathsBelowDuplicates() {
  std::set<std::string> recorded;  // order keys of the documents' records
  Statement keys(db_, "SELECT order_key FROM documents");
  for (;;) {
    bool row = false;
    Status s = keys.Step(&row);
    if (!s.ok()) return s;
    if (!row) break;
    recorded.insert(keys.Text(0));
  }
  std::vector<long long> doomed;
  Statement paths(db_, "SELECT rowid, order_key FROM paths");
  for (;;) {
    bool row = false;
    Status s = paths.Step(&row);
    if (!s.ok()) return s;
    if (!row) break;
    // A key is the file's path, then a zero byte and a 4-byte index per
    // container level (runner.cc): each shorter key is a container the
    // path was found in, and must be a recorded copy.
    std::string key = paths.Text(1);
    size_t level = key.find('\0');
    for (; level != std::string::npos && level < key.size(); level += 5) {
      if (recorded.count(key.substr(0, level)) == 0) {
        doomed.push_back(paths.Int(0));
        break;
      }
    }
  }
  if (doomed.empty()) return Status::Ok();
  Transaction t(db_);
  Status s = t.Begin();
  Statement erase(db_, "DELETE FROM paths WHERE rowid=?1");
  for (long long rowid : doomed) {
    if (!s.ok()) break;
    erase.Reset();
    s = erase.Bind(1, rowid).Run();
  }
  if (s.ok()) s = BumpGeneration();
  if (s.ok()) s = t.Commit();
  return s;
}
}  // namespace intake
