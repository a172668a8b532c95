// The ZIP package of an OpenDocument file (ODF 1.3 part 2): `mimetype`
// first and stored uncompressed (so a program can tell the type from the
// first bytes), META-INF/manifest.xml listing every other member, then the
// members. Written in memory with libzip; every member gets the same fixed
// time so the same content gives the same bytes.
#ifndef INTAKE_COMPILE_ODT_PACKAGE_H_
#define INTAKE_COMPILE_ODT_PACKAGE_H_

#include <string>
#include <vector>

#include "pipeline/status.h"

namespace intake {

struct PackageMember {
  std::string path;        // "content.xml", "Pictures/chart-1.svg"
  std::string media_type;  // for the manifest: "text/xml", "image/svg+xml"
  std::string bytes;
};

// A text document (application/vnd.oasis.opendocument.text) holding
// `members` in their order.
Status OdtPackage(const std::vector<PackageMember>& members,
                  std::string* bytes);

}  // namespace intake

#endif  // INTAKE_COMPILE_ODT_PACKAGE_H_
