// The text `intake status` prints for a state store.
#ifndef INTAKE_CLI_STATUS_REPORT_H_
#define INTAKE_CLI_STATUS_REPORT_H_

#include <string>

#include "pipeline/state_store.h"

namespace intake {

std::string FormatStoreSummary(const std::string& path,
                               const StoreSummary& summary);

}  // namespace intake

#endif  // INTAKE_CLI_STATUS_REPORT_H_
