// Status: the one result type at every stage boundary.
//
// A Status is either ok or carries a Code and a message a user can act on
// ("truncated PDF: xref table not found"). Foreign error styles (poppler null
// returns, libxml2 callbacks, ICU UErrorCode, libzip codes) are turned into a
// Status once, where the foreign call is made. Not an exception hierarchy:
// per-document failures are expected and the run goes on after them.
#ifndef INTAKE_PIPELINE_STATUS_H_
#define INTAKE_PIPELINE_STATUS_H_

#include <string>
#include <string_view>

namespace intake {

class [[nodiscard]] Status {
 public:
  // The kinds a caller can act on differently. Document statuses in the
  // records (corrupt, encrypted, unsupported...) are derived from these.
  enum class Code {
    kOk,
    kNotFound,
    kIoError,
    kCorrupt,
    kEncrypted,
    kUnsupported,
    kInvalidArgument,
    kLimitExceeded,
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status NotFound(std::string msg) {
    return {Code::kNotFound, std::move(msg)};
  }
  static Status IoError(std::string msg) {
    return {Code::kIoError, std::move(msg)};
  }
  static Status Corrupt(std::string msg) {
    return {Code::kCorrupt, std::move(msg)};
  }
  static Status Encrypted(std::string msg) {
    return {Code::kEncrypted, std::move(msg)};
  }
  static Status Unsupported(std::string msg) {
    return {Code::kUnsupported, std::move(msg)};
  }
  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status LimitExceeded(std::string msg) {
    return {Code::kLimitExceeded, std::move(msg)};
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "corrupt: truncated PDF" or "ok".
  std::string ToString() const;

 private:
  Status(Code code, std::string message)
      : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

std::string_view CodeName(Status::Code code);

}  // namespace intake

#endif  // INTAKE_PIPELINE_STATUS_H_
