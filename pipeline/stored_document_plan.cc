#include "pipeline/stored_document_plan.h"

namespace intake {

StoredDocumentPlan PlanStoredDocument(const StoredDocument& doc,
                                      const RunVersions& now, bool reprocess) {
  if (reprocess) return {true, "reprocess (--reprocess)"};
  // A quarantined document stays out until --reprocess, whatever changed:
  // a new rules file does not make a damaged file readable.
  if (doc.quarantined) return {false, "skip (quarantined: " + doc.status + ")"};
  if (doc.rules_version != now.rules) {
    return {true,
            "reprocess (rules " + doc.rules_version + " -> " + now.rules + ")"};
  }
  if (doc.model_version != now.model)
    return {true, "reprocess (model changed)"};
  if (doc.intake_build != now.intake_build) {
    if (doc.intake_build.empty()) {
      return {true, "reprocess (stored before intake kept its build id)"};
    }
    return {true, "reprocess (intake build " + doc.intake_build + " -> " +
                      now.intake_build + ")"};
  }
  if (!doc.complete) {
    return {true, "resume (its attachments or members are not all done)"};
  }
  return {false, "unchanged"};
}

}  // namespace intake
