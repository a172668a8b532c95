#include "extractors/docx_extractor.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extractors/docx_body.h"
#include "extractors/docx_numbering.h"
#include "extractors/docx_package.h"
#include "extractors/extraction_guard.h"
#include "extractors/story_blocks.h"
#include "extractors/xml_doc.h"
#include "extractors/zip_reader.h"

namespace intake {

namespace {

// Distinct header and footer parts read from one document; a section may
// bring its own, and a hostile file has tens of thousands of sections.
constexpr size_t kMaxHeaderFooterParts = 64;

// What every story of one document shares.
struct DocxParts {
  std::string main_part;           // "word/document.xml" as a rule
  std::vector<Relationship> rels;  // of the main document part
  DocxStyles styles;
  NumberingDefs numbering;
};

// Part names compare ASCII case-insensitively, as ZipReader finds them.
bool SamePart(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Optional parts may be missing or broken without losing the body; a limit
// hit is different: it marks hostile input and stops the document. A
// secondary part that is the main document itself is refused: it would
// parse the largest part again for nothing.
Status LoadOptional(const ZipReader& zip, const Relationship* rel,
                    std::string_view main_part, const ExtractLimits& limits,
                    Extraction* out, XmlDocPtr* doc) {
  doc->reset();
  if (rel == nullptr) return Status::Ok();
  if (SamePart(rel->target, main_part)) {
    out->warnings.push_back(rel->target +
                            " is the main document part, not read again");
    return Status::Ok();
  }
  Status s = LoadXmlPart(zip, rel->target, limits, doc);
  if (s.ok() || s.code() == Status::Code::kLimitExceeded) return s;
  out->warnings.push_back(rel->target + " unreadable: " + s.ToString());
  doc->reset();
  return Status::Ok();
}

Status FindMainPart(const ZipReader& zip, const ExtractLimits& limits,
                    Extraction* out, std::string* part) {
  std::vector<Relationship> rels;
  Status s = ReadRelationships(zip, "", limits, &rels);
  if (s.code() == Status::Code::kLimitExceeded) return s;
  if (!s.ok())
    out->warnings.push_back("_rels/.rels unreadable: " + s.ToString());
  const Relationship* main = FindByType(rels, "officeDocument");
  if (main != nullptr && zip.Has(main->target)) {
    *part = main->target;
    return Status::Ok();
  }
  if (zip.Has("word/document.xml")) {
    out->warnings.push_back(
        "main document found by its usual name, not by _rels/.rels");
    *part = "word/document.xml";
    return Status::Ok();
  }
  return Status::Corrupt("no word/document.xml: not a Word document");
}

Status LoadShared(const ZipReader& zip, const std::string& main_part,
                  const ExtractLimits& limits, Extraction* out,
                  DocxParts* parts) {
  parts->main_part = main_part;
  Status s = ReadRelationships(zip, main_part, limits, &parts->rels);
  if (s.code() == Status::Code::kLimitExceeded) return s;
  if (!s.ok())
    out->warnings.push_back(RelsPathFor(main_part) +
                            " unreadable: " + s.ToString());
  XmlDocPtr doc;
  s = LoadOptional(zip, FindByType(parts->rels, "styles"), main_part, limits,
                   out, &doc);
  if (!s.ok()) return s;
  if (doc != nullptr)
    parts->styles = ParseStyles(xmlDocGetRootElement(doc.get()));
  s = LoadOptional(zip, FindByType(parts->rels, "numbering"), main_part, limits,
                   out, &doc);
  if (!s.ok()) return s;
  if (doc != nullptr) {
    parts->numbering = ParseNumbering(xmlDocGetRootElement(doc.get()));
    for (std::string& w : parts->numbering.warnings)
      out->warnings.push_back(std::move(w));
    parts->numbering.warnings.clear();
  }
  return Status::Ok();
}

struct HeaderFooterPaths {
  std::vector<std::string> headers;
  std::vector<std::string> footers;
};

// Header and footer part paths in the order the sections reference them,
// each part once, at most kMaxHeaderFooterParts in all.
HeaderFooterPaths ReferencedParts(const xmlNode* body, const DocxParts& parts,
                                  Extraction* out) {
  std::vector<const xmlNode*> sections;
  for (const xmlNode* p : ChildrenW(body, "p")) {
    if (const xmlNode* s = FirstW(FirstW(p, "pPr"), "sectPr"))
      sections.push_back(s);
  }
  for (const xmlNode* s : ChildrenW(body, "sectPr")) sections.push_back(s);
  const RelationshipIndex rels(parts.rels);
  std::unordered_set<std::string> seen;
  HeaderFooterPaths paths;
  bool capped = false;
  for (const xmlNode* section : sections) {
    for (const xmlNode* r : ChildElements(section)) {
      std::vector<std::string>* list =
          IsW(r, "headerReference")   ? &paths.headers
          : IsW(r, "footerReference") ? &paths.footers
                                      : nullptr;
      if (list == nullptr) continue;
      std::string id = Attr(r, kRelNs, "id");
      if (id.empty()) id = Attr(r, kRelStrictNs, "id");
      const Relationship* rel = rels.Find(id);
      if (rel == nullptr || seen.contains(rel->target)) continue;
      if (seen.size() >= kMaxHeaderFooterParts) {
        capped = true;
        continue;
      }
      seen.insert(rel->target);
      list->push_back(rel->target);
    }
  }
  if (capped) {
    out->warnings.push_back(
        "more than " + std::to_string(kMaxHeaderFooterParts) +
        " header and footer parts: only the first are read");
  }
  return paths;
}

// Identical texts are kept once across all header and footer parts.
Status AppendHeaderFooters(const ZipReader& zip,
                           const std::vector<std::string>& paths,
                           const ExtractLimits& limits, const DocxParts& parts,
                           std::set<std::string>* seen, Extraction* out,
                           std::vector<Block>* blocks) {
  Numbering numbering(parts.numbering);
  for (const std::string& path : paths) {
    Relationship rel{"", "", path};
    XmlDocPtr doc;
    Status s = LoadOptional(zip, &rel, parts.main_part, limits, out, &doc);
    if (!s.ok()) return s;
    if (doc == nullptr) continue;
    std::vector<Block> story;
    AppendStoryBlocks(xmlDocGetRootElement(doc.get()), parts.styles, &numbering,
                      &story);
    AppendHeaderFooterBlocks(std::move(story), seen, blocks);
  }
  return Status::Ok();
}

// One Block per footnote or endnote, its paragraphs joined by '\n'.
Status AppendNotes(const ZipReader& zip, std::string_view kind,
                   std::string_view element, const ExtractLimits& limits,
                   const DocxParts& parts, Extraction* out) {
  XmlDocPtr doc;
  Status s = LoadOptional(zip, FindByType(parts.rels, kind), parts.main_part,
                          limits, out, &doc);
  if (!s.ok() || doc == nullptr) return s;
  std::vector<std::pair<long long, const xmlNode*>> notes;
  for (const xmlNode* note :
       ChildrenW(xmlDocGetRootElement(doc.get()), element)) {
    std::string type = WAttr(note, "type");
    if (!type.empty() && type != "normal") continue;  // separators and notices
    std::string id = WAttr(note, "id");
    long long value = 0;
    std::from_chars(id.data(), id.data() + id.size(), value);
    notes.emplace_back(value, note);
  }
  std::stable_sort(
      notes.begin(), notes.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  Numbering numbering(parts.numbering);
  for (const auto& [id, note] : notes) {
    std::vector<Block> story;
    AppendStoryBlocks(note, parts.styles, &numbering, &story);
    Block block = NoteBlock(story);
    if (!IsBlank(block.text)) out->blocks.push_back(std::move(block));
  }
  return Status::Ok();
}

Status ReadMeta(const ZipReader& zip, std::string_view main_part,
                const ExtractLimits& limits, Extraction* out) {
  std::vector<Relationship> rels;
  Status s = ReadRelationships(zip, "", limits, &rels);
  if (s.code() == Status::Code::kLimitExceeded) return s;
  const Relationship* core = FindByType(rels, "core-properties");
  Relationship fallback{"", "", "docProps/core.xml"};
  if (core == nullptr && zip.Has(fallback.target)) core = &fallback;
  XmlDocPtr doc;
  s = LoadOptional(zip, core, main_part, limits, out, &doc);
  if (s.ok() && doc != nullptr) {
    ReadCoreProperties(xmlDocGetRootElement(doc.get()), &out->meta);
  }
  return s;
}

// True when `data` holds `name` as UTF-16LE, ASCII case ignored (compound
// file directory names are case-insensitive).
bool HasUtf16Name(std::string_view data, std::string_view name) {
  const size_t span = name.size() * 2;
  for (size_t i = 0; i + span <= data.size(); ++i) {
    size_t k = 0;
    while (k < name.size() && data[i + 2 * k + 1] == '\0' &&
           std::tolower(static_cast<unsigned char>(data[i + 2 * k])) ==
               name[k]) {
      ++k;
    }
    if (k == name.size()) return true;
  }
  return false;
}

// Encrypted OOXML and legacy .doc both come as OLE compound files; saying
// which beats a bare "not a zip".
Status CheckNotCompoundFile(std::string_view data) {
  constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  if (!data.starts_with(kOleMagic)) return Status::Ok();
  if (HasUtf16Name(data, "encryptedpackage")) {
    return Status::Encrypted(
        "password-protected Word document (encrypted package)");
  }
  return Status::Corrupt(
      "not a zip archive: an OLE compound file (legacy .doc?)");
}

Status Extract(std::string_view data, const ExtractLimits& limits,
               Extraction* out) {
  Status s = CheckNotCompoundFile(data);
  if (!s.ok()) return s;
  std::unique_ptr<ZipReader> zip;
  s = ZipReader::Open(data, &zip);
  if (!s.ok()) return s;
  std::string main_part;
  s = FindMainPart(*zip, limits, out, &main_part);
  if (!s.ok()) return s;
  XmlDocPtr document;
  s = LoadXmlPart(*zip, main_part, limits, &document);
  if (!s.ok()) return s;
  DocxParts parts;
  s = LoadShared(*zip, main_part, limits, out, &parts);
  if (!s.ok()) return s;

  const xmlNode* body = FirstW(xmlDocGetRootElement(document.get()), "body");
  if (body == nullptr)
    return Status::Corrupt(main_part + ": no w:body element");
  const HeaderFooterPaths hf = ReferencedParts(body, parts, out);
  std::set<std::string> seen;
  s = AppendHeaderFooters(*zip, hf.headers, limits, parts, &seen, out,
                          &out->blocks);
  if (!s.ok()) return s;
  Numbering numbering(parts.numbering);
  AppendStoryBlocks(body, parts.styles, &numbering, &out->blocks);
  s = AppendHeaderFooters(*zip, hf.footers, limits, parts, &seen, out,
                          &out->blocks);
  if (!s.ok()) return s;
  s = AppendNotes(*zip, "footnotes", "footnote", limits, parts, out);
  if (!s.ok()) return s;
  s = AppendNotes(*zip, "endnotes", "endnote", limits, parts, out);
  if (!s.ok()) return s;
  s = ReadMeta(*zip, main_part, limits, out);
  if (!s.ok()) return s;
  out->meta.extraction = "docx-xml";
  out->meta.pages = 0;
  return Status::Ok();
}

}  // namespace

Status ExtractDocx(std::string_view data, const ExtractLimits& limits,
                   Extraction* out) {
  return GuardExtraction("docx", out,
                         [&] { return Extract(data, limits, out); });
}

}  // namespace intake
