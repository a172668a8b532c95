#include "extractors/mail_html.h"

#include <libxml/HTMLparser.h>

#include <cctype>
#include <climits>
#include <memory>

namespace intake {
namespace {

struct HtmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

bool NameIs(const xmlNode* node, const char* name) {
  return xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool Skipped(const xmlNode* node) {
  return NameIs(node, "script") || NameIs(node, "style") ||
         NameIs(node, "head") || NameIs(node, "template");
}

bool IsBlock(const xmlNode* node) {
  static const char* const kBlocks[] = {
      "p",      "div",  "li",       "ul",      "ol",         "tr",
      "table",  "h1",   "h2",       "h3",      "h4",         "h5",
      "h6",     "pre",  "hr",       "section", "article",    "header",
      "footer", "dl",   "dt",       "dd",      "blockquote", "address",
      "center", "form", "fieldset", "caption", "body",       "html"};
  for (const char* name : kBlocks) {
    if (NameIs(node, name)) return true;
  }
  return false;
}

// Appends text the way a browser shows it: runs of white space become one
// space, except inside <pre>.
class TextSink {
 public:
  void Text(std::string_view text, bool pre) {
    for (char c : text) {
      if (!pre && std::isspace(static_cast<unsigned char>(c))) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !out_.empty() && out_.back() != '\n') {
        out_.push_back(' ');
      }
      pending_space_ = false;
      out_.push_back(c);
    }
  }
  void LineBreak() {
    out_.push_back('\n');
    pending_space_ = false;
  }
  void ParagraphBreak() {
    pending_space_ = false;
    if (out_.empty() || out_.ends_with("\n\n")) return;
    out_ += out_.back() == '\n' ? "\n" : "\n\n";
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  bool pending_space_ = false;
};

void Walk(const xmlNode* node, int depth, int max_depth, bool pre,
          TextSink* sink) {
  if (depth > max_depth) return;
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) {
        sink->Text(reinterpret_cast<const char*>(n->content), pre);
      }
      continue;
    }
    if (n->type != XML_ELEMENT_NODE || Skipped(n)) continue;
    if (NameIs(n, "br")) {
      sink->LineBreak();
      continue;
    }
    bool block = IsBlock(n);
    if (block) sink->ParagraphBreak();
    Walk(n->children, depth + 1, max_depth, pre || NameIs(n, "pre"), sink);
    if (block) {
      sink->ParagraphBreak();
    } else if (NameIs(n, "td") || NameIs(n, "th")) {
      sink->Text(" ", false);
    }
  }
}

}  // namespace

std::string HtmlToText(std::string_view html, int max_depth) {
  if (html.size() > static_cast<size_t>(INT_MAX)) return "";
  std::unique_ptr<xmlDoc, HtmlDocFree> doc(htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
          HTML_PARSE_RECOVER));
  if (!doc) return "";
  TextSink sink;
  Walk(doc->children, 0, max_depth, false, &sink);
  return sink.Take();
}

}  // namespace intake
