// Reading back the JSON Lines files an `intake run` wrote
// (docs/records.md), one record at a time, for commands that compare runs.
// It checks what every record must have (a JSON object, the schema version
// this program writes, the expected `record` kind) and names FILE:LINE in
// every error, so an operator can open the file at the bad line. It does
// not know which fields a command needs: the field getters below check
// those one at a time, with the same FILE:LINE messages.
#ifndef INTAKE_PIPELINE_RECORD_LINES_H_
#define INTAKE_PIPELINE_RECORD_LINES_H_

#include <algorithm>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace intake {

class RecordLines {
 public:
  // `name` is what messages call the stream (its path); `kind` the value
  // every record's "record" field must have ("document" or "passage").
  // REQUIRES: `in` outlives this reader.
  RecordLines(std::istream& in, std::string name, std::string kind);

  // Reads the next record. Returns false at the end of the stream or at
  // the first bad line; status() then says which. Blank lines are skipped.
  bool Next(nlohmann::json* record);
  const Status& status() const { return status_; }
  // The 1-based line of the record Next() last returned.
  long line() const { return line_; }
  // The byte offset of that record's line, counted from where the stream
  // was when this reader was made or rewound: a second pass can seek back
  // to one record instead of holding them all.
  long long offset() const { return offset_; }

  // Keeps only these top-level fields of each record (besides those every
  // record is checked for): a pass that needs a few fields of every
  // passage need not build its text and evidence. Empty: all fields.
  void KeepOnly(std::vector<std::string> fields);

  // Starts again from the first line (for a second pass over a file).
  // REQUIRES: a seekable stream.
  void Rewind();

  // Field getters for the record Next() last returned: each fails with
  // "FILE:LINE: field "key" is missing or not a <type>".
  Status GetString(const nlohmann::json& record, const char* key,
                   std::string* out) const;
  Status GetInt(const nlohmann::json& record, const char* key,
                long long* out) const;
  Status GetStrings(const nlohmann::json& record, const char* key,
                    std::vector<std::string>* out) const;

  // A Corrupt status "FILE:LINE: <what>".
  Status Error(std::string_view what) const;

 private:
  std::istream& in_;
  std::string name_;
  std::string kind_;
  std::vector<std::string> keep_;  // sorted; empty: every field
  long line_ = 0;
  long long offset_ = 0;
  long long next_offset_ = 0;  // of the line after the last one read
  Status status_;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_RECORD_LINES_H_
