// The text a reader sees in an HTML mail body (the mails that have no
// text/plain alternative): tags dropped, entities decoded, block elements
// (p, div, li, tr, headings...) turned into paragraph breaks, <br> into a
// line break, script, style and head skipped. Not a renderer: no CSS, no
// layout of tables beyond one row per line.
#ifndef INTAKE_EXTRACTORS_MAIL_HTML_H_
#define INTAKE_EXTRACTORS_MAIL_HTML_H_

#include <string>
#include <string_view>

namespace intake {

// REQUIRES: `html` is UTF-8 (the caller converted it from the part's
// charset). Parses with libxml2's HTML parser, offline and silent; text
// below `max_depth` elements is dropped. Paragraphs in the result are
// separated by blank lines.
std::string HtmlToText(std::string_view html, int max_depth);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_MAIL_HTML_H_
