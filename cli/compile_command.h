// `intake compile --from RUN_DIR --out DIR`: the compilation of the
// submissions a run read, as HTML and ODT, and its figures on standard
// output (docs/compile.md).
#ifndef INTAKE_CLI_COMPILE_COMMAND_H_
#define INTAKE_CLI_COMPILE_COMMAND_H_

#include <string>
#include <vector>

namespace intake {

// Returns the exit status: 0 when written, 2 when RUN_DIR holds no
// records or the files could not be written.
int CompileCommand(const std::vector<std::string>& args);

}  // namespace intake

#endif  // INTAKE_CLI_COMPILE_COMMAND_H_
