// `intake compile`: from the records a run wrote to its output folder to
// compilation.html and compilation.odt (docs/compile.md). Reads the JSON
// Lines records, which every run and every review import rewrite from the
// state store, so reviewers' labels are already in them.
#ifndef INTAKE_COMPILE_COMPILE_FILES_H_
#define INTAKE_COMPILE_COMPILE_FILES_H_

#include <string>

#include "compile/summary.h"
#include "pipeline/status.h"

namespace intake {

// Writes OUT_DIR/compilation.html and OUT_DIR/compilation.odt (each
// atomically; OUT_DIR is created) from the records in RUN_DIR and returns
// the figures. Fails with NotFound when RUN_DIR holds no records.
Status WriteCompilation(const std::string& run_dir, const std::string& out_dir,
                        CompilationSummary* summary);

}  // namespace intake

#endif  // INTAKE_COMPILE_COMPILE_FILES_H_
