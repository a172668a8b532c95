// JSON text written directly, byte for byte as nlohmann's dump(-1, ' ',
// false, replace) writes the same value, for records and pages written in
// large numbers: building a tree per record only to dump it was a tenth
// of a PDF run and most of the review list (README, third and fourth
// profiles). The tests compare both ways.
#ifndef INTAKE_PIPELINE_JSON_TEXT_H_
#define INTAKE_PIPELINE_JSON_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace intake {

// A JSON string: well-formed UTF-8 is copied, ASCII escaped as nlohmann
// escapes it; a string with bad UTF-8 goes through nlohmann, whose
// replacement of the bad bytes is the reference.
void AppendJsonString(std::string_view s, std::string* out);

// An array of JSON strings.
void AppendJsonStrings(const std::vector<std::string>& items, std::string* out);

// A double in nlohmann's shortest round-trip form ("0.5", "1.0"); null
// when not finite.
void AppendJsonNumber(double x, std::string* out);

}  // namespace intake

#endif  // INTAKE_PIPELINE_JSON_TEXT_H_
