// SHA-256 of a byte string, as lowercase hex. The content hash is a
// document's identity (doc_id) and part of every incremental-work key.
#ifndef INTAKE_PIPELINE_SHA256_H_
#define INTAKE_PIPELINE_SHA256_H_

#include <string>
#include <string_view>

namespace intake {

// 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

// The same hash over bytes that arrive in pieces (a file read in blocks).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  // 64 lowercase hex digits of everything given to Update. Call once.
  std::string HexDigest();

 private:
  void* context_;  // EVP_MD_CTX
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_SHA256_H_
