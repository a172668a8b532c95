#include "tests/fuzz/fuzz_targets.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "classifiers/rules.h"
#include "extractors/docx_extractor.h"
#include "extractors/mail_extractor.h"
#include "extractors/msg_extractor.h"
#include "extractors/odt_extractor.h"
#include "extractors/pdf_extractor.h"
#include "extractors/rtf_extractor.h"
#include "extractors/text_extractor.h"
#include "extractors/zip_extractor.h"

namespace intake::fuzz {
namespace {

// The defaults, but without OCR (seconds a page: a fuzzer would time out on
// every image-only page) and with archives small enough that a fuzzer's
// 2 GiB memory limit is never the first thing an input finds.
ExtractLimits Limits() {
  ExtractLimits limits;
  limits.max_ocr_pages = 0;
  limits.max_pages = 200;
  limits.max_member_bytes = 16LL << 20;
  limits.max_xml_part_bytes = 8LL << 20;
  limits.max_archive_bytes = 64LL << 20;
  return limits;
}

// The extractor seam's promises (pipeline/extractor.h, extraction_guard.h).
Status Checked(const char* target, Status s, const Extraction& out) {
  if (!s.ok() && !out.blocks.empty()) {
    std::fprintf(stderr, "fuzz_%s: blocks beside a failure: %s\n", target,
                 s.ToString().c_str());
    std::abort();
  }
  if (!s.ok() && s.message().empty()) {
    std::fprintf(stderr, "fuzz_%s: a failure without a message\n", target);
    std::abort();
  }
  return s;
}

template <Status (*Extract)(std::string_view, const ExtractLimits&,
                            Extraction*)>
Status Run(const char* target, std::string_view data) {
  Extraction out;
  return Checked(target, Extract(data, Limits(), &out), out);
}

Status Pdf(std::string_view d) { return Run<ExtractPdf>("pdf", d); }
Status Docx(std::string_view d) { return Run<ExtractDocx>("docx", d); }
Status Odt(std::string_view d) { return Run<ExtractOdt>("odt", d); }
Status Rtf(std::string_view d) { return Run<ExtractRtf>("rtf", d); }
Status Msg(std::string_view d) { return Run<ExtractMsg>("msg", d); }
Status Zip(std::string_view d) { return Run<ExtractZip>("zip", d); }

// One target for both mail readers: an mbox starts with a "From " line.
Status Mail(std::string_view d) {
  if (d.starts_with("From ")) return Run<ExtractMbox>("mail", d);
  return Run<ExtractEml>("mail", d);
}

Status Text(std::string_view d) {
  Extraction out;
  return Checked("text", ExtractText(d, &out), out);
}

Status RulesFile(std::string_view d) {
  std::shared_ptr<const Rules> rules;
  return ParseRules(d, "fuzz.xml", &rules);
}

constexpr FuzzTarget kTargets[] = {
    {"pdf", Pdf}, {"docx", Docx}, {"odt", Odt},
    {"rtf", Rtf}, {"mail", Mail}, {"msg", Msg},
    {"zip", Zip}, {"text", Text}, {"rules", RulesFile},
};

}  // namespace

std::span<const FuzzTarget> FuzzTargets() { return kTargets; }

const FuzzTarget* FindFuzzTarget(std::string_view name) {
  for (const FuzzTarget& t : kTargets) {
    if (name == t.name) return &t;
  }
  return nullptr;
}

}  // namespace intake::fuzz
