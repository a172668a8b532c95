// The OpenDocument namespace URIs the ODT reader matches elements against.
//
// Prefixes in ODF files are only conventions ("text:", "table:"); the URIs
// are what identifies an element. Kept in one place so odt_styles, odt_body
// and odt_extractor agree. Not a schema: which elements mean what is each
// reader's business.
#ifndef INTAKE_EXTRACTORS_ODF_NAMESPACES_H_
#define INTAKE_EXTRACTORS_ODF_NAMESPACES_H_

#include <string_view>

namespace intake {

inline constexpr std::string_view kOfficeNs =
    "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
inline constexpr std::string_view kTextNs =
    "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
inline constexpr std::string_view kTableNs =
    "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
inline constexpr std::string_view kStyleNs =
    "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
inline constexpr std::string_view kDrawNs =
    "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
inline constexpr std::string_view kMetaNs =
    "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
inline constexpr std::string_view kManifestNs =
    "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
inline constexpr std::string_view kDublinCoreNs =
    "http://purl.org/dc/elements/1.1/";
inline constexpr std::string_view kXmlNs =
    "http://www.w3.org/XML/1998/namespace";

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_ODF_NAMESPACES_H_
