#include "classifiers/rules_xml.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#include "classifiers/rules_schema.h"

namespace intake::rules_xml {
namespace {

struct XmlParserCtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
struct RngParserCtxtFree {
  void operator()(xmlRelaxNGParserCtxt* c) const {
    xmlRelaxNGFreeParserCtxt(c);
  }
};
struct RngFree {
  void operator()(xmlRelaxNG* schema) const { xmlRelaxNGFree(schema); }
};
struct RngValidCtxtFree {
  void operator()(xmlRelaxNGValidCtxt* c) const { xmlRelaxNGFreeValidCtxt(c); }
};
struct XmlCharFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

std::string Where(std::string_view source, long line) {
  std::string s(source);
  if (line > 0) s += ":" + std::to_string(line);
  return s + ": ";
}

// Collects libxml2's structured errors instead of letting it print them.
struct XmlErrors {
  std::vector<std::pair<int, std::string>> errors;  // line, message

  static void Collect(void* user, xmlErrorPtr error) {
    auto* self = static_cast<XmlErrors*>(user);
    if (error == nullptr) return;
    long line = error->line;
    // A RelaxNG error may come without a line but with its node.
    auto* node = static_cast<const xmlNode*>(error->node);
    if (line <= 0 && node != nullptr && node->type == XML_ELEMENT_NODE) {
      line = xmlGetLineNo(node);
    }
    self->errors.emplace_back(line,
                              Trim(error->message ? error->message : "?"));
  }
  // The first error that says where: RelaxNG reports "Element label
  // failed to validate attributes" without a line, then "Invalid
  // attribute dimension for element label" at its line.
  Status ToStatus(std::string_view source, const char* what) const {
    if (errors.empty()) return Invalid(source, 0, what);
    auto where = std::find_if(errors.begin(), errors.end(),
                              [](const auto& e) { return e.first > 0; });
    const auto& error = where == errors.end() ? errors.front() : *where;
    std::string message = std::string(what) + ": " + error.second;
    if (errors.size() > 1) {
      message += " (and " + std::to_string(errors.size() - 1) + " more)";
    }
    return Invalid(source, error.first, message);
  }
};

// libxml2 2.9 wants xmlInitParser() called once before parsers run on
// several threads; its first call is not thread-safe.
void InitLibxml2() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Rules files are UTF-8. The DOCTYPE check below reads ASCII bytes, so a
// file in UTF-16 (or any encoding that does not spell "<!DOCTYPE" in
// ASCII) would get past it: such files are refused before parsing.
Status CheckUtf8(std::string_view xml, std::string_view source) {
  const std::string_view kHint = " (save the rules file as UTF-8)";
  if (xml.starts_with("\xFF\xFE") || xml.starts_with("\xFE\xFF")) {
    return Invalid(source, 1,
                   "rules file is UTF-16 (byte order mark), not UTF-8" +
                       std::string(kHint));
  }
  if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
  if (xml.find('\0') != std::string_view::npos) {
    return Invalid(source, 1,
                   "rules file contains NUL bytes (UTF-16 or UTF-32?), not "
                   "UTF-8" +
                       std::string(kHint));
  }
  if (!xml.starts_with("<?xml")) return Status::Ok();
  std::string_view decl = xml.substr(0, xml.find("?>"));
  size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return Status::Ok();
  std::string_view rest = decl.substr(at + 8);
  size_t quote = rest.find_first_of("\"'");
  if (quote == std::string_view::npos) return Status::Ok();  // parser says
  size_t close = rest.find(rest[quote], quote + 1);
  std::string_view name = rest.substr(
      quote + 1, close == std::string_view::npos ? 0 : close - quote - 1);
  if (name.size() == 5 && StartsWithNoCase(name, "utf-8")) return Status::Ok();
  return Invalid(source, 1,
                 "rules file declares encoding \"" + std::string(name) +
                     "\"; only UTF-8 is accepted" + std::string(kHint));
}

// The line of a DOCTYPE in `xml`, or 0 when there is none. Checked on the
// raw bytes so an internal subset is never parsed, let alone expanded.
long DoctypeLine(std::string_view xml) {
  size_t at = xml.find("<!DOCTYPE");
  if (at == std::string_view::npos) return 0;
  return 1 + static_cast<long>(std::count(xml.begin(), xml.begin() + at, '\n'));
}

// The first error libxml2 reports while parsing: where a tag is left
// unclosed it goes on to the end of the file and reports that last
// ("Premature end of data"), far from the line to mend.
struct FirstError {
  bool seen = false;
  long line = 0;
  std::string message;
};

// A template so that the error's constness follows libxml2's declaration
// (xmlErrorPtr before 2.12, const xmlError* since). Only fatal errors: a
// namespace warning reported first is not why the file was refused.
template <typename Error>
void KeepFirstError(void* data, Error* error) {
  auto* first = static_cast<FirstError*>(data);
  if (first->seen || error == nullptr || error->level != XML_ERR_FATAL) return;
  first->seen = true;
  first->line = error->line;
  if (error->message != nullptr) first->message = Trim(error->message);
}

Status ParseDocument(std::string_view xml, std::string_view source,
                     DocPtr* out) {
  Status utf8 = CheckUtf8(xml, source);
  if (!utf8.ok()) return utf8;
  if (long line = DoctypeLine(xml)) {
    return Invalid(source, line,
                   "DOCTYPE declarations (and so entities) are not allowed "
                   "in a rules file");
  }
  InitLibxml2();
  std::unique_ptr<xmlParserCtxt, XmlParserCtxtFree> ctxt(xmlNewParserCtxt());
  if (ctxt == nullptr) return Status::IoError("libxml2: out of memory");
  // No XML_PARSE_NOENT (no entity substitution), no DTDLOAD/DTDATTR: the
  // parser never fetches anything; NOERROR/NOWARNING keep stderr quiet.
  // BIG_LINES: without it libxml2 stops counting lines at 65535.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                      XML_PARSE_BIG_LINES;
  std::string url(source);
  // The handler is this thread's; the one before is put back.
  FirstError first;
  xmlStructuredErrorFunc handler_before = xmlStructuredError;
  void* context_before = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(&first, KeepFirstError);
  DocPtr doc(xmlCtxtReadMemory(ctxt.get(), xml.data(),
                               static_cast<int>(xml.size()), url.c_str(),
                               nullptr, options));
  xmlSetStructuredErrorFunc(context_before, handler_before);
  if (doc == nullptr || !ctxt->wellFormed) {
    std::string what = "not well-formed XML";
    if (first.seen && !first.message.empty()) what += ": " + first.message;
    return Invalid(source, first.line, what);
  }
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    return Invalid(source, 0, "DOCTYPE declarations are not allowed");
  }
  *out = std::move(doc);
  return Status::Ok();
}

}  // namespace

