#include "tests/in_process.h"

#include <gtest/gtest.h>

#include <memory>

#include "cli/wiring.h"
#include "pipeline/identify.h"
#include "pipeline/process_document.h"

namespace intake::testing {
namespace {

// Loading rules, gazetteer and magic database takes most of a second: once
// per test process.
struct Pipeline {
  Wiring wiring;
  std::unique_ptr<Identifier> identifier;
  Status status;
};

const Pipeline& Wired() {
  static const Pipeline* pipeline = [] {
    auto* p = new Pipeline;
    p->status = Wire(ClassifierFlags(), &p->wiring);
    if (p->status.ok()) p->status = Identifier::Open(&p->identifier);
    return p;
  }();
  return *pipeline;
}

}  // namespace

ExtractLimits NoOcrLimits() {
  ExtractLimits limits;
  limits.max_ocr_pages = 0;
  return limits;
}

DocumentRecord ProcessInProcess(const std::string& name, std::string_view data,
                                const ExtractLimits& limits,
                                std::vector<DocumentRecord>* members,
                                size_t max_members) {
  const Pipeline& p = Wired();
  if (!p.status.ok()) {
    ADD_FAILURE() << "cannot wire the pipeline: " << p.status.ToString();
    return DocumentRecord();
  }
  Stages stages = p.wiring.stages;
  stages.limits = limits;
  std::vector<EmbeddedFile> embedded;
  DocumentRecord record = ProcessDocument(
      name, data, p.identifier->Identify(data), stages, &embedded);
  if (members == nullptr) return record;
  for (size_t i = 0; i < embedded.size() && i < max_members; ++i) {
    const EmbeddedFile& file = embedded[i];
    members->push_back(ProcessDocument(name + "!/" + file.name, file.data,
                                       p.identifier->Identify(file.data),
                                       stages, nullptr));
  }
  return record;
}

bool IsRecordStatus(const std::string& status) {
  for (const char* known :
       {kStatusOk, kStatusOkWithWarnings, kStatusEmpty, kStatusEncrypted,
        kStatusUnsupported, kStatusCorrupt, kStatusUnreadable}) {
    if (status == known) return true;
  }
  return false;
}

}  // namespace intake::testing
