// The time now, as the store and the log write it.
#ifndef INTAKE_PIPELINE_UTC_TIME_H_
#define INTAKE_PIPELINE_UTC_TIME_H_

#include <string>

namespace intake {

// "2026-11-25T21:41:02Z".
std::string UtcNow();

}  // namespace intake

#endif  // INTAKE_PIPELINE_UTC_TIME_H_
