// Identify stage: what a file really is, from its bytes and never from its
// name. A letter saved as ".pdf" that is really a Word file is read as Word;
// a file whose type nobody can read is reported as unsupported, not guessed.
//
// libmagic does the sniffing; a few checks of our own cover what it gets
// wrong for our inputs (DOCX files whose first zip member is not
// [Content_Types].xml, PDFs with junk before the header).
#ifndef INTAKE_PIPELINE_IDENTIFY_H_
#define INTAKE_PIPELINE_IDENTIFY_H_

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace intake {

struct Identity {
  std::string doc_id;  // SHA-256 of the bytes, hex
  Format format = Format::kUnknown;
  std::string mime;  // what libmagic said, for the record and for errors
  long long size = 0;
};

// Holds an open libmagic database. Not thread-safe: one per thread.
class Identifier {
 public:
  // Loads the system magic database; fails when libmagic has none.
  static Status Open(std::unique_ptr<Identifier>* out);
  ~Identifier();

  Identity Identify(std::string_view data) const;

 private:
  explicit Identifier(void* cookie) : cookie_(cookie) {}
  void* cookie_;  // magic_t
};

// The format for a MIME type from libmagic, refined by looking at `data`.
// Exposed for tests; Identifier::Identify is the normal entry point.
Format FormatFromMime(std::string_view mime, std::string_view data);

}  // namespace intake

#endif  // INTAKE_PIPELINE_IDENTIFY_H_
