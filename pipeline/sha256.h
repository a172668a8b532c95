// SHA-256 of a byte string, as lowercase hex. The content hash is a
// document's identity (doc_id) and part of every incremental-work key.
#ifndef INTAKE_PIPELINE_SHA256_H_
#define INTAKE_PIPELINE_SHA256_H_

#include <string>
#include <string_view>

namespace intake {

// 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace intake

#endif  // INTAKE_PIPELINE_SHA256_H_
