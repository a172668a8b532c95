// The `decisions` table of the state store (docs/state.md): reviewers'
// decisions, kept as history. Label lists are stored as JSON arrays so an
// analyst can query them with SQLite's json_each.
#include <nlohmann/json.hpp>

#include "pipeline/sqlite_statement.h"
#include "pipeline/state_store.h"
#include "pipeline/utc_time.h"

namespace intake {
namespace {

using Json = nlohmann::json;

constexpr char kColumns[] =
    "decision_id, doc_id, text_sha256, passage_id, text, article14, "
    "activity, theme, stance, reviewer, decided_at, imported_at, source, "
    "comment";

std::string CodesText(const std::vector<std::string>& codes) {
  return Json(codes).dump();
}

std::vector<std::string> CodesFrom(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::vector<std::string> codes;
  if (!j.is_array()) return codes;
  for (const Json& c : j) {
    if (c.is_string()) codes.push_back(c.get<std::string>());
  }
  return codes;
}

ReviewDecision ReadDecision(Statement& q) {
  ReviewDecision d;
  d.decision_id = q.Int(0);
  d.doc_id = q.Text(1);
  d.text_sha256 = q.Text(2);
  d.passage_id = q.Text(3);
  d.text = q.Text(4);
  d.article14 = CodesFrom(q.Text(5));
  d.activity = CodesFrom(q.Text(6));
  d.theme = CodesFrom(q.Text(7));
  d.stance = q.Text(8);
  d.reviewer = q.Text(9);
  d.decided_at = q.Text(10);
  d.imported_at = q.Text(11);
  d.source = q.Text(12);
  d.comment = q.Text(13);
  return d;
}

Status Newest(sqlite3* db, const ReviewDecision& d, ReviewDecision* newest,
              bool* found) {
  Statement q(db, (std::string("SELECT ") + kColumns +
                   " FROM decisions WHERE doc_id=?1 AND text_sha256=?2 "
                   "ORDER BY decision_id DESC LIMIT 1")
                      .c_str());
  q.Bind(1, d.doc_id).Bind(2, d.text_sha256);
  Status s = q.Step(found);
  if (s.ok() && *found) *newest = ReadDecision(q);
  return s;
}

}  // namespace

bool SameLabels(const ReviewDecision& a, const ReviewDecision& b) {
  return a.article14 == b.article14 && a.activity == b.activity &&
         a.theme == b.theme && a.stance == b.stance;
}

Status StateStore::AddDecisions(const std::vector<ReviewDecision>& decisions,
                                std::vector<DecisionOutcome>* outcomes) {
  outcomes->clear();
  Transaction t(db_);
  Status s = t.Begin();
  if (!s.ok()) return s;
  std::string imported_at = UtcNow();
  bool stored = false;
  Statement insert(db_,
                   "INSERT INTO decisions(doc_id, text_sha256, passage_id, "
                   "text, article14, activity, theme, stance, reviewer, "
                   "decided_at, imported_at, source, comment) "
                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                   "?13)");
  for (const ReviewDecision& d : decisions) {
    DecisionOutcome outcome;
    bool found = false;
    s = Newest(db_, d, &outcome.previous, &found);
    if (!s.ok()) return s;
    if (found) {
      outcome.kind = SameLabels(outcome.previous, d)
                         ? DecisionOutcome::Kind::kSame
                         : DecisionOutcome::Kind::kReplaces;
    }
    outcomes->push_back(outcome);
    if (outcome.kind == DecisionOutcome::Kind::kSame) continue;
    insert.Reset();
    s = insert.Bind(1, d.doc_id)
            .Bind(2, d.text_sha256)
            .Bind(3, d.passage_id)
            .Bind(4, d.text)
            .Bind(5, CodesText(d.article14))
            .Bind(6, CodesText(d.activity))
            .Bind(7, CodesText(d.theme))
            .Bind(8, d.stance)
            .Bind(9, d.reviewer)
            .Bind(10, d.decided_at)
            .Bind(11, imported_at)
            .Bind(12, d.source)
            .Bind(13, d.comment)
            .Run();
    if (!s.ok()) return s;
    stored = true;
  }
  if (stored) {
    s = BumpGeneration();
    if (!s.ok()) return s;
  }
  return t.Commit();
}

Status StateStore::LatestDecisions(const std::string& doc_id,
                                   std::map<std::string, ReviewDecision>* out) {
  out->clear();
  Statement q(db_, (std::string("SELECT ") + kColumns +
                    " FROM decisions WHERE doc_id=?1 ORDER BY decision_id")
                       .c_str());
  q.Bind(1, doc_id);
  for (;;) {
    bool row = false;
    Status s = q.Step(&row);
    if (!s.ok() || !row) return s;
    ReviewDecision d = ReadDecision(q);
    (*out)[d.text_sha256] = std::move(d);  // later rows are newer
  }
}

Status StateStore::ForEachDecision(
    bool newest_only, const std::function<Status(const ReviewDecision&)>& fn) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM decisions";
  if (newest_only) {
    sql +=
        " WHERE decision_id IN (SELECT MAX(decision_id) FROM decisions "
        "GROUP BY doc_id, text_sha256)";
  }
  sql += " ORDER BY decision_id";
  Statement q(db_, sql.c_str());
  for (;;) {
    bool row = false;
    Status s = q.Step(&row);
    if (!s.ok() || !row) return s;
    s = fn(ReadDecision(q));
    if (!s.ok()) return s;
  }
}

}  // namespace intake
