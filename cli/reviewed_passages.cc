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
// Newest decision by document, then by text hash.
using DecisionsByDocument =
    std::map<std::string, std::map<std::string, ReviewDecision>>;

// The text, kind and language of a stored passage record, as the run
// classified it. `where` names the record in errors.
Status StoredPassage(const std::string& line, const std::string& where,
                     Passage* out) {
  Json record = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!record.is_object()) {
    return Status::Corrupt(where + " is not a JSON object");
  }
  for (const char* key : {"text", "kind", "lang"}) {
    if (!record.contains(key) || !record[key].is_string()) {
      return Status::Corrupt(where + " has no \"" + key + "\" string");
    }
  }
  out->text = record["text"].get<std::string>();
  out->kind = PassageKindFromName(record["kind"].get<std::string>());
  out->lang = record["lang"].get<std::string>();
  return Status::Ok();
}

LabelledPassage Decided(const Passage& seen, const std::string& doc_id,
                        const ReviewDecision& decision) {
  LabelledPassage p;
  p.id = decision.passage_id;
  p.letter = doc_id;
  p.decided = true;
  p.text = seen.text;
  p.lang = seen.lang;
  p.gold = {decision.article14, decision.activity, decision.theme,
            decision.stance};
  return p;
}

// What the model file's training-data hash should change with: all that
// the training reads of the passage.
void HashPassage(const LabelledPassage& p, const Passage& seen,
                 const PassageContext& context, Sha256* hash) {
  Json j = {{"letter", p.letter},
            {"text", p.text},
            {"kind", std::string(PassageKindName(seen.kind))},
            {"lang", p.lang},
            {"heading", context.heading},
            {"above", context.paragraph_above},
            {"article14", p.gold.article14},
            {"activity", p.gold.activity},
            {"theme", p.gold.theme},
            {"stance", p.gold.stance}};
  hash->Update(j.dump(-1, ' ', false, Json::error_handler_t::replace));
  hash->Update("\n");
}

Status NewestDecisions(StateStore* store, DecisionsByDocument* out,
                       int* count) {
  return store->ForEachDecision(true, [&](const ReviewDecision& d) {
    ++*count;
    (*out)[d.doc_id][d.text_sha256] = d;
    return Status::Ok();
  });
}

// Appends the decided passages of one document, reading all its passages
// in order for their context; erases the decisions it matched, once the
// whole document is read (a text may stand in it twice).
Status AppendDocument(StateStore* store, const std::string& path,
                      const std::string& doc_id,
                      std::map<std::string, ReviewDecision>* decided,
                      LabelledReading* out, Sha256* hash) {
  std::set<std::string> matched;
  ContextTracker tracker;
  int number = 0;
  Status s = store->ForEachPassage(doc_id, [&](const std::string& line) {
    Passage seen;
    Status r =
        StoredPassage(line,
                      path + ": passage record " + std::to_string(++number) +
                          " of document " + doc_id,
                      &seen);
    if (!r.ok()) return r;
    // Every passage moves the context on, decided or not, as in the run.
    PassageContext context = tracker.Next(seen.kind, seen.text);
    const std::string key = PassageTextHash(seen.text);
    auto it = decided->find(key);
    if (it == decided->end()) return Status::Ok();
    matched.insert(key);
    LabelledPassage p = Decided(seen, doc_id, it->second);
    if (hash != nullptr) HashPassage(p, seen, context, hash);
    out->labelled.push_back(std::move(p));
    out->seen.push_back(std::move(seen));
    out->contexts.push_back(std::move(context));
    return Status::Ok();
  });
  for (const std::string& key : matched) decided->erase(key);
  return s;
}

}  // namespace

Status AppendReviewedPassages(const std::string& out_dir, LabelledReading* out,
                              Sha256* hash, ReviewsRead* read) {
  const std::string path = out_dir + "/intake.sqlite";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound("no state store at " + path +
                            " (has 'intake run' written there?)");
  }
  std::unique_ptr<StateStore> store;
  Status s = StateStore::OpenForReading(path, &store);
  if (!s.ok()) return s;
  DecisionsByDocument decisions;
  int count = 0;
  s = NewestDecisions(store.get(), &decisions, &count);
  if (!s.ok()) return Status::IoError(path + ": " + s.message());
  if (count == 0) {
    return Status::NotFound("no reviewer decisions in " + path +
                            " ('intake review import' stores them)");
  }
  s = store->ForEachDocument([&](const DocumentRow& row) -> Status {
    auto it = decisions.find(row.doc_id);
    if (it == decisions.end()) return Status::Ok();
    if (!read->documents.insert(row.doc_id).second) {
      ++read->repeated_documents;
      count -= static_cast<int>(it->second.size());
      decisions.erase(it);
      return Status::Ok();
    }
    return AppendDocument(store.get(), path, row.doc_id, &it->second, out,
                          hash);
  });
  if (!s.ok() && s.code() != Status::Code::kCorrupt) {
    // Corrupt records are named with the path already; SQL errors are not.
    return Status::IoError(path + ": " + s.message());
  }
  if (!s.ok()) return s;
  int unmatched = 0;
  for (const auto& [doc_id, left] : decisions) {
    unmatched += static_cast<int>(left.size());
  }
  read->decisions += count;
  read->unmatched += unmatched;
  return Status::Ok();
}

}  // namespace intake
