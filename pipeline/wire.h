// A byte format for passing work between the run and its worker processes:
// integers and length-prefixed strings, in the order written. Not a file
// format: both ends are the same binary, so there is no versioning.
#ifndef INTAKE_PIPELINE_WIRE_H_
#define INTAKE_PIPELINE_WIRE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace intake {

class WireWriter {
 public:
  void PutInt(int64_t value);
  void PutString(std::string_view value);
  const std::string& bytes() const { return bytes_; }
  std::string Take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

// Reads what a WireWriter wrote. Every Get fails (returns false) rather
// than reading past the end, so a message cut short is an error, not a
// crash.
class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : bytes_(bytes) {}
  bool GetInt(int64_t* value);
  bool GetString(std::string* value);
  bool AtEnd() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_WIRE_H_
