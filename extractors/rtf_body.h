// The body of a message that Outlook stored only as compressed RTF
// (PR_RTF_COMPRESSED, in an .msg file or a winmail.dat), as plain text in
// paragraphs, the way mail_html.h makes an HTML body plain: a message body
// is read as mail text, not as a word-processor document. Decompression is
// compressed_rtf.h, the reading rtf_extractor.h.
#ifndef INTAKE_EXTRACTORS_RTF_BODY_H_
#define INTAKE_EXTRACTORS_RTF_BODY_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/extractor.h"

namespace intake {

// UTF-8 text of the compressed RTF `data`, paragraphs (and table rows,
// notes) separated by blank lines; "" when nothing could be read, with the
// reason appended to `warnings`, as are the RTF reader's own warnings.
// Bounded by limits.max_member_bytes (the expanded RTF) and
// limits.max_xml_depth (group nesting).
std::string CompressedRtfBodyText(std::string_view data,
                                  const ExtractLimits& limits,
                                  std::vector<std::string>* warnings);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_RTF_BODY_H_
