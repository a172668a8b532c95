#include "extractors/registry.h"

#include <string>

#include "extractors/doc_extractor.h"
#include "extractors/docx_extractor.h"
#include "extractors/mail_extractor.h"
#include "extractors/msg_extractor.h"
#include "extractors/odt_extractor.h"
#include "extractors/pdf_extractor.h"
#include "extractors/rtf_extractor.h"
#include "extractors/text_extractor.h"
#include "extractors/tnef_extractor.h"
#include "extractors/zip_extractor.h"

namespace intake {

Status ExtractDocument(Format format, std::string_view data,
                       const ExtractLimits& limits, Extraction* out) {
  switch (format) {
    case Format::kPdf:
      return ExtractPdf(data, limits, out);
    case Format::kDocx:
      return ExtractDocx(data, limits, out);
    case Format::kDoc:
      return ExtractDoc(data, limits, out);
    case Format::kOdt:
      return ExtractOdt(data, limits, out);
    case Format::kRtf:
      return ExtractRtf(data, limits, out);
    case Format::kText:
      return ExtractText(data, out);
    case Format::kZip:
      return ExtractZip(data, limits, out);
    case Format::kEml:
      return ExtractEml(data, limits, out);
    case Format::kMbox:
      return ExtractMbox(data, limits, out);
    case Format::kMsg:
      return ExtractMsg(data, limits, out);
    case Format::kTnef:
      return ExtractTnef(data, limits, out);
    case Format::kEncryptedOffice:
      return Status::Encrypted("Office document is password protected");
    case Format::kEmpty:
      return Status::Ok();
    case Format::kXml:
    case Format::kHtml:
      return Status::Unsupported(std::string(FormatName(format)) +
                                 " files are not read yet");
    case Format::kUnknown:
      break;
  }
  return Status::Unsupported("not a document type intake reads");
}

}  // namespace intake
