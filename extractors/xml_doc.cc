#include "extractors/xml_doc.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <charconv>
#include <climits>
#include <mutex>
#include <string>

namespace intake {

namespace {

// What the SAX hooks learn during one parse; lives in ctxt->_private.
struct ParseState {
  int max_depth = 0;
  int depth = 0;
  bool too_deep = false;
  bool has_dtd = false;
  bool has_error = false;
  int error_line = 0;
  std::string error_message;
};

struct CtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

ParseState* StateOf(void* ctx) {
  auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
  return static_cast<ParseState*>(ctxt->_private);
}

void OnError(void* ctx, xmlErrorPtr error) {
  ParseState* state = StateOf(ctx);
  if (state == nullptr || error == nullptr || state->has_error) return;
  if (error->level == XML_ERR_WARNING) return;
  state->has_error = true;
  state->error_line = error->line;
  state->error_message = error->message != nullptr ? error->message : "";
  // One line per problem in the records: libxml2 splits some messages.
  for (char& c : state->error_message) {
    if (c == '\n') c = ' ';
  }
  while (!state->error_message.empty() &&
         (state->error_message.back() == '\n' ||
          state->error_message.back() == ' ')) {
    state->error_message.pop_back();
  }
}

// Stopping at the DOCTYPE, before its internal subset is read, means no
// entity declaration is ever seen, let alone expanded.
void OnDoctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  StateOf(ctx)->has_dtd = true;
  xmlStopParser(static_cast<xmlParserCtxt*>(ctx));
}

void OnEntityDecl(void* ctx, const xmlChar*, int, const xmlChar*,
                  const xmlChar*, xmlChar*) {
  StateOf(ctx)->has_dtd = true;
  xmlStopParser(static_cast<xmlParserCtxt*>(ctx));
}

void OnStart(void* ctx, const xmlChar* localname, const xmlChar* prefix,
             const xmlChar* uri, int nb_namespaces, const xmlChar** namespaces,
             int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
  ParseState* state = StateOf(ctx);
  if (++state->depth > state->max_depth) {
    state->too_deep = true;
    xmlStopParser(static_cast<xmlParserCtxt*>(ctx));
    return;
  }
  xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
                        nb_attributes, nb_defaulted, attributes);
}

void OnEnd(void* ctx, const xmlChar* localname, const xmlChar* prefix,
           const xmlChar* uri) {
  --StateOf(ctx)->depth;
  xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

// libxml2 2.9 wants xmlInitParser() called once before parsers run on
// several threads; its first call is not thread-safe.
void InitLibxml2() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

std::string_view View(const xmlChar* s) {
  return s == nullptr ? std::string_view() : reinterpret_cast<const char*>(s);
}

}  // namespace

Status ParseXml(std::string_view text, std::string_view member,
                const ExtractLimits& limits, XmlDocPtr* out) {
  out->reset();
  std::string name(member);
  if (text.size() > static_cast<size_t>(INT_MAX)) {
    return Status::LimitExceeded(name + " is too large to parse");
  }
  InitLibxml2();
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (ctxt == nullptr)
    return Status::LimitExceeded("out of memory parsing " + name);

  ParseState state;
  state.max_depth = limits.max_xml_depth;
  ctxt->_private = &state;
  ctxt->sax->serror = &OnError;
  ctxt->sax->internalSubset = &OnDoctype;
  ctxt->sax->entityDecl = &OnEntityDecl;
  ctxt->sax->startElementNs = &OnStart;
  ctxt->sax->endElementNs = &OnEnd;

  // Never NOENT, DTDLOAD or HUGE: see the header.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), text.data(),
                                  static_cast<int>(text.size()), name.c_str(),
                                  nullptr, options));
  if (state.has_dtd) return Status::Corrupt("DTD not allowed in " + name);
  if (state.too_deep) {
    return Status::LimitExceeded(name + ": XML nesting deeper than " +
                                 std::to_string(limits.max_xml_depth));
  }
  if (doc == nullptr || !ctxt->wellFormed) {
    std::string why =
        state.has_error ? state.error_message : "not well-formed XML";
    if (why.find("Excessive depth") != std::string::npos) {
      return Status::LimitExceeded(name + ": " + why);
    }
    return Status::Corrupt(name + " line " + std::to_string(state.error_line) +
                           ": " + why);
  }
  if (xmlDocGetRootElement(doc.get()) == nullptr) {
    return Status::Corrupt(name + ": no root element");
  }
  *out = std::move(doc);
  return Status::Ok();
}

