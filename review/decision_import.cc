#include "review/decision_import.h"

#include <map>
#include <nlohmann/json.hpp>

#include "pipeline/reviewed_labels.h"

namespace intake {
namespace {

// Passage texts of a document by text hash, with the passage id.
using TextIndex = std::map<std::string, std::pair<std::string, std::string>>;

Status IndexDocument(StateStore* store, const std::string& doc_id,
                     TextIndex* index) {
  return store->ForEachPassage(doc_id, [&](const std::string& line) {
    nlohmann::json j =
        nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) {
      std::string text = j["text"].get<std::string>();
      (*index)[PassageTextHash(text)] = {j.value("passage_id", ""), text};
    }
    return Status::Ok();
  });
}

std::string Labels(const ReviewDecision& d) {
  std::string out;
  auto add = [&](const std::vector<std::string>& codes) {
    for (const std::string& c : codes) out += c + " ";
  };
  add(d.article14);
  add(d.activity);
  add(d.theme);
  return out + d.stance;
}

}  // namespace

Status ImportDecisions(StateStore* store, std::vector<DecisionRow> rows,
                       const std::string& source, ImportReport* report) {
  std::map<std::string, TextIndex> documents;
  for (DecisionRow& row : rows) {
    ReviewDecision& d = row.decision;
    auto [it, fresh] = documents.try_emplace(d.doc_id);
    if (fresh) {
      Status s = IndexDocument(store, d.doc_id, &it->second);
      if (!s.ok()) return s;
    }
    auto passage = it->second.find(d.text_sha256);
    if (passage == it->second.end()) {
      report->errors.push_back(
          row.where + " (" + d.passage_id +
          "): the store holds no passage with this text in this document "
          "(was the decision made on another output folder, or has the "
          "text changed since?)");
      continue;
    }
    if (d.passage_id.empty()) d.passage_id = passage->second.first;
    d.text = passage->second.second;
    d.source = source;
  }
  if (!report->errors.empty()) return Status::Ok();
  std::vector<ReviewDecision> decisions;
  for (DecisionRow& row : rows) decisions.push_back(std::move(row.decision));
  std::vector<DecisionOutcome> outcomes;
  Status s = store->AddDecisions(decisions, &outcomes);
  if (!s.ok()) return s;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const DecisionOutcome& o = outcomes[i];
    switch (o.kind) {
      case DecisionOutcome::Kind::kNew:
        ++report->added;
        break;
      case DecisionOutcome::Kind::kSame:
        ++report->unchanged;
        break;
      case DecisionOutcome::Kind::kReplaces:
        ++report->replaced;
        report->conflicts.push_back(
            decisions[i].passage_id + ": replaces the decision of " +
            o.previous.reviewer + " at " + o.previous.decided_at + " (" +
            Labels(o.previous) + " -> " + Labels(decisions[i]) +
            "); both are kept, the newer wins");
        break;
    }
  }
  return Status::Ok();
}

}  // namespace intake
