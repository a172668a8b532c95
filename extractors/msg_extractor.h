// Outlook .msg files (an OLE2 compound file of MAPI properties, [MS-OXMSG]),
// read with libgsf, the way mail_extractor.h reads an .eml: the envelope in
// DocumentMeta::mail, the body as Blocks (one per blank-line separated
// paragraph; the plain body, else the HTML body made plain), and the
// attachments as embedded files the runner processes as documents of their
// own. An attached Outlook message is handed on as an .msg file of its own
// (its storage copied into a new compound file); a winmail.dat attachment
// is unpacked into the message's own attachments (tnef_reader.h). An
// S/MIME or PGP/MIME encrypted message (msg_encryption.h) hands on none of
// its envelope's parts and, with no readable body, is Encrypted.
// Not read: named properties, calendar and contact items' special fields.
#ifndef INTAKE_EXTRACTORS_MSG_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_MSG_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// Corrupt("not an Outlook message") when `data` is no compound file;
// Unsupported("compound file that is not an Outlook message") when it has
// no MAPI property streams; Encrypted, with the reason, for an encrypted
// message with no readable body. No stream larger than limits.max_member_bytes
// is read; at most limits.max_archive_members attachments and
// limits.max_archive_bytes bytes of them. meta.extraction = "msg".
// REQUIRES: `data` stays valid during the call. Thread-safe.
Status ExtractMsg(std::string_view data, const ExtractLimits& limits,
                  Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_MSG_EXTRACTOR_H_
