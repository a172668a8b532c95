// The one decision the dry-run plan prints and the run acts on: what to do
// with a document the state store already holds.
#include "pipeline/stored_document_plan.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

const RunVersions kNow{"rules-2", "model-2", "build-2"};

StoredDocument StoredByNow() {
  StoredDocument doc;
  doc.status = "ok";
  doc.rules_version = kNow.rules;
  doc.model_version = kNow.model;
  doc.intake_build = kNow.intake_build;
  doc.complete = true;
  return doc;
}

TEST(StoredDocumentPlanTest, StoredBySameVersionsIsKept) {
  StoredDocumentPlan plan = PlanStoredDocument(StoredByNow(), kNow, false);
  EXPECT_FALSE(plan.redo);
  EXPECT_EQ(plan.reason, "unchanged");
}

TEST(StoredDocumentPlanTest, ReprocessRedoesEvenWhatIsUpToDate) {
  StoredDocumentPlan plan = PlanStoredDocument(StoredByNow(), kNow, true);
  EXPECT_TRUE(plan.redo);
  EXPECT_EQ(plan.reason, "reprocess (--reprocess)");
}

TEST(StoredDocumentPlanTest, EachChangedVersionRedoesAndSaysWhich) {
  StoredDocument doc = StoredByNow();
  doc.rules_version = "rules-1";
  StoredDocumentPlan plan = PlanStoredDocument(doc, kNow, false);
  EXPECT_TRUE(plan.redo);
  EXPECT_EQ(plan.reason, "reprocess (rules rules-1 -> rules-2)");

  doc = StoredByNow();
  doc.model_version = "model-1";
  plan = PlanStoredDocument(doc, kNow, false);
  EXPECT_TRUE(plan.redo);
  EXPECT_EQ(plan.reason, "reprocess (model changed)");

  doc = StoredByNow();
  doc.intake_build = "build-1";
  plan = PlanStoredDocument(doc, kNow, false);
  EXPECT_TRUE(plan.redo);
  EXPECT_EQ(plan.reason, "reprocess (intake build build-1 -> build-2)");

  doc.intake_build = "";
  plan = PlanStoredDocument(doc, kNow, false);
  EXPECT_TRUE(plan.redo);
  EXPECT_EQ(plan.reason, "reprocess (stored before intake kept its build id)");
}

TEST(StoredDocumentPlanTest, QuarantinedStaysOutWhateverChanged) {
  StoredDocument doc = StoredByNow();
  doc.quarantined = true;
  doc.status = "failed";
  doc.rules_version = "rules-1";
  StoredDocumentPlan plan = PlanStoredDocument(doc, kNow, false);
  EXPECT_FALSE(plan.redo);
  EXPECT_EQ(plan.reason, "skip (quarantined: failed)");
  EXPECT_TRUE(PlanStoredDocument(doc, kNow, true).redo);
}

TEST(StoredDocumentPlanTest, IncompleteDocumentIsResumed) {
  StoredDocument doc = StoredByNow();
  doc.complete = false;
  StoredDocumentPlan plan = PlanStoredDocument(doc, kNow, false);
  EXPECT_TRUE(plan.redo);
  EXPECT_EQ(plan.reason,
            "resume (its attachments or members are not all done)");
}

// A document that is both incomplete and stored by an older model is
// processed whole again: the version is named, since resuming would mix
// the old model's records with the new one's.
TEST(StoredDocumentPlanTest, ChangedVersionIsNamedBeforeResuming) {
  StoredDocument doc = StoredByNow();
  doc.complete = false;
  doc.model_version = "model-1";
  StoredDocumentPlan plan = PlanStoredDocument(doc, kNow, false);
  EXPECT_TRUE(plan.redo);
  EXPECT_EQ(plan.reason, "reprocess (model changed)");
}

}  // namespace
}  // namespace intake
