// Text from letters put into HTML, SVG or XML as text, never as markup: a
// passage that holds "<script>" shows those characters and runs nothing.
#ifndef INTAKE_COMPILE_MARKUP_ESCAPE_H_
#define INTAKE_COMPILE_MARKUP_ESCAPE_H_

#include <string>
#include <string_view>

namespace intake {

// & < > " ' as character references; control characters that XML forbids
// (all below U+0020 but tab, line feed and carriage return) are dropped,
// so the result is well-formed in an attribute or an element.
std::string EscapeMarkup(std::string_view text);

}  // namespace intake

#endif  // INTAKE_COMPILE_MARKUP_ESCAPE_H_
