// Which intake produced a stored document: a hash of the code and data
// files that shape the records (scripts/build_id.cmake), made at build
// time. Two builds of the same source tree have the same id on any
// machine; any change to that tree gives a new one. Not a release
// number: `intake --version` prints both.
#ifndef INTAKE_CLI_INTAKE_BUILD_H_
#define INTAKE_CLI_INTAKE_BUILD_H_

namespace intake {

extern const char kIntakeBuild[];  // 12 hex digits

}  // namespace intake

#endif  // INTAKE_CLI_INTAKE_BUILD_H_
