#include "pipeline/store_output.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "pipeline/output_files.h"
#include "pipeline/reviewed_labels.h"

namespace intake {
namespace {

using Json = nlohmann::ordered_json;

// The stored line with the paths known now. Parsed and dumped the way
// json_records dumps, so an unchanged record keeps its bytes.
std::string WithOtherPaths(const DocumentRow& row) {
  if (row.other_paths.empty()) return row.document_json;
  Json j = Json::parse(row.document_json);
  j["other_paths"] = row.other_paths;
  return j.dump(-1, ' ', /*ensure_ascii=*/false,
                Json::error_handler_t::replace);
}

bool OutputExists(const std::string& out_dir) {
  std::error_code ec;
  return std::filesystem::exists(DocumentsFile(out_dir), ec) &&
         std::filesystem::exists(PassagesFile(out_dir), ec);
}

}  // namespace

Status WriteOutputFromStore(StateStore* store, const std::string& out_dir,
                            OutputCounts* counts) {
  // One store can feed several output folders (--state): each remembers
  // which state of the store it shows. Importing a decision bumps the
  // generation too (StateStore::AddDecisions).
  std::error_code ec;
  std::string key = std::filesystem::absolute(out_dir, ec).string();
  long long generation = 0, written = -1;
  Status s = store->Generation(&generation);
  if (s.ok()) s = store->OutputGeneration(key, &written);
  if (!s.ok()) return s;
  if (generation == written && OutputExists(out_dir)) {
    return store->Totals(&counts->documents, &counts->passages);
  }

  AtomicFile documents(DocumentsFile(out_dir));
  AtomicFile passages(PassagesFile(out_dir));
  s = documents.Open();
  if (s.ok()) s = passages.Open();
  if (!s.ok()) return s;
  s = store->ForEachDocument([&](const DocumentRow& row) -> Status {
    ++counts->documents;
    Status w = documents.WriteLine(WithOtherPaths(row));
    if (!w.ok()) return w;
    // Decisions are applied here, not stored into the records, so that
    // they survive reprocessing and a newer decision can replace them.
    std::map<std::string, ReviewDecision> decisions;
    w = store->LatestDecisions(row.doc_id, &decisions);
    if (!w.ok()) return w;
    return store->ForEachPassage(row.doc_id, [&](const std::string& line) {
      ++counts->passages;
      return passages.WriteLine(WithReviewerLabels(line, decisions));
    });
  });
  if (!s.ok()) return s;
  // documents.jsonl is renamed last: it says which documents the passages
  // belong to.
  s = passages.Commit();
  if (s.ok()) s = documents.Commit();
  if (s.ok()) s = SyncDirectory(out_dir);
  if (s.ok()) s = store->SetOutputGeneration(key, generation);
  return s;
}

}  // namespace intake
