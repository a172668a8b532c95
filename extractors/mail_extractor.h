// E-mail messages (.eml, RFC 5322 + MIME) and mbox files, read with GMime.
//
// A message gives its envelope (DocumentMeta::mail, decoded to UTF-8), its
// body as Blocks (one per blank-line separated paragraph) and its
// attachments and attached messages as embedded files, which the runner
// processes as documents of their own (mail_parts.h says which part is
// what). An mbox gives no text: each of its messages is an embedded file.
// Not a mail client: no decryption, no signature checking, no threading.
#ifndef INTAKE_EXTRACTORS_MAIL_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_MAIL_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// Corrupt("not a readable e-mail message") when the bytes hold no message
// headers; Encrypted when the body is encrypted and nothing else is there.
// meta.extraction = "gmime". REQUIRES: `data` stays valid during the call.
// Thread-safe (GMime is initialised once, each call has its own parser).
Status ExtractEml(std::string_view data, const ExtractLimits& limits,
                  Extraction* out);

// Each message becomes an EmbeddedFile{"mbox_message", "message-N <subject>
// .eml", bytes}; at most limits.max_archive_members messages and
// limits.max_archive_bytes bytes. Corrupt when no message can be read.
// meta.extraction = "gmime-mbox".
Status ExtractMbox(std::string_view data, const ExtractLimits& limits,
                   Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_MAIL_EXTRACTOR_H_
