#include "pipeline/run_plan.h"

#include <filesystem>
#include <memory>

#include "pipeline/read_file.h"
#include "pipeline/sha256.h"
#include "pipeline/state_store.h"
#include "pipeline/stored_document_plan.h"

namespace intake {

std::string StatePathOf(const RunOptions& options) {
  return options.state_path.empty() ? options.out_dir + "/intake.sqlite"
                                    : options.state_path;
}

Status PlanRun(const RunOptions& options, const Stages& stages,
               const std::vector<std::string>& files, RunObserver* observer) {
  std::unique_ptr<StateStore> store;
  std::error_code ec;
  if (std::filesystem::exists(StatePathOf(options), ec)) {
    Status s = StateStore::Open(StatePathOf(options), &store);
    if (!s.ok()) return s;
  }
  const RunVersions versions{stages.classifier->Version(),
                             options.model_version, options.intake_build};
  for (const std::string& path : files) {
    FileFacts facts;
    std::string doc_id;
    Status s = StatFile(path, &facts);
    if (s.ok() && store) s = store->FindUnchangedFile(path, facts, &doc_id);
    if (s.ok() && doc_id.empty()) {
      s = HashFile(path, options.max_file_bytes, &facts);
      doc_id = facts.sha256;
    }
    if (!options.shard.Owns(s.ok() ? doc_id : Sha256Hex(path))) continue;
    if (!s.ok()) {
      observer->OnPlan(path, "cannot read: " + s.message());
      continue;
    }
    StoredDocument doc;
    bool stored = false;
    if (store) {
      s = store->FindDocument(doc_id, &doc, &stored);
      if (!s.ok()) return s;
    }
    std::string plan = "new";
    if (stored)
      plan = PlanStoredDocument(doc, versions, options.reprocess).reason;
    observer->OnPlan(path, plan);
  }
  return Status::Ok();
}

}  // namespace intake