std::string_view LocalName(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  return View(node->name);
}

std::string_view NamespaceOf(const xmlNode* node) {
  if (node == nullptr || node->ns == nullptr) return {};
  return View(node->ns->href);
}

bool IsElement(const xmlNode* node, std::string_view ns,
               std::string_view local) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         LocalName(node) == local && NamespaceOf(node) == ns;
}

std::vector<const xmlNode*> ChildElements(const xmlNode* parent) {
  std::vector<const xmlNode*> out;
  if (parent == nullptr) return out;
  for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) out.push_back(n);
  }
  return out;
}

std::vector<const xmlNode*> ChildElements(const xmlNode* parent,
                                          std::string_view ns,
                                          std::string_view local) {
  std::vector<const xmlNode*> out;
  if (parent == nullptr) return out;
  for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
    if (IsElement(n, ns, local)) out.push_back(n);
  }
  return out;
}

const xmlNode* FirstChild(const xmlNode* parent, std::string_view ns,
                          std::string_view local) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
    if (IsElement(n, ns, local)) return n;
  }
  return nullptr;
}

namespace {

const xmlAttr* FindAttr(const xmlNode* node, std::string_view ns,
                        std::string_view local) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return nullptr;
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    std::string_view a_ns =
        a->ns != nullptr ? View(a->ns->href) : std::string_view();
    if (View(a->name) == local && a_ns == ns) return a;
  }
  return nullptr;
}

}  // namespace

bool HasAttr(const xmlNode* node, std::string_view ns, std::string_view local) {
  return FindAttr(node, ns, local) != nullptr;
}

std::string Attr(const xmlNode* node, std::string_view ns,
                 std::string_view local) {
  const xmlAttr* attr = FindAttr(node, ns, local);
  if (attr == nullptr) return "";
  std::string value;
  for (const xmlNode* n = attr->children; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE) value += View(n->content);
  }
  return value;
}

bool ParseInt(std::string_view text, int* out) {
  int value = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return false;
  *out = value;
  return true;
}

int IntOr(std::string_view text, int fallback) {
  int value = fallback;
  return ParseInt(text, &value) ? value : fallback;
}

std::string TextContent(const xmlNode* node) {
  std::string text;
  if (node == nullptr) return text;
  for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      text += View(n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      text += TextContent(n);
    }
  }
  return text;
}

bool IsW(const xmlNode* node, std::string_view local) {
  return IsElement(node, kWordNs, local) ||
         IsElement(node, kWordStrictNs, local);
}

const xmlNode* FirstW(const xmlNode* parent, std::string_view local) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
    if (IsW(n, local)) return n;
  }
  return nullptr;
}

std::vector<const xmlNode*> ChildrenW(const xmlNode* parent,
                                      std::string_view local) {
  std::vector<const xmlNode*> out;
  if (parent == nullptr) return out;
  for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
    if (IsW(n, local)) out.push_back(n);
  }
  return out;
}

std::string WAttr(const xmlNode* node, std::string_view local) {
  if (HasAttr(node, kWordNs, local)) return Attr(node, kWordNs, local);
  return Attr(node, kWordStrictNs, local);
}

bool HasWAttr(const xmlNode* node, std::string_view local) {
  return HasAttr(node, kWordNs, local) || HasAttr(node, kWordStrictNs, local);
}

std::string WChildVal(const xmlNode* parent, std::string_view local) {
  return WAttr(FirstW(parent, local), "val");
}

}  // namespace intake
