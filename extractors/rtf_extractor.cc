#include "extractors/rtf_extractor.h"

#include "extractors/extraction_guard.h"
#include "extractors/rtf_reader.h"

namespace intake {

Status ExtractRtf(std::string_view data, const ExtractLimits& limits,
                  Extraction* out) {
  if (!data.starts_with("{\\rtf"))
    return Status::Corrupt("not an RTF document");
  return GuardExtraction("rtf", out, [&] {
    rtf::RtfReader reader(data, limits, out);
    return reader.Run();
  });
}

}  // namespace intake
