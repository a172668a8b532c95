#include "classifiers/rules.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

#include "classifiers/rules_schema.h"
#include "classifiers/taxonomy.h"
#include "pipeline/sha256.h"

namespace intake {
namespace {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
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
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

std::string Trim(std::string_view s) {
  const char* space = " \t\r\n";
  size_t begin = s.find_first_not_of(space);
  if (begin == std::string_view::npos) return "";
  size_t end = s.find_last_not_of(space);
  return std::string(s.substr(begin, end - begin + 1));
}

std::string Where(std::string_view source, long line) {
  std::string s(source);
  if (line > 0) s += ":" + std::to_string(line);
  return s + ": ";
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

// xsd:decimal text (already schema-valid) to double, locale-independent.
bool ParseDecimal(std::string_view text, double* out) {
  std::string s = Trim(text);
  std::string_view v = s;
  if (v.starts_with('+')) v.remove_prefix(1);
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
  return ec == std::errc() && end == v.data() + v.size();
}

// Collects libxml2's structured errors instead of letting it print them.
struct XmlErrors {
  std::vector<std::pair<int, std::string>> errors;  // line, message

  static void Collect(void* user, xmlErrorPtr error) {
    auto* self = static_cast<XmlErrors*>(user);
    if (error == nullptr) return;
    self->errors.emplace_back(error->line,
                              Trim(error->message ? error->message : "?"));
  }
  Status ToStatus(std::string_view source, const char* what) const {
    if (errors.empty()) return Invalid(source, 0, what);
    std::string message = std::string(what) + ": " + errors.front().second;
    if (errors.size() > 1) {
      message += " (and " + std::to_string(errors.size() - 1) + " more)";
    }
    return Invalid(source, errors.front().first, message);
  }
};

// Largest negation window a rules file may ask for, in words.
constexpr int kMaxNegationWindow = 50;

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

Status ParseXml(std::string_view xml, std::string_view source, XmlDocPtr* out) {
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
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  std::string url(source);
  XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), xml.data(),
                                  static_cast<int>(xml.size()), url.c_str(),
                                  nullptr, options));
  if (doc == nullptr || !ctxt->wellFormed) {
    xmlErrorPtr error = xmlCtxtGetLastError(ctxt.get());
    std::string what = "not well-formed XML";
    long line = 0;
    if (error != nullptr && error->message != nullptr) {
      what += ": " + Trim(error->message);
      line = error->line;
    }
    return Invalid(source, line, what);
  }
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    return Invalid(source, 0, "DOCTYPE declarations are not allowed");
  }
  *out = std::move(doc);
  return Status::Ok();
}

