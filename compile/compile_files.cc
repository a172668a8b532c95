#include "compile/compile_files.h"

#include <filesystem>

#include "compile/compilation_html.h"
#include "compile/compilation_odt.h"
#include "compile/submissions.h"
#include "pipeline/output_files.h"
#include "review/output_records.h"

namespace intake {

Status WriteCompilation(const std::string& run_dir, const std::string& out_dir,
                        CompilationSummary* summary) {
  OutputRecords records;
  Status s = LoadOutputRecords(run_dir, &records);
  if (!s.ok()) return s;
  if (records.documents.empty()) {
    return Status::NotFound("no document records in " + DocumentsFile(run_dir) +
                            ": run 'intake run INPUT... --out " + run_dir +
                            "' first");
  }
  Compilation compilation = CompileSubmissions(records);
  *summary = Summarize(compilation);
  std::string odt;
  s = CompilationOdt(compilation, *summary, &odt);
  if (!s.ok()) return s;
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    return Status::IoError(out_dir + ": cannot create (" + ec.message() + ")");
  }
  s = WriteFileAtomically(CompilationHtmlFile(out_dir),
                          CompilationHtml(compilation, *summary));
  if (s.ok()) s = WriteFileAtomically(CompilationOdtFile(out_dir), odt);
  return s;
}

}  // namespace intake
