// JSON Lines serialisation of records (docs/records.md): one document or
// passage to one line, keys in a fixed order, numbers printed the same way
// on every machine, so that the same inputs give byte-identical files.
#ifndef INTAKE_PIPELINE_JSON_RECORDS_H_
#define INTAKE_PIPELINE_JSON_RECORDS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/passage.h"
#include "pipeline/records.h"
#include "pipeline/status.h"

namespace intake {

// One line (no trailing newline) of documents.jsonl.
std::string DocumentJson(const DocumentRecord& record);

// One line (no trailing newline) of passages.jsonl for passage `index`
// (0-based) of `record`.
std::string PassageJson(const DocumentRecord& record, size_t index);

// "<first 16 hex of doc_id>-p0001" for index 0.
std::string PassageId(std::string_view doc_id, size_t index);

// The classification fields of `labels` (article14, activity, theme,
// stance, confidence, evidence, needs_review, review_reasons), in record
// order, as members to add to a JSON object. The records are written
// without it; it is the reference the tests compare them with.
nlohmann::ordered_json LabelsJson(const Labels& labels);

// The same fields as (key, JSON text of the value) pairs, in record order:
// byte for byte what dumping LabelsJson(labels) writes for each, without
// building the JSON tree (that was a quarter of `intake classify`).
std::vector<std::pair<std::string_view, std::string>> LabelsJsonFields(
    const Labels& labels);

}  // namespace intake

#endif  // INTAKE_PIPELINE_JSON_RECORDS_H_
