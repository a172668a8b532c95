#include "extractors/msg_encryption.h"

#include <algorithm>
#include <cctype>

namespace intake {
namespace {

constexpr char kAskSender[] =
    ": it can only be read with the recipient's private key; ask the "
    "sender for a copy that is not encrypted";

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

// The value of the Content-Type header in `headers`, lower case, without
// parameters; "" when there is none. Headers may be folded.
std::string ContentType(std::string_view headers) {
  std::string lower = Lower(headers);
  size_t at = 0;
  while ((at = lower.find("content-type:", at)) != std::string::npos) {
    if (at == 0 || lower[at - 1] == '\n') break;
    ++at;
  }
  if (at == std::string::npos) return "";
  size_t begin = lower.find_first_not_of(" \t\r\n", at + 13);
  if (begin == std::string::npos) return "";
  size_t end = lower.find_first_of("; \t\r\n", begin);
  return lower.substr(begin, end == std::string::npos ? end : end - begin);
}

}  // namespace

std::string MessageEncryption(std::string_view message_class,
                              std::string_view transport_headers) {
  std::string cls = Lower(message_class);
  // IPM.Note.SMIME is an encrypted (or opaque-signed, which Outlook
  // shows only after decoding the same envelope) message;
  // IPM.Note.SMIME.MultipartSigned keeps its text in the clear.
  if (cls == "ipm.note.smime") {
    return "S/MIME-encrypted Outlook message (class " +
           std::string(message_class) + ")" + kAskSender;
  }
  std::string type = ContentType(transport_headers);
  if (type == "multipart/encrypted") {
    return "encrypted Outlook message (PGP/MIME, multipart/encrypted)" +
           std::string(kAskSender);
  }
  if (type == "application/pkcs7-mime" || type == "application/x-pkcs7-mime") {
    return "S/MIME-encrypted Outlook message (" + type + ")" + kAskSender;
  }
  return "";
}

std::string AttachmentEncryption(std::string_view name, std::string_view mime) {
  std::string n = Lower(name);
  std::string m = Lower(mime);
  bool pkcs7 = m == "application/pkcs7-mime" || m == "application/x-pkcs7-mime";
  // A signed message that Outlook keeps whole also calls its one
  // attachment smime.p7m, with the type multipart/signed: clear text.
  if (pkcs7 || (n == "smime.p7m" && m.empty())) {
    return "S/MIME-encrypted Outlook message (attachment smime.p7m)" +
           std::string(kAskSender);
  }
  if (m == "application/pgp-encrypted" || n.ends_with(".pgp-encrypted")) {
    return "encrypted Outlook message (PGP/MIME attachment)" +
           std::string(kAskSender);
  }
  return "";
}

}  // namespace intake
