// SQLite statements and transactions as the state store uses them:
// finalized and rolled back on every way out, errors as Status. Internal
// to pipeline/state_store*.cc.
#ifndef INTAKE_PIPELINE_SQLITE_STATEMENT_H_
#define INTAKE_PIPELINE_SQLITE_STATEMENT_H_

#include <sqlite3.h>

#include <string>

#include "pipeline/status.h"

namespace intake {

// A prepared statement, finalized on every way out.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    prepared_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Statement& BindBlob(int i, const std::string& bytes) {
    sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, long long value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
  }
  Statement& Bind(int i, double value) {
    sqlite3_bind_double(stmt_, i, value);
    return *this;
  }

  // Steps once: *row says whether a row is ready to read.
  Status Step(bool* row) {
    if (prepared_ != SQLITE_OK) return Error();
    int rc = sqlite3_step(stmt_);
    *row = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) return Status::Ok();
    return Error();
  }
  // Makes the statement ready to run again with new bindings.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  // Runs a statement that returns no rows.
  Status Run() {
    bool row = false;
    return Step(&row);
  }

  std::string Text(int column) {
    const void* p = sqlite3_column_blob(stmt_, column);
    int n = sqlite3_column_bytes(stmt_, column);
    return p == nullptr ? std::string()
                        : std::string(static_cast<const char*>(p), n);
  }
  long long Int(int column) { return sqlite3_column_int64(stmt_, column); }

 private:
  Status Error() {
    return Status::IoError(std::string("state store: ") + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int prepared_;
};

// Rolls back unless committed, so an error half-way leaves nothing half
// written.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status Begin() {
    Status s = Statement(db_, "BEGIN IMMEDIATE").Run();
    open_ = s.ok();
    return s;
  }
  Status Commit() {
    Status s = Statement(db_, "COMMIT").Run();
    if (s.ok()) open_ = false;
    return s;
  }

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_SQLITE_STATEMENT_H_
