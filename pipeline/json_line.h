// Parsing one line of the JSON Lines files a run writes, fast. Reading a
// run's records back (the review list reads every passage once and the
// listed ones again) spent most of its time in nlohmann's parser, twenty
// times slower than simdjson; simdjson parses and checks the line and the
// result is handed on as the nlohmann::json the readers use.
#ifndef INTAKE_PIPELINE_JSON_LINE_H_
#define INTAKE_PIPELINE_JSON_LINE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace intake {

// The JSON value of `line`, as nlohmann::json::parse(line) gives it (the
// same types: non-negative integers unsigned, a repeated key's last value
// kept). When `keep` is not empty and the value is an object, only its
// top-level fields named in `keep` (sorted) are converted. Throws
// nlohmann::json::parse_error, with nlohmann's message and position, when
// the line is not valid JSON, and nlohmann::json::out_of_range for a
// number nlohmann cannot hold (1e400), as nlohmann::json::parse does.
// One difference: "-0" comes back as an unsigned 0 (simdjson does not
// keep the sign of an integer zero), where nlohmann gives a signed 0;
// they compare and print the same. Thread-safe.
nlohmann::json ParseJsonLine(std::string_view line,
                             const std::vector<std::string>& keep = {});

}  // namespace intake

#endif  // INTAKE_PIPELINE_JSON_LINE_H_
