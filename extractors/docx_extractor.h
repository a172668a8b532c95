// Placeholder declaration until the DOCX extractor lands.
#ifndef INTAKE_EXTRACTORS_DOCX_EXTRACTOR_H_
#define INTAKE_EXTRACTORS_DOCX_EXTRACTOR_H_
#include <string_view>
#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"
namespace intake {
Status ExtractDocx(std::string_view data, const ExtractLimits& limits, Extraction* out);
}  // namespace intake
#endif
