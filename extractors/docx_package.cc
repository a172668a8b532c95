#include "extractors/docx_package.h"

#include <string>
#include <vector>

namespace intake {

namespace {

constexpr std::string_view kPackageRelsNs =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kDcTermsNs = "http://purl.org/dc/terms/";

std::string Trim(std::string s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

}  // namespace

std::string RelsPathFor(std::string_view part) {
  if (part.empty()) return "_rels/.rels";
  size_t slash = part.rfind('/');
  std::string_view dir =
      slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
  std::string_view file =
      slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(dir) + "_rels/" + std::string(file) + ".rels";
}

std::string ResolveTarget(std::string_view source_part,
                          std::string_view target) {
  std::vector<std::string> segments;
  if (!target.starts_with('/')) {
    size_t slash = source_part.rfind('/');
    std::string_view dir =
        slash == std::string_view::npos ? "" : source_part.substr(0, slash);
    size_t start = 0;
    while (start < dir.size()) {
      size_t end = dir.find('/', start);
      if (end == std::string_view::npos) end = dir.size();
      if (end > start) segments.emplace_back(dir.substr(start, end - start));
      start = end + 1;
    }
  }
  size_t start = 0;
  while (start <= target.size()) {
    size_t end = target.find('/', start);
    if (end == std::string_view::npos) end = target.size();
    std::string_view seg = target.substr(start, end - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.emplace_back(seg);
    }
    start = end + 1;
  }
  std::string path;
  for (const std::string& seg : segments) {
    if (!path.empty()) path += '/';
    path += seg;
  }
  return path;
}

Status LoadXmlPart(const ZipReader& zip, std::string_view part,
                   const ExtractLimits& limits, XmlDocPtr* out) {
  std::string bytes;
  const bool xml_limit = limits.max_xml_part_bytes < limits.max_member_bytes;
  Status s =
      zip.Read(part, limits,
               xml_limit ? limits.max_xml_part_bytes : limits.max_member_bytes,
               xml_limit ? "max_xml_part_bytes" : "max_member_bytes", &bytes);
  if (!s.ok()) return s;
  return ParseXml(bytes, part, limits, out);
}

Status ReadRelationships(const ZipReader& zip, std::string_view part,
                         const ExtractLimits& limits,
                         std::vector<Relationship>* out) {
  out->clear();
  std::string rels_path = RelsPathFor(part);
  if (!zip.Has(rels_path)) return Status::Ok();
  XmlDocPtr doc;
  Status s = LoadXmlPart(zip, rels_path, limits, &doc);
  if (!s.ok()) return s;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  for (const xmlNode* node :
       ChildElements(root, kPackageRelsNs, "Relationship")) {
    if (Attr(node, "", "TargetMode") == "External") continue;
    Relationship rel;
    rel.id = Attr(node, "", "Id");
    rel.type = Trim(Attr(node, "", "Type"));
    rel.target = ResolveTarget(part, Trim(Attr(node, "", "Target")));
    if (!rel.target.empty()) out->push_back(std::move(rel));
  }
  return Status::Ok();
}

bool HasType(const Relationship& rel, std::string_view kind) {
  std::string_view type = rel.type;
  return type.size() > kind.size() && type.ends_with(kind) &&
         type[type.size() - kind.size() - 1] == '/';
}

const Relationship* FindByType(const std::vector<Relationship>& rels,
                               std::string_view kind) {
  for (const Relationship& rel : rels) {
    if (HasType(rel, kind)) return &rel;
  }
  return nullptr;
}

RelationshipIndex::RelationshipIndex(const std::vector<Relationship>& rels) {
  by_id_.reserve(rels.size());
  // The first of duplicate ids wins, as a linear search would find it.
  for (const Relationship& rel : rels) by_id_.emplace(rel.id, &rel);
}

const Relationship* RelationshipIndex::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : it->second;
}

void ReadCoreProperties(const xmlNode* root, DocumentMeta* meta) {
  // Dates stay as written: the records keep ISO 8601 text, and Word's
  // W3CDTF values already are.
  if (const xmlNode* n = FirstChild(root, kDcNs, "title"))
    meta->title = Trim(TextContent(n));
  if (const xmlNode* n = FirstChild(root, kDcNs, "creator"))
    meta->author = Trim(TextContent(n));
  if (const xmlNode* n = FirstChild(root, kDcTermsNs, "created")) {
    meta->created = Trim(TextContent(n));
  }
}

}  // namespace intake
