// The RTF extractor: Rich Text Format bytes in, Blocks out.
//
// Written here rather than taken from a library: Debian ships no C or C++
// RTF reading library (unrtf and catdoc are command-line converters with
// no API, the rest are Perl, Java or PHP), and the part of RTF a letter
// needs is small. rtf_tokenizer.h lexes, rtf_codepage.h decodes bytes,
// rtf_definitions.h keeps the font table and stylesheet, rtf_story.h
// assembles paragraphs and tables, rtf_words.h says what each control word
// is; rtf_reader.h applies them: group state, destinations, notes,
// headers and the \info metadata. This module is the entry point and the
// seam's promises. It does not render pictures, objects, fields' codes,
// comments or hidden text, and does not normalise or segment text.
#ifndef INTAKE_EXTRACTORS_RTF_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_RTF_EXTRACTOR_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// Extracts `data`, a whole .rtf file, into `*out`. Block order: headers,
// body, footers (identical header and footer texts once), then footnotes
// and endnotes in the order they occur, each one kFootnote block. Headings
// come from \outlinelevelN or a stylesheet style named "heading N"; list
// numbers from \listtext or \pntext go to Block::number. meta.created is
// \creatim as local time without a zone ("2021-09-27T07:30:00"), since RTF
// records none. Errors: Corrupt("not an RTF document") when `data` does not
// start with "{\rtf"; LimitExceeded when groups nest deeper than
// limits.max_xml_depth. A truncated or unbalanced file keeps what was read
// and adds the warning "truncated RTF: N groups left open" (Corrupt when
// nothing at all was read). Never throws; time is linear in the input.
// REQUIRES: `data` stays valid during the call; `out` is empty.
Status ExtractRtf(std::string_view data, const ExtractLimits& limits,
                  Extraction* out);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_RTF_EXTRACTOR_H_
