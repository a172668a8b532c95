#include "extractors/odt_extractor.h"

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "extractors/docx_package.h"
#include "extractors/extraction_guard.h"
#include "extractors/odf_namespaces.h"
#include "extractors/odt_body.h"
#include "extractors/odt_styles.h"
#include "extractors/story_blocks.h"
#include "extractors/xml_doc.h"
#include "extractors/zip_reader.h"

namespace intake {

namespace {

constexpr std::string_view kContent = "content.xml";

std::string Trim(const std::string& s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

// Optional parts may be missing or broken without losing the body; a limit
// hit is different: it marks hostile input and stops the document.
Status LoadOptional(const ZipReader& zip, std::string_view part,
                    const ExtractLimits& limits, Extraction* out,
                    XmlDocPtr* doc) {
  doc->reset();
  if (!zip.Has(part)) return Status::Ok();
  Status s = LoadXmlPart(zip, part, limits, doc);
  if (s.ok() || s.code() == Status::Code::kLimitExceeded) return s;
  out->warnings.push_back(std::string(part) + " unreadable: " + s.ToString());
  doc->reset();
  return Status::Ok();
}

// ODF encryption is not zip encryption: the member inflates fine and is
// ciphertext. Only the manifest says so, and it must be asked before
// content.xml is parsed, or the answer would be "malformed XML".
Status CheckNotEncrypted(const ZipReader& zip, const ExtractLimits& limits,
                         Extraction* out) {
  XmlDocPtr manifest;
  Status s = LoadOptional(zip, "META-INF/manifest.xml", limits, out, &manifest);
  if (!s.ok() || manifest == nullptr) return s;
  for (const xmlNode* entry : ChildElements(
           xmlDocGetRootElement(manifest.get()), kManifestNs, "file-entry")) {
    std::string path = Attr(entry, kManifestNs, "full-path");
    if (path.starts_with('/')) path.erase(0, 1);
    if (path == kContent &&
        FirstChild(entry, kManifestNs, "encryption-data") != nullptr) {
      return Status::Encrypted("ODT is password protected");
    }
  }
  return Status::Ok();
}

// office:body holds exactly one kind of document; only text is ours.
Status FindTextBody(const xmlNode* root, const xmlNode** text) {
  const xmlNode* body = FirstChild(root, kOfficeNs, "body");
  *text = FirstChild(body, kOfficeNs, "text");
  if (*text != nullptr) return Status::Ok();
  for (const xmlNode* n : ChildElements(body)) {
    if (NamespaceOf(n) == kOfficeNs) {
      return Status::Unsupported("OpenDocument " + std::string(LocalName(n)) +
                                 ", not a text document");
    }
  }
  return Status::Corrupt("content.xml: no office:body/office:text element");
}

// Every master page's header and footer variants (first, left, right). A
// letter usually has one master page; converted Word files have one per
// section, repeating the same letterhead, so identical texts are kept once.
void AppendHeaderFooters(const xmlNode* styles_root, const OdtStyles& styles,
                         bool headers, std::set<std::string>* seen,
                         std::vector<Block>* blocks) {
  const xmlNode* master = FirstChild(styles_root, kOfficeNs, "master-styles");
  for (const xmlNode* page : ChildElements(master, kStyleNs, "master-page")) {
    for (const xmlNode* part : ChildElements(page)) {
      std::string_view local = LocalName(part);
      if (NamespaceOf(part) != kStyleNs ||
          !local.starts_with(headers ? "header" : "footer") ||
          Attr(part, kStyleNs, "display") == "false") {
        continue;  // style:header-style lives in page layouts, not here
      }
      OdtStory story;
      ReadOdtStory(part, styles, &story);
      AppendHeaderFooterBlocks(std::move(story.blocks), seen, blocks);
    }
  }
}

void ReadMeta(const xmlNode* root, DocumentMeta* meta) {
  // Dates stay as written: ODF's are ISO 8601 already (LibreOffice adds
  // fractional seconds and no zone).
  const xmlNode* m = FirstChild(root, kOfficeNs, "meta");
  if (const xmlNode* n = FirstChild(m, kDublinCoreNs, "title"))
    meta->title = Trim(TextContent(n));
  const xmlNode* author = FirstChild(m, kMetaNs, "initial-creator");
  if (author == nullptr || Trim(TextContent(author)).empty())
    author = FirstChild(m, kDublinCoreNs, "creator");
  if (author != nullptr) meta->author = Trim(TextContent(author));
  if (const xmlNode* n = FirstChild(m, kMetaNs, "creation-date"))
    meta->created = Trim(TextContent(n));
}

Status Extract(std::string_view data, const ExtractLimits& limits,
               Extraction* out) {
  std::unique_ptr<ZipReader> zip;
  Status s = ZipReader::Open(data, &zip);
  if (!s.ok()) return s;
  if (!zip->Has(kContent))
    return Status::Corrupt("no content.xml: not an OpenDocument text");
  s = CheckNotEncrypted(*zip, limits, out);
  if (!s.ok()) return s;
  XmlDocPtr content;
  s = LoadXmlPart(*zip, kContent, limits, &content);
  if (!s.ok()) return s;
  const xmlNode* content_root = xmlDocGetRootElement(content.get());
  const xmlNode* text = nullptr;
  s = FindTextBody(content_root, &text);
  if (!s.ok()) return s;
  XmlDocPtr styles_doc;
  s = LoadOptional(*zip, "styles.xml", limits, out, &styles_doc);
  if (!s.ok()) return s;
  const xmlNode* styles_root =
      styles_doc ? xmlDocGetRootElement(styles_doc.get()) : nullptr;

  // Automatic styles are private to their part: the body's live in
  // content.xml, the master pages' in styles.xml.
  const xmlNode* shared = FirstChild(styles_root, kOfficeNs, "styles");
  OdtStyles body_styles;
  body_styles.AddContainer(
      FirstChild(content_root, kOfficeNs, "automatic-styles"));
  body_styles.AddContainer(shared);
  OdtStyles page_styles;
  page_styles.AddContainer(
      FirstChild(styles_root, kOfficeNs, "automatic-styles"));
  page_styles.AddContainer(shared);

  std::set<std::string> seen;
  AppendHeaderFooters(styles_root, page_styles, true, &seen, &out->blocks);
  OdtStory body;
  ReadOdtStory(text, body_styles, &body);
  for (Block& b : body.blocks) out->blocks.push_back(std::move(b));
  AppendHeaderFooters(styles_root, page_styles, false, &seen, &out->blocks);
  for (Block& b : body.footnotes) out->blocks.push_back(std::move(b));
  for (Block& b : body.endnotes) out->blocks.push_back(std::move(b));

  XmlDocPtr meta;
  s = LoadOptional(*zip, "meta.xml", limits, out, &meta);
  if (!s.ok()) return s;
  if (meta != nullptr) ReadMeta(xmlDocGetRootElement(meta.get()), &out->meta);
  out->meta.extraction = "odt-xml";
  out->meta.pages = 0;
  return Status::Ok();
}

}  // namespace

Status ExtractOdt(std::string_view data, const ExtractLimits& limits,
                  Extraction* out) {
  return GuardExtraction("odt", out,
                         [&] { return Extract(data, limits, out); });
}

}  // namespace intake
