// `intake review import FILE` and `intake review export`: reviewers'
// decisions into and out of the state store of an output folder
// (docs/review.md).
#ifndef INTAKE_CLI_REVIEW_COMMAND_H_
#define INTAKE_CLI_REVIEW_COMMAND_H_

#include <string>
#include <vector>

namespace intake {

// Returns the exit status: 0 when done, 2 when nothing was imported (bad
// rows, each reported on standard error) or the store could not be used.
int ReviewCommand(const std::vector<std::string>& args);

}  // namespace intake

#endif  // INTAKE_CLI_REVIEW_COMMAND_H_
