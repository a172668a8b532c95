#include "pipeline/process_document.h"

#include <exception>

#include "pipeline/language.h"
#include "pipeline/normalize.h"
#include "pipeline/segment.h"

namespace intake {
namespace {

// The language of the whole body, from its substantive passages.
std::string DocumentLanguage(const std::vector<Passage>& passages) {
  std::string body;
  for (const Passage& p : passages) {
    if (p.kind == PassageKind::kHeaderFooter) continue;
    body += p.text;
    body += '\n';
    if (body.size() > (64 << 10)) break;  // plenty for CLD2
  }
  return DetectLanguage(body, "und");
}

}  // namespace

const char* StatusForFailure(const Status& status) {
  switch (status.code()) {
    case Status::Code::kEncrypted: return kStatusEncrypted;
    case Status::Code::kUnsupported: return kStatusUnsupported;
    case Status::Code::kLimitExceeded: return kStatusUnsupported;
    case Status::Code::kIoError: return kStatusUnreadable;
    case Status::Code::kNotFound: return kStatusUnreadable;
    default: return kStatusCorrupt;
  }
}

DocumentRecord ProcessDocument(const std::string& path, std::string_view data,
                               const Identity& identity,
                               const ExtractFn& extract,
                               const ExtractLimits& limits,
                               const Classifier& classifier) {
  DocumentRecord record;
  record.doc_id = identity.doc_id;
  record.path = path;
  record.format = identity.format;
  record.mime = identity.mime;
  record.size = identity.size;
  record.rules_version = classifier.Version();

  Extraction extraction;
  Status s;
  try {
    s = extract(identity.format, data, limits, &extraction);
  } catch (const std::exception& e) {
    // A reader library that throws is a bug there or a hostile file; the
    // document fails, the run goes on.
    s = Status::Corrupt(std::string("reader failed: ") + e.what());
  }
  record.meta = extraction.meta;
  record.warnings = extraction.warnings;
  if (!s.ok()) {
    record.status = StatusForFailure(s);
    record.error = s.message();
    return record;
  }

  record.passages = Segment(NormalizeBlocks(std::move(extraction.blocks)));
  record.lang = DocumentLanguage(record.passages);
  for (Passage& p : record.passages) {
    p.lang = DetectLanguage(p.text, record.lang);
    p.labels = classifier.Classify(p.text, p.lang, p.kind);
  }
  record.passage_count = static_cast<long long>(record.passages.size());
  if (record.passages.empty()) {
    record.status = kStatusEmpty;
    record.error = identity.format == Format::kEmpty
                       ? "file is empty (0 bytes)"
                       : "no text found (a scan without a text layer?)";
  } else if (!record.warnings.empty()) {
    record.status = kStatusOkWithWarnings;
  }
  return record;
}

}  // namespace intake
