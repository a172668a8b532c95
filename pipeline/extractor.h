// The seam between the pipeline and the format readers in extractors/.
//
// The runner calls an ExtractFn; cli/ passes extractors::ExtractDocument,
// tests pass fakes. An ExtractFn must not throw: every failure comes back as
// a Status whose code maps to a document status (corrupt, encrypted,
// unsupported, ...).
#ifndef INTAKE_PIPELINE_EXTRACTOR_H_
#define INTAKE_PIPELINE_EXTRACTOR_H_

#include <functional>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace intake {

// Limits every extractor honours. Defaults suit letters; archives of
// unusual documents may raise them.
struct ExtractLimits {
  // Pages read from one PDF; more is an error (limit exceeded). Default 2000.
  int max_pages = 2000;
  // PDF pages read by OCR (pages whose text layer fails the quality gate,
  // extractors/pdf_text_quality.h); later such pages keep their text layer
  // and a warning says so. OCR takes seconds a page. Default 50.
  int max_ocr_pages = 50;
  // Bytes one zip member (a DOCX part) may expand to. Default 256 MiB.
  long long max_member_bytes = 256LL << 20;
  // Bytes one XML part of a package (a DOCX document, styles, header...)
  // may expand to; also bounded by max_member_bytes. Its parsed tree costs
  // about 20 times its size, so this is kept well below max_member_bytes.
  // Default 64 MiB.
  long long max_xml_part_bytes = 64LL << 20;
  // Largest expansion ratio of one zip member. Default 200.
  double max_compression_ratio = 200;
  // Deepest XML nesting accepted. Default 256.
  int max_xml_depth = 256;
  // Members taken from one archive; the rest are skipped with a warning.
  // Default 1000.
  int max_archive_members = 1000;
  // Bytes all members of one archive may expand to. Default 512 MiB.
  long long max_archive_bytes = 512LL << 20;
  // Containers inside containers (a ZIP in a ZIP) opened at most this deep.
  // Default 3.
  int max_nesting = 3;
};

// REQUIRES: `data` holds the whole file and stays valid during the call.
using ExtractFn =
    std::function<Status(Format format, std::string_view data,
                         const ExtractLimits& limits, Extraction* out)>;

}  // namespace intake

#endif  // INTAKE_PIPELINE_EXTRACTOR_H_
