#include "extractors/rtf_body.h"

#include "extractors/compressed_rtf.h"
#include "extractors/rtf_extractor.h"
#include "extractors/story_blocks.h"

namespace intake {

std::string CompressedRtfBodyText(std::string_view data,
                                  const ExtractLimits& limits,
                                  std::vector<std::string>* warnings) {
  std::string rtf;
  Status s = DecompressRtf(data, limits.max_member_bytes, &rtf);
  if (!s.ok()) {
    warnings->push_back("RTF body not read: " + s.message());
    return "";
  }
  Extraction extraction;
  s = ExtractRtf(rtf, limits, &extraction);
  if (!s.ok()) {
    warnings->push_back("RTF body not read: " + s.message());
    return "";
  }
  for (std::string& w : extraction.warnings) {
    warnings->push_back("RTF body: " + w);
  }
  std::string text;
  for (const Block& block : extraction.blocks) {
    if (IsBlank(block.text)) continue;
    if (!text.empty()) text += "\n\n";
    if (!block.number.empty()) text += block.number + " ";
    text += block.text;
  }
  return text;
}

}  // namespace intake
