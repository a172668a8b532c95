// What says an Outlook message is encrypted. An S/MIME message saved from
// Outlook has the class IPM.Note.SMIME and its whole content in one
// attachment, smime.p7m (application/pkcs7-mime); a PGP/MIME one keeps
// the multipart/encrypted Content-Type in its transport headers and the
// envelope in attachments (application/pgp-encrypted and the ciphertext).
// Neither holds text a reader can use without the recipient's key. A
// clear-signed message (IPM.Note.SMIME.MultipartSigned, its smime.p7m of
// type multipart/signed) is not encrypted.
// Not the reading of the message: msg_extractor.h.
#ifndef INTAKE_EXTRACTORS_MSG_ENCRYPTION_H_
#define INTAKE_EXTRACTORS_MSG_ENCRYPTION_H_

#include <string>
#include <string_view>

namespace intake {

// Why the message is encrypted, as the record's error says it, from its
// PR_MESSAGE_CLASS and PR_TRANSPORT_MESSAGE_HEADERS; "" when neither says
// so.
std::string MessageEncryption(std::string_view message_class,
                              std::string_view transport_headers);

// Why an attachment is an encrypted envelope rather than a document
// (smime.p7m, application/pkcs7-mime, application/pgp-encrypted); "" when
// it is not one.
std::string AttachmentEncryption(std::string_view name, std::string_view mime);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_MSG_ENCRYPTION_H_
