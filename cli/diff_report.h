// The two forms of an `intake diff` report (cli/run_diff.h): plain text
// for a person, and one JSON object for a script (docs/diff.md). Only
// formatting: what differs is decided by DiffRuns.
#ifndef INTAKE_CLI_DIFF_REPORT_H_
#define INTAKE_CLI_DIFF_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "cli/run_diff.h"

namespace intake {

// A report of a few lines per kind of change, each line one change, ending
// with "no differences" or a count of the kinds that differ. `old_name` and
// `new_name` are the folders compared.
std::string FormatDiffText(const RunDiff& diff, const std::string& old_name,
                           const std::string& new_name);

// The same as one JSON object, keys in a fixed order.
nlohmann::ordered_json DiffJson(const RunDiff& diff,
                                const std::string& old_name,
                                const std::string& new_name);

}  // namespace intake

#endif  // INTAKE_CLI_DIFF_REPORT_H_
