#include "pipeline/process_document.h"

#include <cctype>
#include <exception>
#include <filesystem>
#include <new>

#include "pipeline/classify_document.h"
#include "pipeline/language.h"
#include "pipeline/normalize.h"
#include "pipeline/progress.h"
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

// The format a file's name promises, for the formats people name.
Format FormatFromExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(c));
  static const std::pair<const char*, Format> kNames[] = {
      {".pdf", Format::kPdf}, {".docx", Format::kDocx}, {".doc", Format::kDoc},
      {".odt", Format::kOdt}, {".rtf", Format::kRtf},   {".eml", Format::kEml},
      {".msg", Format::kMsg}, {".zip", Format::kZip},   {".txt", Format::kText},
  };
  for (const auto& [name, format] : kNames) {
    if (ext == name) return format;
  }
  return Format::kUnknown;
}

// Why a document gave no text (and, for a container, no documents).
std::string EmptyReason(Format format, const DocumentMeta& meta,
                        const std::vector<std::string>& warnings) {
  switch (format) {
    case Format::kEmpty:
      return "file is empty (0 bytes)";
    case Format::kZip:
      return "archive holds no documents";
    case Format::kPdf:
      // OCR is tried on every page without usable text; the warnings
      // say when pages were left out (the OCR page limit, no OCR data).
      if (meta.pages == 0) return "PDF has no pages";
      return warnings.empty()
                 ? "no text on any page: no text layer, and OCR read no "
                   "words (a blank page or a picture without writing?)"
                 : "no text on any page: no text layer, and OCR did not "
                   "read it (see warnings)";
    default:
      return "no text found";
  }
}

}  // namespace

const char* StatusForFailure(const Status& status) {
  switch (status.code()) {
    case Status::Code::kEncrypted:
      return kStatusEncrypted;
    case Status::Code::kUnsupported:
      return kStatusUnsupported;
    case Status::Code::kLimitExceeded:
      return kStatusUnsupported;
    case Status::Code::kIoError:
      return kStatusUnreadable;
    case Status::Code::kNotFound:
    case Status::Code::kInvalidArgument:
      return kStatusUnreadable;
    default:
      return kStatusCorrupt;
  }
}

namespace {

// What a record says before any stage has run.
DocumentRecord IdentifiedRecord(const std::string& path,
                                const Identity& identity,
                                const Stages& stages) {
  DocumentRecord record;
  record.doc_id = identity.doc_id;
  record.path = path;
  record.format = identity.format;
  record.mime = identity.mime;
  record.size = identity.size;
  record.rules_version = stages.classifier->Version();
  record.model_version = stages.classifier->ModelVersion();
  return record;
}

DocumentRecord RunStages(const std::string& path, std::string_view data,
                         const Identity& identity, const Stages& stages,
                         std::vector<EmbeddedFile>* embedded) {
  const Classifier& classifier = *stages.classifier;
  DocumentRecord record = IdentifiedRecord(path, identity, stages);

  Extraction extraction;
  Status s;
  try {
    s = stages.extract(identity.format, data, stages.limits, &extraction);
  } catch (const std::exception& e) {
    // A reader library that throws is a bug there or a hostile file; the
    // document fails, the run goes on.
    s = Status::Corrupt(std::string("reader failed: ") + e.what());
  }
  record.meta = extraction.meta;
  record.warnings = extraction.warnings;
  Format named = FormatFromExtension(path);
  if (named != Format::kUnknown && named != identity.format &&
      identity.format != Format::kEmpty) {
    // Read as what the bytes are, but say so: a person may have attached
    // the wrong file.
    record.warnings.push_back("named as " + std::string(FormatName(named)) +
                              " but the content is " +
                              std::string(FormatName(identity.format)));
  }
  if (!s.ok()) {
    record.status = StatusForFailure(s);
    record.error = s.message();
    if (identity.format == Format::kUnknown) {
      record.error += " (libmagic says " + identity.mime + ")";
    }
    return record;
  }

  NoteProgress();
  record.passages =
      Segment(NormalizeBlocks(std::move(extraction.blocks), stages.words));
  record.lang = DocumentLanguage(record.passages);
  for (Passage& p : record.passages) {
    p.lang = DetectLanguage(p.text, record.lang);
  }
  record.convention_subject = SubjectName(ClassifyDocument(
      classifier, &record.passages,
      /*whole=*/extraction.embedded.empty(), record.meta.title));
  if (stages.submitters != nullptr) {
    record.submitter = stages.submitters->Find(record.passages, record.meta);
  }
  record.passage_count = static_cast<long long>(record.passages.size());
  record.embedded = static_cast<int>(extraction.embedded.size());
  if (embedded != nullptr) *embedded = std::move(extraction.embedded);
  if (record.passages.empty() && record.embedded == 0) {
    record.status = kStatusEmpty;
    // The reader's own warnings: the pages it left out. The note that the
    // file is named as another type is not one.
    record.error =
        EmptyReason(identity.format, record.meta, extraction.warnings);
  } else if (!record.warnings.empty()) {
    record.status = kStatusOkWithWarnings;
  }
  return record;
}

}  // namespace

DocumentRecord ProcessDocument(const std::string& path, std::string_view data,
                               const Identity& identity, const Stages& stages,
                               std::vector<EmbeddedFile>* embedded) {
  std::string status = kStatusCorrupt;
  std::string error;
  try {
    return RunStages(path, data, identity, stages, embedded);
  } catch (const std::bad_alloc&) {
    // Past the worker's memory limit (or the machine's): this document
    // fails, the run goes on.
    status = kStatusOom;
    error = "out of memory while reading this document";
  } catch (const std::exception& e) {
    // A bug of ours that this document triggers.
    error = std::string("intake failed on this document: ") + e.what();
  }
  DocumentRecord record = IdentifiedRecord(path, identity, stages);
  record.status = status;
  record.error = error;
  return record;
}

}  // namespace intake
