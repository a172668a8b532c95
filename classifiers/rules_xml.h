// Reading a rules file's XML (docs/rules.md), safely: the file's bytes,
// refused unless UTF-8, without a DOCTYPE (so no entities, nothing fetched),
// well-formed, with a <rules> root, and checked against the RelaxNG schema
// built into intake (rules_schema.h). Errors name the file and the line.
// Not what the elements mean: rules.cc builds Rules from the document.
#ifndef INTAKE_CLASSIFIERS_RULES_XML_H_
#define INTAKE_CLASSIFIERS_RULES_XML_H_

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace intake::rules_xml {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// The bytes of the rules file at `path`.
Status ReadFile(const std::string& path, std::string* out);

// Parses `xml`, named `source` in errors. *root is its <rules> element,
// valid as long as *doc. The schema is not checked yet.
Status Parse(std::string_view xml, std::string_view source, DocPtr* doc,
             const xmlNode** root);

// Whether `doc` follows the embedded rules.rng.
Status Validate(xmlDoc* doc, std::string_view source);

// "SOURCE:LINE: what" (no line when `line` is 0), as InvalidArgument.
Status Invalid(std::string_view source, long line, const std::string& what);

// Readers of a parsed document's nodes.
bool IsElement(const xmlNode* node, const char* name);
std::optional<std::string> Attr(const xmlNode* node, const char* name);
std::string Content(const xmlNode* node);  // trimmed of surrounding space
std::string Trim(std::string_view s);

}  // namespace intake::rules_xml

#endif  // INTAKE_CLASSIFIERS_RULES_XML_H_
