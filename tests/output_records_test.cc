// PassageFields must name every field PassageFromJson reads: the review
// list converts only those, and a field read but not kept would come out
// empty without any error.
#include "review/output_records.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace intake {
namespace {

std::string Shown(const OutputPassage& p) {
  std::ostringstream out;
  out << p.doc_id << '|' << p.passage_id << '|' << p.page << '|' << p.kind
      << '|' << p.furniture << '|' << p.number << '|' << p.text << '|'
      << p.stance << '|' << p.needs_review << '|' << p.labels_from << '|';
  for (const auto* codes :
       {&p.article14, &p.activity, &p.theme, &p.review_reasons}) {
    for (const std::string& c : *codes) out << c << ',';
    out << '|';
  }
  for (const auto& [label, c] : p.confidence) out << label << '=' << c << ',';
  for (const OutputEvidence& e : p.evidence) {
    out << e.label << ':' << e.start << '-' << e.end << ':' << e.context << ',';
  }
  return out.str();
}

TEST(OutputRecordsTest, PassageFieldsNameEveryFieldPassageFromJsonReads) {
  const nlohmann::json record = nlohmann::json::parse(R"json({
    "schema_version": 1, "record": "passage", "doc_id": "d1",
    "passage_id": "d1-p0001", "page": 2, "start": 0, "end": 9,
    "kind": "list_item", "furniture": "", "number": "(a)",
    "text": "Training.", "lang": "en", "ocr_confidence": null,
    "article14": ["14.1"], "activity": ["b.national_training"],
    "theme": ["asgm"], "stance": "need",
    "confidence": {"article14:14.1": 0.9, "stance:need": 0.8},
    "evidence": [{"label": "article14:14.1", "start": 0, "end": 8,
                  "text": "Training", "source": "rules"},
                 {"label": "stance:need", "start": 0, "end": 0,
                  "text": "The needs:", "source": "above"}],
    "needs_review": true, "review_reasons": ["low_confidence"],
    "entities": [], "labels_from": "reviewer",
    "rules_version": "r", "model_version": "m"})json");
  const std::string whole = Shown(PassageFromJson(record));
  const std::vector<std::string>& kept = PassageFields();
  ASSERT_TRUE(std::is_sorted(kept.begin(), kept.end()));
  for (auto it = record.begin(); it != record.end(); ++it) {
    nlohmann::json without = record;
    without.erase(it.key());
    const bool read = Shown(PassageFromJson(without)) != whole;
    const bool listed = std::binary_search(kept.begin(), kept.end(), it.key());
    EXPECT_TRUE(!read || listed) << it.key() << " is read but not listed";
  }
}

}  // namespace
}  // namespace intake
