#include "extractors/extraction_guard.h"

#include <new>
#include <string>

namespace intake {

Status GuardExtraction(std::string_view format, Extraction* out,
                       const std::function<Status()>& extract) {
  try {
    Status s = extract();
    if (!s.ok()) out->blocks.clear();
    return s;
  } catch (const std::bad_alloc&) {
    out->blocks.clear();
    return Status::LimitExceeded("out of memory extracting " +
                                 std::string(format));
  }
}

}  // namespace intake
