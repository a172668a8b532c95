#include "extractors/tnef_extractor.h"

#include "extractors/attachment_list.h"
#include "extractors/mail_text.h"
#include "extractors/tnef_reader.h"

namespace intake {

Status ExtractTnef(std::string_view data, const ExtractLimits& limits,
                   Extraction* out) {
  TnefContent tnef;
  if (!ReadTnef(data, limits, &tnef)) {
    return Status::Corrupt(
        "not a readable winmail.dat (TNEF stream damaged or truncated)");
  }
  out->meta.extraction = "tnef";
  out->warnings = std::move(tnef.warnings);
  for (std::string& paragraph : SplitParagraphs(tnef.body)) {
    Block block;
    block.text = std::move(paragraph);
    out->blocks.push_back(std::move(block));
  }
  AttachmentList attached(limits, &out->embedded, &out->warnings);
  for (EmbeddedFile& f : tnef.files) {
    attached.Add("attachment", std::move(f.name), std::move(f.data));
  }
  return Status::Ok();
}

}  // namespace intake
