#include "extractors/docx_extractor.h"
namespace intake { Status ExtractDocx(std::string_view, const ExtractLimits&, Extraction*) { return Status::Unsupported("docx not yet"); } }
