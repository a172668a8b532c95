#include "cli/run_digest.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <string_view>

namespace intake {

using Json = nlohmann::json;

size_t DocumentTable::Find(const std::string& doc_id) const {
  auto it = index.find(doc_id);
  return it == index.end() ? kNone : it->second;
}

Status ReadDocuments(const std::string& name, std::istream& in,
                     DocumentTable* table) {
  RecordLines lines(in, name, "document");
  Json record;
  while (lines.Next(&record)) {
    DocInfo doc;
    Status s = lines.GetString(record, "doc_id", &doc.doc_id);
    if (s.ok()) s = lines.GetString(record, "path", &doc.path);
    if (s.ok()) s = lines.GetString(record, "status", &doc.status);
    if (s.ok()) {
      s = lines.GetString(record, "rules_version", &doc.rules_version);
    }
    if (s.ok()) s = lines.GetInt(record, "passages", &doc.passages);
    if (!s.ok()) return s;
    if (!table->index.emplace(doc.doc_id, table->docs.size()).second) {
      return lines.Error("document " + doc.doc_id + " is listed twice");
    }
    table->docs.push_back(std::move(doc));
  }
  return lines.status();
}

uint32_t LabelIds::Id(int dimension, const std::string& code) {
  auto [it, added] = ids_.try_emplace(std::to_string(dimension) + ":" + code,
                                      static_cast<uint32_t>(labels_.size()));
  if (added) labels_.push_back({dimension, code});
  return it->second;
}

Status ReadPassage(const RecordLines& lines, const Json& record, LabelIds* ids,
                   PassageDigest* out) {
  Status s = lines.GetString(record, "doc_id", &out->doc_id);
  if (s.ok()) s = lines.GetString(record, "passage_id", &out->passage_id);
  if (s.ok()) s = lines.GetString(record, "text", &out->text);
  out->labels.clear();
  std::vector<std::string> codes;
  for (int d = 0; d < kStanceDimension && s.ok(); ++d) {
    s = lines.GetStrings(record, kLabelDimensions[d], &codes);
    for (const std::string& code : codes) {
      out->labels.push_back(ids->Id(d, code));
    }
  }
  std::string stance;
  if (s.ok()) {
    s = lines.GetString(record, kLabelDimensions[kStanceDimension], &stance);
  }
  if (!s.ok()) return s;
  out->labels.push_back(ids->Id(kStanceDimension, stance));
  std::sort(out->labels.begin(), out->labels.end());
  out->labels.erase(std::unique(out->labels.begin(), out->labels.end()),
                    out->labels.end());
  out->text_hash = std::hash<std::string_view>{}(out->text);
  return Status::Ok();
}

Status StoredPassages::Add(const PassageDigest& passage, long line) {
  constexpr size_t kMax = std::numeric_limits<uint32_t>::max();
  if (static_cast<size_t>(line) > kMax ||
      pool_.size() + passage.labels.size() > kMax) {
    return Status::LimitExceeded(
        "more passages than intake diff can hold (2^32 lines or labels)");
  }
  pool_.insert(pool_.end(), passage.labels.begin(), passage.labels.end());
  passages_.push_back({passage.text_hash, static_cast<uint32_t>(line),
                       static_cast<uint32_t>(pool_.size())});
  return Status::Ok();
}

std::span<const uint32_t> StoredPassages::labels(uint32_t i) const {
  uint32_t begin = i == 0 ? 0 : passages_[i - 1].labels_end;
  return {pool_.data() + begin, passages_[i].labels_end - begin};
}

}  // namespace intake
