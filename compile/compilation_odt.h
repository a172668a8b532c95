// compilation.odt: the same compilation as compilation.html, as an
// OpenDocument text the secretariat edits in LibreOffice or Word: headings,
// paragraphs and tables in content.xml, the bar charts as SVG pictures
// beside the tables that hold the same numbers.
//
// Written by our own code (libxml2's text writer, which escapes every text,
// and odt_package's libzip) rather than by converting the HTML with
// LibreOffice: intake then needs no office suite on the servers that run it
// nightly, and an absent or hung soffice cannot fail the compilation.
#ifndef INTAKE_COMPILE_COMPILATION_ODT_H_
#define INTAKE_COMPILE_COMPILATION_ODT_H_

#include <string>

#include "compile/submissions.h"
#include "compile/summary.h"
#include "pipeline/status.h"

namespace intake {

Status CompilationOdt(const Compilation& compilation,
                      const CompilationSummary& summary, std::string* bytes);

}  // namespace intake

#endif  // INTAKE_COMPILE_COMPILATION_ODT_H_
