// What `intake status` shows of a state store.
#include "pipeline/sqlite_statement.h"
#include "pipeline/state_store.h"

namespace intake {
namespace {

Status CountBy(sqlite3* db, const char* sql,
               std::vector<std::pair<std::string, long long>>* out) {
  Statement q(db, sql);
  for (;;) {
    bool row = false;
    Status s = q.Step(&row);
    if (!s.ok() || !row) return s;
    out->emplace_back(q.Text(0), q.Int(1));
  }
}

Status SummarizeDecisions(sqlite3* db, StoreSummary* summary) {
  Status s = CountBy(db,
                     "SELECT reviewer, COUNT(*) FROM decisions WHERE "
                     "decision_id IN (SELECT MAX(decision_id) FROM decisions "
                     "GROUP BY doc_id, text_sha256) GROUP BY reviewer "
                     "ORDER BY COUNT(*) DESC, reviewer",
                     &summary->decided_by_reviewer);
  if (!s.ok()) return s;
  Statement q(db,
              "SELECT COUNT(*), IFNULL(MAX(imported_at), '') "
              "FROM decisions");
  bool row = false;
  s = q.Step(&row);
  if (!s.ok() || !row) return s;
  summary->decisions = q.Int(0);
  summary->last_import = q.Text(1);
  return Status::Ok();
}

}  // namespace

Status StateStore::Summarize(StoreSummary* summary) {
  Status s = Totals(&summary->documents, &summary->passages);
  if (s.ok()) {
    s = CountBy(db_,
                "SELECT status, COUNT(*) FROM documents GROUP BY status "
                "ORDER BY COUNT(*) DESC, status",
                &summary->by_status);
  }
  if (s.ok()) {
    s = CountBy(db_,
                "SELECT rules_version, COUNT(*) FROM documents "
                "GROUP BY rules_version ORDER BY rules_version",
                &summary->by_rules_version);
  }
  if (s.ok()) {
    s = CountBy(db_,
                "SELECT model_version, COUNT(*) FROM documents "
                "GROUP BY model_version ORDER BY model_version",
                &summary->by_model_version);
  }
  if (s.ok()) s = SummarizeDecisions(db_, summary);
  if (!s.ok()) return s;
  Statement q(db_,
              "SELECT path, status, error FROM documents WHERE quarantined=1 "
              "ORDER BY order_key");
  for (;;) {
    bool row = false;
    s = q.Step(&row);
    if (!s.ok()) return s;
    if (!row) break;
    summary->quarantined.push_back({q.Text(0), q.Text(1), q.Text(2)});
  }
  Statement runs(db_,
                 "SELECT run_id, started, IFNULL(finished, ''), "
                 "IFNULL(processed, 0), IFNULL(unchanged, 0), "
                 "IFNULL(failed, 0) FROM runs ORDER BY run_id DESC LIMIT 10");
  for (;;) {
    bool row = false;
    s = runs.Step(&row);
    if (!s.ok()) return s;
    if (!row) return Status::Ok();
    summary->runs.push_back({runs.Int(0), runs.Text(1), runs.Text(2),
                             runs.Int(3), runs.Int(4), runs.Int(5)});
  }
}

}  // namespace intake
