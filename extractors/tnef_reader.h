// winmail.dat: the TNEF stream Outlook attaches (application/ms-tnef) when
// it sends "rich text" mail, holding the real attachments and sometimes
// the body. Decoded with ytnef into plain files and text that the mail and
// .msg readers add to their own message: a winmail.dat is packaging, not a
// document, so its files are the message's attachments. A winmail.dat
// saved on its own is read by tnef_extractor.h through the same function.
// No calendar items or embedded messages (their data is not a file; they
// are skipped with a warning).
#ifndef INTAKE_EXTRACTORS_TNEF_READER_H_
#define INTAKE_EXTRACTORS_TNEF_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/extractor.h"

namespace intake {

struct TnefContent {
  std::string body;                 // UTF-8; "" when the stream has none
  std::vector<EmbeddedFile> files;  // kind "attachment"
  std::vector<std::string> warnings;
};

// The attachment is TNEF by its name or content type (either may be "").
bool IsTnefAttachment(std::string_view name, std::string_view content_type);

// Starts with the TNEF signature 0x223E9F78 (little-endian).
bool HasTnefSignature(std::string_view data);

// False (with nothing in *out) when `data` is not a readable TNEF stream;
// the caller then keeps it as an ordinary attachment. At most
// limits.max_archive_members files; the caller applies its byte limits.
// Unnamed files are "attachment-N.bin". Thread-safe.
bool ReadTnef(std::string_view data, const ExtractLimits& limits,
              TnefContent* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_TNEF_READER_H_
