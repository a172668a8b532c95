// Running the built intake binary as a user would, for the end-to-end
// tests, and reading what it wrote.
#ifndef INTAKE_TESTS_INTAKE_RUNS_H_
#define INTAKE_TESTS_INTAKE_RUNS_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace intake::testing {

// Runs `intake ARGS` from the source folder; standard output goes to
// `stdout_file`, standard error to `stderr_file` (each nowhere when "").
// Returns the exit status, -1 when the process did not exit.
int Intake(const std::string& args, const std::string& stdout_file = "",
           const std::string& stderr_file = "");

// The "name: value" lines that `intake compile` prints, from `path`.
std::map<std::string, std::string> Figures(const std::string& path);

// One JSON value per line of `path`.
std::vector<nlohmann::json> ReadJsonLines(const std::string& path);

// `intake run --quiet INPUT --out OUT`, then OUT/documents.jsonl.
std::vector<nlohmann::json> RunAndReadDocuments(const std::string& input,
                                                const std::string& out);

// The document record whose path or one of its other_paths ends with
// `name`, or null.
const nlohmann::json* FindDocument(const std::vector<nlohmann::json>& docs,
                                   const std::string& name);

// Expects documents.jsonl and passages.jsonl of the two output folders to
// be the same bytes (and not empty).
void ExpectSameRecords(const std::string& out_a, const std::string& out_b);

// The types of a record's provenance chain ("file", "attachment", ...).
std::vector<std::string> ProvenanceTypes(const nlohmann::json& doc);

// A run over `input` (the rules alone) into `out`, and a reviewer's
// decision on each of its passages, its furniture too, imported from
// `dir`/decisions.json: the labels the run gave, or with `run_labels`
// false 14.1, finance and need. Returns how many passages are not
// furniture.
int RunAndDecideEveryPassage(const std::string& input, bool run_labels,
                             const std::string& dir, const std::string& out);

}  // namespace intake::testing

#endif  // INTAKE_TESTS_INTAKE_RUNS_H_
