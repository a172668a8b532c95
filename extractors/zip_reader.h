// ZipReader: read members of a zip archive held in memory, within limits.
//
// For the OOXML extractors, which need a handful of small XML parts from a
// package. It guards against zip bombs (member size and expansion ratio are
// checked from the directory before reading and again while inflating,
// since the directory can lie). It is not a general archive tool: it never
// writes, never touches the file system and does not handle encrypted
// members beyond reporting them.
#ifndef INTAKE_EXTRACTORS_ZIP_READER_H_
#define INTAKE_EXTRACTORS_ZIP_READER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/extractor.h"
#include "pipeline/status.h"

struct zip;

namespace intake {

class ZipReader {
 public:
  // Opens the archive in `data`. Not a zip (or a damaged directory) gives
  // Corrupt("not a zip archive: ...").
  // REQUIRES: `data` outlives the returned reader; it is not copied.
  static Status Open(std::string_view data, std::unique_ptr<ZipReader>* out);

  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  // True when a member has this name. OPC part names are case-insensitive,
  // so an exact match is preferred and a case-insensitive one accepted.
  bool Has(std::string_view name) const;

  // Member names in directory order.
  std::vector<std::string> Names() const;

  // Reads the whole member into `*out`. NotFound when absent, LimitExceeded
  // when it would expand past limits.max_member_bytes or
  // limits.max_compression_ratio, Encrypted for password-protected members,
  // Corrupt when inflating fails.
  Status Read(std::string_view name, const ExtractLimits& limits,
              std::string* out) const;
  // The same with a tighter size limit than limits.max_member_bytes;
  // `limit_name` names it in the LimitExceeded message.
  Status Read(std::string_view name, const ExtractLimits& limits,
              long long max_bytes, std::string_view limit_name,
              std::string* out) const;

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  explicit ZipReader(zip* archive);

  // -1 when absent.
  long long Locate(std::string_view name) const;

  std::unique_ptr<zip, Closer> archive_;
};

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_ZIP_READER_H_
