#include "pipeline/identify.h"

#include <magic.h>

#include "pipeline/sha256.h"

namespace intake {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool Contains(std::string_view s, std::string_view needle) {
  return s.find(needle) != std::string_view::npos;
}

// Zip local headers and the central directory hold member names in clear,
// so a Word package shows "word/" and an ODF one its mimetype member.
Format ZipPackageFormat(std::string_view data) {
  if (Contains(data, "word/document") || Contains(data, "word/_rels")) {
    return Format::kDocx;
  }
  if (Contains(data, "application/vnd.oasis.opendocument.text")) {
    return Format::kOdt;
  }
  return Format::kZip;
}

// Compound (OLE2) files: Word 97-2003, Outlook .msg, or an encrypted OOXML
// package. The stream names are stored in UTF-16LE in the directory.
Format CompoundFileFormat(std::string_view data) {
  using namespace std::string_view_literals;
  if (Contains(data, "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"sv)) {
    return Format::kEncryptedOffice;
  }
  if (Contains(data, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"sv)) {
    return Format::kDoc;
  }
  if (Contains(data, "_\0_\0s\0u\0b\0s\0t\0g\0"sv)) return Format::kMsg;
  return Format::kUnknown;
}

}  // namespace

Format FormatFromMime(std::string_view mime, std::string_view data) {
  if (data.empty()) return Format::kEmpty;
  // A PDF may carry junk before its header; readers accept up to 1 KiB.
  if (Contains(data.substr(0, 1024), "%PDF-")) return Format::kPdf;
  if (StartsWith(data, "PK\x03\x04") || StartsWith(data, "PK\x05\x06")) {
    return ZipPackageFormat(data);
  }
  if (StartsWith(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return CompoundFileFormat(data);
  }
  if (StartsWith(data, "{\\rtf")) return Format::kRtf;
  if (mime == "message/rfc822") return Format::kEml;
  if (mime == "application/mbox") return Format::kMbox;
  if (StartsWith(mime, "text/")) return Format::kText;
  return Format::kUnknown;
}

Status Identifier::Open(std::unique_ptr<Identifier>* out) {
  magic_t cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
  if (cookie == nullptr) return Status::IoError("libmagic: cannot start");
  if (magic_load(cookie, nullptr) != 0) {
    std::string reason = magic_error(cookie) ? magic_error(cookie) : "";
    magic_close(cookie);
    return Status::IoError("libmagic: cannot load the magic database: " +
                           reason);
  }
  out->reset(new Identifier(cookie));
  return Status::Ok();
}

Identifier::~Identifier() { magic_close(static_cast<magic_t>(cookie_)); }

Identity Identifier::Identify(std::string_view data) const {
  Identity id;
  id.doc_id = Sha256Hex(data);
  id.size = static_cast<long long>(data.size());
  // libmagic looks at the start of a file; 1 MiB is far more than it reads.
  std::string_view head = data.substr(0, 1 << 20);
  const char* mime =
      magic_buffer(static_cast<magic_t>(cookie_), head.data(), head.size());
  id.mime = mime ? mime : "application/octet-stream";
  id.format = FormatFromMime(id.mime, data);
  return id;
}

}  // namespace intake