Status ValidateSchema(xmlDoc* doc, std::string_view source) {
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

// "<version attribute>+<first 12 hex digits of the file's SHA-256>".
std::string VersionOf(const xmlNode* root, std::string_view bytes) {
  return Attr(root, "version").value_or("") + "+" +
         Sha256Hex(bytes).substr(0, 12);
}

// The bytes of the rules file at `path`.
Status ReadRulesFile(const std::string& path, std::string* out) {
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

}  // namespace

// Turns a schema-valid document into Rules, checking what the schema cannot.
class RulesBuilder {
 public:
  explicit RulesBuilder(std::string_view source)
      : source_(source), rules_(new Rules()) {}

  Status Build(const xmlNode* root, std::string_view bytes,
               std::shared_ptr<const Rules>* out) {
    rules_->version_ = VersionOf(root, bytes);
    for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
      Status s = Status::Ok();
      if (IsElement(n, "negation")) {
        s = AddNegation(n);
      } else if (IsElement(n, "concept")) {
        s = AddConcept(n);
      } else if (IsElement(n, "label")) {
        s = AddLabel(n);
      }
      if (!s.ok()) return s;
    }
    Status s = AddIncludes();
    if (!s.ok()) return s;
    *out = std::move(rules_);
    return Status::Ok();
  }

 private:
  Status AddNegation(const xmlNode* node) {
    // Schema-valid (xsd:positiveInteger) but possibly huge: parsed as an
    // integer, never through a double.
    std::string text = Trim(Attr(node, "window").value_or(""));
    std::string_view digits = text;
    if (digits.starts_with('+')) digits.remove_prefix(1);
    int window = 0;
    auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), window);
    if (ec != std::errc() || end != digits.data() + digits.size() ||
        window < 1 || window > kMaxNegationWindow) {
      return Invalid(source_, xmlGetLineNo(node),
                     "negation window must be 1.." +
                         std::to_string(kMaxNegationWindow) + ", not \"" +
                         text + "\"");
    }
    rules_->matcher_.set_negation_window(window);
    if (auto except = Attr(node, "except")) {
      std::istringstream dimensions(*except);
      std::string dimension;
      while (dimensions >> dimension) not_negated_.insert(dimension);
    }
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (!IsElement(n, "term")) continue;
      Status s = rules_->matcher_.AddNegation(Content(n),
                                              Attr(n, "lang").value_or(""));
      if (!s.ok()) return Invalid(source_, xmlGetLineNo(n), s.message());
    }
    return Status::Ok();
  }

  Status AddConcept(const xmlNode* node) {
    std::string id = Attr(node, "id").value_or("");
    auto [it, inserted] = concept_lines_.emplace(id, xmlGetLineNo(node));
    if (!inserted) {
      return Invalid(source_, xmlGetLineNo(node),
                     "concept \"" + id + "\" is already defined at line " +
                         std::to_string(it->second));
    }
    rules_->concepts_.push_back(id);
    RuleEntry entry;
    entry.concept_index = static_cast<int>(rules_->concepts_.size()) - 1;
    return AddEntries(node, entry);
  }

  Status AddLabel(const xmlNode* node) {
    const long line = xmlGetLineNo(node);
    LabelRule label;
    label.dimension = Attr(node, "dimension").value_or("");
    label.code = Attr(node, "code").value_or("");
    label.name = label.dimension + ":" + label.code;
    label.line = static_cast<int>(line);
    if (!IsKnownCode(label.dimension, label.code)) {
      return Invalid(source_, line,
                     "unknown code \"" + label.code + "\" for dimension \"" +
                         label.dimension + "\" (see TAXONOMY.md)");
    }
    auto dimensions = TaxonomyDimensions();
    label.dimension_index = static_cast<int>(
        std::find(dimensions.begin(), dimensions.end(), label.dimension) -
        dimensions.begin());
    label.rank = TaxonomyRank(label.dimension, label.code);
    auto [it, inserted] = label_lines_.emplace(label.name, line);
    if (!inserted) {
      return Invalid(source_, line,
                     "label " + label.name + " is already defined at line " +
                         std::to_string(it->second));
    }
    if (auto threshold = Attr(node, "threshold")) {
      if (!ParseDecimal(*threshold, &label.threshold) ||
          !(label.threshold > 0)) {
        return Invalid(source_, line, "bad threshold \"" + *threshold + "\"");
      }
    }
    if (auto requires_list = Attr(node, "requires")) {
      std::istringstream ids(*requires_list);
      std::string id;
      while (ids >> id) {
        auto c =
            std::find(rules_->concepts_.begin(), rules_->concepts_.end(), id);
        if (c == rules_->concepts_.end()) {
          return Invalid(source_, line,
                         "label " + label.name +
                             " requires unknown concept \"" + id + "\"");
        }
        label.required_concepts.push_back(
            static_cast<int>(c - rules_->concepts_.begin()));
      }
    }
    const int index = static_cast<int>(rules_->labels_.size());
    if (auto includes = Attr(node, "includes")) {
      std::istringstream codes(*includes);
      std::string code;
      while (codes >> code) {
        includes_.push_back({index, label.dimension + ":" + code, line});
      }
    }
    label_nodes_[label.name] = node;
    rules_->labels_.push_back(std::move(label));
    RuleEntry entry;
    entry.label = index;
    return AddEntries(node, entry);
  }

  // `includes="CODE"` on a label: the terms and patterns of that label of
  // the same dimension count for this one too, with their weights (every
  // obstacle to getting alternatives, 14.4c, is about technology transfer,
  // 14.3), so the rules file says it once. Done after every label was read:
  // the included label may come later in the file. A label included by
  // another may not include one itself, so what counts stays readable at
  // one place.
  Status AddIncludes() {
    for (const Include& include : includes_) {
      const LabelRule& label = rules_->labels_[include.label];
      auto node = label_nodes_.find(include.name);
      if (node == label_nodes_.end()) {
        return Invalid(
            source_, include.line,
            "label " + label.name + " includes unknown label " + include.name);
      }
      if (Attr(node->second, "includes").has_value()) {
        return Invalid(source_, include.line,
                       "label " + label.name + " includes " + include.name +
                           ", which includes labels itself");
      }
      RuleEntry entry;
      entry.label = include.label;
      Status s = AddEntries(node->second, entry);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  // Adds the <term> and <pattern> children of `node` as entries like
  // `entry`, each with its own weight.
  Status AddEntries(const xmlNode* node, RuleEntry entry) {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      const bool is_term = IsElement(n, "term");
      if (!is_term && !IsElement(n, "pattern")) continue;
      const long line = xmlGetLineNo(n);
      RuleEntry e = entry;
      if (auto weight = Attr(n, "weight")) {
        if (!ParseDecimal(*weight, &e.weight)) {
          return Invalid(source_, line, "bad weight \"" + *weight + "\"");
        }
      }
      std::string lang = Attr(n, "lang").value_or("");
      std::string text = Content(n);
      int id = 0;
      Status s = is_term ? rules_->matcher_.AddTerm(text, lang, &id)
                         : rules_->matcher_.AddPattern(text, lang, &id);
      if (!s.ok()) return Invalid(source_, line, s.message());
      if (e.label >= 0 &&
          not_negated_.count(rules_->labels_[e.label].dimension) > 0) {
        rules_->matcher_.KeepWhenNegated(id);
      }
      if (static_cast<size_t>(id) != rules_->entries_.size()) {
        return Status::InvalidArgument("internal: entry ids out of step");
      }
      rules_->entries_.push_back(e);
    }
    return Status::Ok();
  }

  std::string source_;
  std::unique_ptr<Rules> rules_;
  std::map<std::string, long> concept_lines_;
  std::map<std::string, long> label_lines_;
  struct Include {
    int label = 0;     // the including label's index
    std::string name;  // "dimension:code" of the included one
    long line = 0;
  };
  std::vector<Include> includes_;
  std::map<std::string, const xmlNode*> label_nodes_;
  // Dimensions whose labels' matches a negation does not cancel.
  std::set<std::string> not_negated_;
};

