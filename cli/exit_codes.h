// Exit statuses of intake, for cron jobs and scripts.
#ifndef INTAKE_CLI_EXIT_CODES_H_
#define INTAKE_CLI_EXIT_CODES_H_

namespace intake {

// Everything was read and written.
inline constexpr int kExitOk = 0;
// The run finished and wrote its records, but some documents failed
// (their records say why); or some input lines of `classify` were bad.
inline constexpr int kExitSomeFailed = 1;
// `intake diff`: the runs differ (as in diff(1)).
inline constexpr int kExitDifferent = 1;
// Nothing useful could be done: bad command line, bad rules file, an input
// that does not exist, an output folder that cannot be written.
inline constexpr int kExitCannotRun = 2;

}  // namespace intake

#endif  // INTAKE_CLI_EXIT_CODES_H_
