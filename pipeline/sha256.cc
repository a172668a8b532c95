#include "pipeline/sha256.h"

#include <openssl/evp.h>

#include <new>
#include <stdexcept>

namespace intake {

namespace {

// OpenSSL's digest calls only fail when OpenSSL itself is broken (no
// SHA-256 provider); nothing a user could act on, so it is not a Status.
void Check(int openssl_result) {
  if (openssl_result != 1) {
    throw std::runtime_error("OpenSSL cannot compute SHA-256");
  }
}

std::string Hex(const unsigned char* digest, unsigned int length) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  Check(EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(),
                   nullptr));
  return Hex(digest, length);
}

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (context_ == nullptr) throw std::bad_alloc();
  Check(EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_), EVP_sha256(),
                          nullptr));
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context_)); }

void Sha256::Update(std::string_view bytes) {
  Check(EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context_), bytes.data(),
                         bytes.size()));
}

std::string Sha256::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  Check(
      EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(context_), digest, &length));
  return Hex(digest, length);
}

}  // namespace intake