std::string Trim(std::string_view s) {
  const char* space = " \t\r\n";
  size_t begin = s.find_first_not_of(space);
  if (begin == std::string_view::npos) return "";
  size_t end = s.find_last_not_of(space);
  return std::string(s.substr(begin, end - begin + 1));
}

Status Invalid(std::string_view source, long line, const std::string& what) {
  return Status::InvalidArgument(Where(source, line) + what);
}

bool IsElement(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::optional<std::string> Attr(const xmlNode* node, const char* name) {
  XmlString value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  if (value == nullptr) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(value.get()));
}

std::string Content(const xmlNode* node) {
  XmlString value(xmlNodeGetContent(node));
  return value ? Trim(reinterpret_cast<const char*>(value.get())) : "";
}

Status ReadFile(const std::string& path, std::string* out) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::IoError("rules file " + path + " is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("cannot open rules file " + path + ": " +
                            std::strerror(errno));
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read rules file " + path);
  *out = std::move(bytes).str();
  return Status::Ok();
}

Status Parse(std::string_view xml, std::string_view source, DocPtr* doc,
             const xmlNode** root) {
  Status s = ParseDocument(xml, source, doc);
  if (!s.ok()) return s;
  *root = xmlDocGetRootElement(doc->get());
  if (*root == nullptr || !IsElement(*root, "rules")) {
    return Invalid(source, *root ? xmlGetLineNo(*root) : 0,
                   "the root element must be <rules>");
  }
  return Status::Ok();
}

Status Validate(xmlDoc* doc, std::string_view source) {
  XmlErrors errors;
  std::unique_ptr<xmlRelaxNGParserCtxt, RngParserCtxtFree> parser(
      xmlRelaxNGNewMemParserCtxt(kRulesSchema,
                                 static_cast<int>(std::strlen(kRulesSchema))));
  if (parser == nullptr) return Status::IoError("libxml2: out of memory");
  xmlRelaxNGSetParserStructuredErrors(parser.get(), &XmlErrors::Collect,
                                      &errors);
  std::unique_ptr<xmlRelaxNG, RngFree> schema(xmlRelaxNGParse(parser.get()));
  if (schema == nullptr) {
    return errors.ToStatus("embedded rules.rng", "schema does not compile");
  }
  std::unique_ptr<xmlRelaxNGValidCtxt, RngValidCtxtFree> valid(
      xmlRelaxNGNewValidCtxt(schema.get()));
  if (valid == nullptr) return Status::IoError("libxml2: out of memory");
  xmlRelaxNGSetValidStructuredErrors(valid.get(), &XmlErrors::Collect, &errors);
  if (xmlRelaxNGValidateDoc(valid.get(), doc) != 0) {
    return errors.ToStatus(source, "does not follow rules.rng");
  }
  return Status::Ok();
}

}  // namespace intake::rules_xml
