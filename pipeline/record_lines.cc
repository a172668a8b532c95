#include "pipeline/record_lines.h"

#include "pipeline/json_line.h"
#include "pipeline/records.h"

namespace intake {

using Json = nlohmann::json;

RecordLines::RecordLines(std::istream& in, std::string name, std::string kind)
    : in_(in), name_(std::move(name)), kind_(std::move(kind)) {}

Status RecordLines::Error(std::string_view what) const {
  return Status::Corrupt(name_ + ":" + std::to_string(line_) + ": " +
                         std::string(what));
}

void RecordLines::KeepOnly(std::vector<std::string> fields) {
  if (!fields.empty()) {
    fields.insert(fields.end(), {"schema_version", "record"});
  }
  std::sort(fields.begin(), fields.end());
  keep_ = std::move(fields);
}

bool RecordLines::Next(Json* record) {
  if (!status_.ok()) return false;
  for (std::string text; std::getline(in_, text);) {
    ++line_;
    offset_ = next_offset_;
    next_offset_ += static_cast<long long>(text.size()) + 1;  // and '\n'
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      *record = ParseJsonLine(text, keep_);
    } catch (const Json::parse_error& e) {
      status_ = Error("not valid JSON (at byte " + std::to_string(e.byte) +
                      " of the line)");
      return false;
    } catch (const Json::exception& e) {
      // Valid JSON that nlohmann cannot hold, such as a number past the
      // range of a double (1e400).
      status_ =
          Error(std::string("not a record intake wrote (") + e.what() + ")");
      return false;
    }
    if (!record->is_object()) {
      status_ = Error("not a JSON object");
      return false;
    }
    auto version = record->find("schema_version");
    if (version == record->end() || !version->is_number_integer()) {
      status_ = Error("no schema_version: not a record intake wrote");
      return false;
    }
    if (version->get<long long>() != kSchemaVersion) {
      status_ = Error("schema_version " + version->dump() +
                      " is not the version this intake reads (" +
                      std::to_string(kSchemaVersion) +
                      "); use the intake that wrote it");
      return false;
    }
    auto kind = record->find("record");
    if (kind == record->end() || *kind != kind_) {
      status_ = Error("not a " + kind_ + " record");
      return false;
    }
    return true;
  }
  if (in_.bad()) status_ = Status::IoError(name_ + ": read error");
  return false;
}

void RecordLines::Rewind() {
  in_.clear();
  in_.seekg(0);
  line_ = 0;
  offset_ = next_offset_ = 0;
  status_ = Status::Ok();
}

Status RecordLines::GetString(const Json& record, const char* key,
                              std::string* out) const {
  auto it = record.find(key);
  if (it == record.end() || !it->is_string()) {
    return Error(std::string("field \"") + key +
                 "\" is missing or not a string");
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

Status RecordLines::GetInt(const Json& record, const char* key,
                           long long* out) const {
  auto it = record.find(key);
  if (it == record.end() || !it->is_number_integer()) {
    return Error(std::string("field \"") + key +
                 "\" is missing or not an integer");
  }
  *out = it->get<long long>();
  return Status::Ok();
}

Status RecordLines::GetStrings(const Json& record, const char* key,
                               std::vector<std::string>* out) const {
  auto it = record.find(key);
  bool ok = it != record.end() && it->is_array();
  out->clear();
  if (ok) {
    for (const Json& v : *it) {
      if (!v.is_string()) {
        ok = false;
        break;
      }
      out->push_back(v.get<std::string>());
    }
  }
  if (!ok) {
    return Error(std::string("field \"") + key +
                 "\" is missing or not an array of strings");
  }
  return Status::Ok();
}

}  // namespace intake
