// Outlook's compressed RTF ([MS-OXRTFCP]): the form in which a message
// body written in Outlook's rich-text editor is stored, in the
// PR_RTF_COMPRESSED property of an .msg file or a winmail.dat. The
// compression is LZ77 over a 4096-byte ring that starts filled with
// common RTF words. Written here rather than taken from libytnef's
// DecompressRTF: that one trusts the sizes in the header and prints to
// standard output on errors. Only decompression: rtf_body.h reads the
// result.
#ifndef INTAKE_EXTRACTORS_COMPRESSED_RTF_H_
#define INTAKE_EXTRACTORS_COMPRESSED_RTF_H_

#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace intake {

// The RTF bytes held in `data` (a whole PR_RTF_COMPRESSED value, header
// included), either compressed ("LZFu") or stored ("MELA"). The CRC is not
// checked: a damaged stream gives what it still holds, which the RTF
// reader judges. Errors: Corrupt when the header is cut short or names
// another type; LimitExceeded when the text would pass `max_bytes`.
// Time linear in max_bytes.
Status DecompressRtf(std::string_view data, long long max_bytes,
                     std::string* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_COMPRESSED_RTF_H_
