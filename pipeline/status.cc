#include "pipeline/status.h"

namespace intake {

std::string_view CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "ok";
    case Status::Code::kNotFound:
      return "not found";
    case Status::Code::kIoError:
      return "I/O error";
    case Status::Code::kCorrupt:
      return "corrupt";
    case Status::Code::kEncrypted:
      return "encrypted";
    case Status::Code::kUnsupported:
      return "unsupported";
    case Status::Code::kInvalidArgument:
      return "invalid argument";
    case Status::Code::kLimitExceeded:
      return "limit exceeded";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s(CodeName(code_));
  s += ": ";
  s += message_;
  return s;
}

}  // namespace intake
