#include "cli/reviewed_passages.h"

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "pipeline/reviewed_labels.h"
#include "pipeline/state_store.h"

namespace intake {
namespace {

using Json = nlohmann::json;

std::string StringOf(const Json& record, const char* key,
                     const std::string& fallback) {
  auto it = record.find(key);
  return it != record.end() && it->is_string() ? it->get<std::string>()
                                               : fallback;
}

// What the model file's training-data hash should change with.
void HashPassage(const LabelledPassage& p, Sha256* hash) {
  Json j = {{"letter", p.letter},
            {"text", p.text},
            {"article14", p.gold.article14},
            {"activity", p.gold.activity},
            {"theme", p.gold.theme},
            {"stance", p.gold.stance}};
  hash->Update(j.dump(-1, ' ', false, Json::error_handler_t::replace));
  hash->Update("\n");
}

}  // namespace

Status AppendReviewedPassages(const std::string& out_dir, LabelledReading* out,
                              Sha256* hash, ReviewedCounts* counts) {
  const std::string path = out_dir + "/intake.sqlite";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound("no state store at " + path +
                            " (has 'intake run' written there?)");
  }
  std::unique_ptr<StateStore> store;
  Status s = StateStore::Open(path, &store);
  if (!s.ok()) return s;
  int decisions = 0;
  s = store->ForEachDecision(true, [&](const ReviewDecision&) {
    ++decisions;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (decisions == 0) {
    return Status::NotFound("no reviewer decisions in " + path +
                            " ('intake review import' stores them)");
  }
  // Decisions are keyed by document and text, so that they hold across
  // reruns; one matched by any passage of its document counts as found.
  std::set<std::pair<std::string, std::string>> found;
  s = store->ForEachDocument([&](const DocumentRow& row) -> Status {
    std::map<std::string, ReviewDecision> decided;
    Status d = store->LatestDecisions(row.doc_id, &decided);
    if (!d.ok() || decided.empty()) return d;
    ContextTracker tracker;
    return store->ForEachPassage(row.doc_id, [&](const std::string& line) {
      Json record = Json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!record.is_object()) {
        return Status::Corrupt("a passage record of " + row.doc_id + " in " +
                               path + " is not JSON");
      }
      Passage seen;
      seen.text = StringOf(record, "text", "");
      seen.kind = PassageKindFromName(StringOf(record, "kind", "paragraph"));
      seen.lang = StringOf(record, "lang", "und");
      // Every passage moves the context on, decided or not, as in the run.
      PassageContext context = tracker.Next(seen.kind, seen.text);
      const std::string key = PassageTextHash(seen.text);
      auto it = decided.find(key);
      if (it == decided.end()) return Status::Ok();
      const ReviewDecision& decision = it->second;
      found.emplace(row.doc_id, key);
      LabelledPassage labelled;
      labelled.id = StringOf(record, "passage_id", "");
      labelled.letter = row.doc_id;
      labelled.text = seen.text;
      labelled.lang = seen.lang;
      labelled.gold = {decision.article14, decision.activity, decision.theme,
                       decision.stance};
      if (hash != nullptr) HashPassage(labelled, hash);
      out->labelled.push_back(std::move(labelled));
      out->seen.push_back(std::move(seen));
      out->contexts.push_back(std::move(context));
      return Status::Ok();
    });
  });
  if (!s.ok()) return s;
  counts->decisions += decisions;
  counts->unmatched += decisions - static_cast<int>(found.size());
  return Status::Ok();
}

}  // namespace intake
