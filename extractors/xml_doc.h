// Safe parsing of untrusted XML parts (OOXML members) with libxml2, and the
// few tree-walking helpers the OOXML readers need.
//
// Parsing never touches the network or the file system, refuses any
// document with a DOCTYPE (so no external entity or entity expansion can
// ever happen), bounds the nesting depth and turns libxml2's error callbacks
// into a Status instead of printing them. Not for XML we write ourselves and
// not a validator: namespaces and vocabularies are the callers' business.
#ifndef INTAKE_EXTRACTORS_XML_DOC_H_
#define INTAKE_EXTRACTORS_XML_DOC_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses `text`, which came from the package member `member` (used in
// messages only). Corrupt("<member> line N: <why>") when not well-formed,
// Corrupt("DTD not allowed in <member>") when it declares a DOCTYPE, and
// LimitExceeded when nesting passes limits.max_xml_depth.
// Thread-safe: every parse has its own context and error sink.
Status ParseXml(std::string_view text, std::string_view member,
                const ExtractLimits& limits, XmlDocPtr* out);

// WordprocessingML, transitional and strict (ISO 29500) spellings. The
// helpers below with a `W` in their name accept either.
inline constexpr std::string_view kWordNs =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view kWordStrictNs =
    "http://purl.oclc.org/ooxml/wordprocessingml/main";

// True when `node` is an element named `local` in namespace `ns`.
bool IsElement(const xmlNode* node, std::string_view ns,
               std::string_view local);
// Local name of an element ("" for non-elements); valid while the doc lives.
std::string_view LocalName(const xmlNode* node);
// Namespace URI of an element or "".
std::string_view NamespaceOf(const xmlNode* node);

// Element children of `parent` (all of them, or those named ns:local).
std::vector<const xmlNode*> ChildElements(const xmlNode* parent);
std::vector<const xmlNode*> ChildElements(const xmlNode* parent,
                                          std::string_view ns,
                                          std::string_view local);
// First element child named ns:local, or nullptr.
const xmlNode* FirstChild(const xmlNode* parent, std::string_view ns,
                          std::string_view local);

// Attribute value, or "" when absent. An empty `ns` means no namespace.
std::string Attr(const xmlNode* node, std::string_view ns,
                 std::string_view local);
bool HasAttr(const xmlNode* node, std::string_view ns, std::string_view local);

// An attribute value read as a whole decimal int: false, and `*out` left
// alone, when it is empty, has anything else in it or is out of range.
bool ParseInt(std::string_view text, int* out);
// The same, with `fallback` where ParseInt would fail.
int IntOr(std::string_view text, int fallback);

// Concatenated text of all descendant text nodes.
std::string TextContent(const xmlNode* node);

// WordprocessingML spellings of the above.
bool IsW(const xmlNode* node, std::string_view local);
const xmlNode* FirstW(const xmlNode* parent, std::string_view local);
std::vector<const xmlNode*> ChildrenW(const xmlNode* parent,
                                      std::string_view local);
std::string WAttr(const xmlNode* node, std::string_view local);
bool HasWAttr(const xmlNode* node, std::string_view local);
// The w:val of the child w:<local> of `parent`, or "" when either is absent.
std::string WChildVal(const xmlNode* parent, std::string_view local);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_XML_DOC_H_