Status ParseRules(std::string_view xml, std::string_view source_name,
                  std::shared_ptr<const Rules>* out) {
  XmlDocPtr doc;
  Status s = ParseXml(xml, source_name, &doc);
  if (!s.ok()) return s;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || !IsElement(root, "rules")) {
    return Invalid(source_name, root ? xmlGetLineNo(root) : 0,
                   "the root element must be <rules>");
  }
  // Checked before the schema so an old or new file gets a plain answer.
  std::string format = Attr(root, "format").value_or("");
  if (format != "1") {
    return Invalid(source_name, xmlGetLineNo(root),
                   "rules format \"" + format +
                       "\" is not supported (this intake reads format 1)");
  }
  s = ValidateSchema(doc.get(), source_name);
  if (!s.ok()) return s;
  return RulesBuilder(source_name).Build(root, xml, out);
}

Status LoadRules(const std::string& path, std::shared_ptr<const Rules>* out) {
  std::string bytes;
  Status s = ReadRulesFile(path, &bytes);
  if (!s.ok()) return s;
  return ParseRules(bytes, path, out);
}

Status ReadRulesVersion(const std::string& path, std::string* version) {
  std::string bytes;
  Status s = ReadRulesFile(path, &bytes);
  if (!s.ok()) return s;
  XmlDocPtr doc;
  s = ParseXml(bytes, path, &doc);
  if (!s.ok()) return s;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || !IsElement(root, "rules")) {
    return Invalid(path, root ? xmlGetLineNo(root) : 0,
                   "the root element must be <rules>");
  }
  *version = VersionOf(root, bytes);
  return Status::Ok();
}

}  // namespace intake
