#include "cli/compile_command.h"

#include <iostream>

#include "cli/exit_codes.h"
#include "cli/options.h"
#include "compile/compilation_text.h"
#include "compile/compile_files.h"
#include "pipeline/output_files.h"

namespace intake {
namespace {

std::string Listed(const std::vector<std::string>& names) {
  return std::to_string(names.size()) +
         (names.empty() ? "" : " (" + JoinNames(names) + ")");
}

}  // namespace

int CompileCommand(const std::vector<std::string>& args) {
  CompileArgs compile_args;
  std::string message;
  int exit =
      ExitForOutcome(ParseCompileArgs(args, &compile_args, &message), message);
  if (exit >= 0) return exit;
  CompilationSummary s;
  Status status =
      WriteCompilation(compile_args.from_dir, compile_args.out_dir, &s);
  if (!status.ok()) {
    std::cerr << "intake: compile: " << status.message() << "\n";
    return kExitCannotRun;
  }
  std::cout << "submissions: " << s.submissions << " (in " << s.documents
            << " documents)\nsubmitters: " << s.submitters
            << "\nparties: " << Listed(s.parties)
            << "\nother submitters: " << Listed(s.others)
            << "\nsubmitter not found: " << s.unattributed
            << "\ndescribe needs: " << Listed(s.need)
            << "\ndescribe support provided: " << Listed(s.provided)
            << "\ndescribe support received: " << Listed(s.received)
            << "\nnot read: " << s.not_read
            << "\nset apart, never name mercury: " << s.off_topic << "\n";
  std::cerr << "intake: compile: wrote "
            << CompilationHtmlFile(compile_args.out_dir) << " and "
            << CompilationOdtFile(compile_args.out_dir) << "\n";
  return kExitOk;
}

}  // namespace intake
