// The OPC layer of a DOCX: which parts exist and how they point at each
// other (the _rels/*.rels relationship parts), plus the package metadata in
// docProps/core.xml.
//
// For docx_extractor, which asks "where is the main document, its styles,
// its footnotes" instead of assuming word/document.xml. Not a general OPC
// library: no content types, no writing, no external targets.
#ifndef INTAKE_EXTRACTORS_DOCX_PACKAGE_H_
#define INTAKE_EXTRACTORS_DOCX_PACKAGE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/xml_doc.h"
#include "extractors/zip_reader.h"
#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

namespace intake {

// Relationship ids live in this namespace (transitional; strict differs).
inline constexpr std::string_view kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr std::string_view kRelStrictNs =
    "http://purl.oclc.org/ooxml/officeDocument/relationships";

struct Relationship {
  std::string id;      // "rId3"
  std::string type;    // full type URI
  std::string target;  // package path of the target part, no leading '/'
};

// The .rels part describing `part`: "" -> "_rels/.rels",
// "word/document.xml" -> "word/_rels/document.xml.rels".
std::string RelsPathFor(std::string_view part);

// Resolves a relationship target against the part that owns the .rels:
// ("word/document.xml", "../media/a.png") -> "media/a.png";
// absolute targets ("/word/x.xml") are taken from the package root.
std::string ResolveTarget(std::string_view source_part,
                          std::string_view target);

// Reads the relationships of `part` ("" for the package). A missing .rels is
// not an error (empty result); an unreadable one is. External targets are
// left out.
Status ReadRelationships(const ZipReader& zip, std::string_view part,
                         const ExtractLimits& limits,
                         std::vector<Relationship>* out);

// True when the relationship type ends in "/<kind>", which matches both
// the transitional and the strict type URIs ("officeDocument", "styles").
bool HasType(const Relationship& rel, std::string_view kind);

// The first relationship of `kind` in `rels`, or nullptr.
const Relationship* FindByType(const std::vector<Relationship>& rels,
                               std::string_view kind);

// Relationships by id, for lookups per section of a long document.
// REQUIRES: the indexed vector outlives the index and is not modified.
class RelationshipIndex {
 public:
  explicit RelationshipIndex(const std::vector<Relationship>& rels);
  // The first relationship with this id, or nullptr.
  const Relationship* Find(std::string_view id) const;

 private:
  std::unordered_map<std::string, const Relationship*> by_id_;
};

// Reads and parses one XML part with the safety rules of ParseXml; the part
// may expand to min(max_xml_part_bytes, max_member_bytes).
Status LoadXmlPart(const ZipReader& zip, std::string_view part,
                   const ExtractLimits& limits, XmlDocPtr* out);

// Fills title, author and created from the cp:coreProperties root of
// docProps/core.xml; other fields are left alone.
void ReadCoreProperties(const xmlNode* root, DocumentMeta* meta);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOCX_PACKAGE_H_
