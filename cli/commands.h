// The subcommands of intake, in one table (name, one-line help, function),
// and the dispatch from argv to them. main() only calls Main().
#ifndef INTAKE_CLI_COMMANDS_H_
#define INTAKE_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace intake {

struct Command {
  const char* name;
  const char* help;
  // Gets the arguments after the command name; returns an exit status.
  int (*run)(const std::vector<std::string>& args);
};

// Parses argv, runs the command, returns the process exit status.
int Main(int argc, char** argv);

}  // namespace intake

#endif  // INTAKE_CLI_COMMANDS_H_
