// compilation.html: the compilation of submissions as one self-contained
// HTML document (no script, no network, no files beside it; a
// Content-Security-Policy forbids any request): the summary figures with
// their tables and SVG bar charts, then every submission grouped by
// submitter with each passage and its labels. Every text from the records
// is escaped (markup_escape.h). The same records give the same bytes.
#ifndef INTAKE_COMPILE_COMPILATION_HTML_H_
#define INTAKE_COMPILE_COMPILATION_HTML_H_

#include <string>

#include "compile/submissions.h"
#include "compile/summary.h"

namespace intake {

std::string CompilationHtml(const Compilation& compilation,
                            const CompilationSummary& summary);

}  // namespace intake

#endif  // INTAKE_COMPILE_COMPILATION_HTML_H_
