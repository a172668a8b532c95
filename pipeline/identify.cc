#include "pipeline/identify.h"

#include <magic.h>

#include <cctype>
#include <string>
#include <vector>

#include "pipeline/sha256.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool Contains(std::string_view s, std::string_view needle) {
  return s.find(needle) != std::string_view::npos;
}

// Zip local headers and the central directory hold member names in clear,
// so a Word package shows "word/" and an ODF one its mimetype member
// (stored uncompressed, ".text" also covering -template and -master).
// Some writers compress the mimetype member; an ODF package is then known
// by its content.xml and manifest, and the ODT reader refuses the other
// OpenDocument kinds by their body.
Format ZipPackageFormat(std::string_view data) {
  // An OOXML package whose names we cannot see (damaged) or that is not
  // Word: the DOCX reader says which, better than "archive".
  if (Contains(data, "word/document") || Contains(data, "word/_rels") ||
      Contains(data, "[Content_Types].xml")) {
    return Format::kDocx;
  }
  if (Contains(data, "application/vnd.oasis.opendocument.text")) {
    return Format::kOdt;
  }
  // A spreadsheet or presentation: not a text intake reads, and not an
  // archive of submissions either.
  if (Contains(data, "application/vnd.oasis.opendocument.")) {
    return Format::kUnknown;
  }
  if (Contains(data, "content.xml") &&
      Contains(data, "META-INF/manifest.xml")) {
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
  // A message first: one with a Word document attached holds that
  // document's "WordDocument" stream in its own directory.
  if (Contains(data, "_\0_\0s\0u\0b\0s\0t\0g\0"sv)) return Format::kMsg;
  if (Contains(data, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"sv)) {
    return Format::kDoc;
  }
  return Format::kUnknown;
}

// RFC 5322 header block: "Name: value" lines (and folded continuations)
// up to the first blank line, among them one a mail always has.
bool LooksLikeMailHeaders(std::string_view data) {
  int headers = 0;
  bool key_header = false;
  size_t pos = 0;
  for (int line_count = 0; line_count < 200 && pos < data.size();
       ++line_count) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) break;
    if (line[0] == ' ' || line[0] == '\t') {
      if (headers == 0) return false;
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    for (char c : line.substr(0, colon)) {
      if (c <= ' ' || c > '~') return false;
    }
    ++headers;
    std::string name(line.substr(0, colon));
    for (char& c : name) c = static_cast<char>(std::tolower(c));
    if (name == "from" || name == "to" || name == "subject" || name == "date" ||
        name == "message-id" || name == "received" || name == "mime-version" ||
        name == "return-path" || name == "content-transfer-encoding") {
      key_header = true;
    }
  }
  return headers >= 2 && key_header;
}

// The "From " line that starts each message of an mbox:
// "From sender Mon Jun  1 10:00:00 2009". Strict, so that a text whose
// first word is "From" is not taken for one.
bool IsMboxFromLine(std::string_view data) {
  std::string_view line = data.substr(0, data.find('\n'));
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < line.size() && words.size() < 5) {
    size_t end = line.find_first_of(" \t\r", pos);
    if (end == std::string_view::npos) end = line.size();
    if (end > pos) words.push_back(line.substr(pos, end - pos));
    pos = end + 1;
  }
  if (words.size() < 5 || words[0] != "From") return false;
  static const std::string_view kDays = "Mon Tue Wed Thu Fri Sat Sun";
  static const std::string_view kMonths =
      "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec";
  return words[2].size() == 3 && Contains(kDays, words[2]) &&
         words[3].size() == 3 && Contains(kMonths, words[3]);
}

// A mail saved as UTF-16 (Outlook's "Unicode text"): its head, in UTF-8,
// shows the headers.
bool IsUtf16Mail(std::string_view data) {
  std::string_view charset = Utf16Charset(data);
  if (charset.empty()) return false;
  return LooksLikeMailHeaders(Utf16ToUtf8(data.substr(0, 8192), charset));
}

}  // namespace

Format FormatFromMime(std::string_view mime, std::string_view data) {
  if (data.empty()) return Format::kEmpty;
  // Before the PDF check: a compound file may store an attached PDF in
  // its first sectors, within the 1 KiB a PDF's junk prefix may take.
  if (StartsWith(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return CompoundFileFormat(data);
  }
  // A mail whose first attachment is an unencoded PDF shows "%PDF-" early
  // too; a PDF never starts with mail headers.
  if (LooksLikeMailHeaders(data)) return Format::kEml;
  // A PDF may carry junk before its header; readers accept up to 1 KiB.
  if (Contains(data.substr(0, 1024), "%PDF-")) return Format::kPdf;
  if (StartsWith(data, "PK\x03\x04") || StartsWith(data, "PK\x05\x06")) {
    return ZipPackageFormat(data);
  }
  if (StartsWith(data, "{\\rtf")) return Format::kRtf;
  // TNEF's signature 0x223E9F78, little-endian.
  if (StartsWith(data, "\x78\x9F\x3E\x22")) return Format::kTnef;
  if (IsUtf16Mail(data)) return Format::kEml;
  // UTF-16 text with a byte order mark (Windows Notepad), which libmagic
  // calls binary data.
  if (StartsWith(data, "\xFF\xFE") || StartsWith(data, "\xFE\xFF")) {
    return Format::kText;
  }
  if (mime == "application/mbox") return Format::kMbox;
  if (StartsWith(data, "From ")) {
    size_t nl = data.find('\n');
    if (IsMboxFromLine(data) || (nl != std::string_view::npos &&
                                 LooksLikeMailHeaders(data.substr(nl + 1)))) {
      return Format::kMbox;
    }
  }
  if (mime == "message/rfc822" || LooksLikeMailHeaders(data)) {
    return Format::kEml;
  }
  if (mime == "text/html") return Format::kHtml;
  if (mime == "text/xml" || mime == "application/xml" ||
      StartsWith(data, "<?xml")) {
    return Format::kXml;
  }
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
