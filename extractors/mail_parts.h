// What one parsed e-mail message holds, found by walking its MIME tree:
// the body text (text/plain, or HTML made plain when there is no plain
// alternative), and the attachments and attached messages that become
// documents of their own. Headers and parsing are mail_extractor.cc's.
//
// Rules: multipart/alternative takes its text/plain part; multipart/signed
// its signed content (the signature is dropped); multipart/encrypted and
// application/pkcs7-mime give the warning "encrypted message body". Images
// are skipped with one warning listing them: the pipeline has no OCR yet,
// and most are logos. Parts nested deeper than kMaxMimeDepth are skipped.
// A winmail.dat (TNEF) attachment is unpacked: its files become the
// message's attachments, its body the message's when it has none.
#ifndef INTAKE_EXTRACTORS_MAIL_PARTS_H_
#define INTAKE_EXTRACTORS_MAIL_PARTS_H_

#include <gmime/gmime.h>

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/extractor.h"

namespace intake {

// Real mail nests a few levels (a forward of a signed reply with a related
// HTML part is about 5); far deeper is a hostile file.
inline constexpr int kMaxMimeDepth = 32;

struct MailContent {
  std::vector<std::string> texts;      // UTF-8 body texts, in order
  std::vector<EmbeddedFile> embedded;  // "attachment", "attached_message"
  std::vector<std::string> warnings;
  bool encrypted = false;  // an encrypted body part was found
};

// Walks the tree under `root` (borrowed; may be null). At most
// limits.max_archive_members embedded files and limits.max_archive_bytes
// bytes of them are taken; past either, a warning and the rest skipped.
void CollectMailContent(GMimeObject* root, const ExtractLimits& limits,
                        MailContent* out);

// The message serialized back to bytes: what an attached message is handed
// on as, to be read again as an .eml.
std::string SerializeMessage(GMimeMessage* message);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_MAIL_PARTS_H_
