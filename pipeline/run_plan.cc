#include "pipeline/run_plan.h"

#include <filesystem>
#include <memory>

#include "pipeline/read_file.h"
#include "pipeline/sha256.h"
#include "pipeline/state_store.h"

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
    if (stored && options.reprocess) {
      plan = "reprocess (--reprocess)";
    } else if (stored && doc.quarantined) {
      plan = "skip (quarantined: " + doc.status + ")";
    } else if (stored && doc.rules_version != stages.classifier->Version()) {
      plan = "reprocess (rules " + doc.rules_version + " -> " +
             stages.classifier->Version() + ")";
    } else if (stored && doc.model_version != options.model_version) {
      plan = "reprocess (model changed)";
    } else if (stored && doc.intake_build != options.intake_build) {
      plan = doc.intake_build.empty()
                 ? "reprocess (stored before intake kept its build id)"
                 : "reprocess (intake build " + doc.intake_build + " -> " +
                       options.intake_build + ")";
    } else if (stored && !doc.complete) {
      plan = "resume (its attachments or members are not all done)";
    } else if (stored) {
      plan = "unchanged";
    }
    observer->OnPlan(path, plan);
  }
  return Status::Ok();
}

}  // namespace intake
