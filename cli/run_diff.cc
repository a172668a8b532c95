#include "cli/run_diff.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>
#include <span>

#include "cli/run_digest.h"
#include "pipeline/output_files.h"
#include "pipeline/record_lines.h"

namespace intake {
namespace {

using Json = nlohmann::json;
using Range = StoredPassages::Range;

// "…" marks where a text was cut to `max_code_points`.
std::string Cut(const std::string& text, int max_code_points) {
  int seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool starts_code_point =
        (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_code_point && seen++ == max_code_points) {
      return text.substr(0, i) + "\u2026";
    }
  }
  return text;
}

Status NotTogether(const RecordLines& lines, const std::string& doc_id) {
  return lines.Error("passages of document " + doc_id +
                     " are not together, as intake run writes them");
}

// Finds the document of a passage, which its run's documents file must
// list.
Status DocumentOf(const RecordLines& lines, const DocumentTable& docs,
                  const std::string& doc_id, size_t* doc) {
  *doc = docs.Find(doc_id);
  if (*doc == DocumentTable::kNone) {
    return lines.Error("passage of document " + doc_id +
                       ", which the documents file does not list");
  }
  return Status::Ok();
}

// One comparison. OLD's passages are stored as digests; NEW's are read one
// document at a time and compared with them, so only one run's digests
// and one document's passages are ever held.
class Differ {
 public:
  Differ(const DiffOptions& options, RunDiff* out)
      : options_(options), out_(out) {}

  Status Run(const RunFiles& old_run, const RunFiles& new_run) {
    Status s =
        ReadDocuments(old_run.documents_name, *old_run.documents, &old_docs_);
    if (s.ok()) {
      s = ReadDocuments(new_run.documents_name, *new_run.documents, &new_docs_);
    }
    if (!s.ok()) return s;
    CompareDocuments();
    RecordLines old_lines(*old_run.passages, old_run.passages_name, "passage");
    RecordLines new_lines(*new_run.passages, new_run.passages_name, "passage");
    s = StoreOldPassages(&old_lines);
    if (s.ok()) s = CompareNewPassages(&new_lines);
    if (s.ok()) s = FetchOldTexts(&old_lines);
    if (!s.ok()) return s;
    FinishLabels();
    std::stable_sort(
        examples_.begin(), examples_.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [doc, example] : examples_) {
      out_->text_examples.push_back(std::move(example));
    }
    return Status::Ok();
  }

 private:
  void CompareDocuments() {
    std::set<std::string> old_versions, new_versions;
    for (const DocInfo& doc : old_docs_.docs) {
      old_versions.insert(doc.rules_version);
      if (new_docs_.Find(doc.doc_id) == DocumentTable::kNone) {
        out_->only_old.push_back({doc.doc_id, doc.path});
      }
    }
    for (const DocInfo& doc : new_docs_.docs) {
      new_versions.insert(doc.rules_version);
      size_t in_old = old_docs_.Find(doc.doc_id);
      if (in_old == DocumentTable::kNone) {
        out_->only_new.push_back({doc.doc_id, doc.path});
        continue;
      }
      const DocInfo& old = old_docs_.docs[in_old];
      if (old.status != doc.status) {
        out_->status_changes.push_back(
            {{doc.doc_id, doc.path}, old.status, doc.status});
      }
      if (old.passages != doc.passages) {
        out_->passage_count_changes.push_back(
            {{doc.doc_id, doc.path}, old.passages, doc.passages});
      }
    }
    out_->old_documents = static_cast<long long>(old_docs_.docs.size());
    out_->new_documents = static_cast<long long>(new_docs_.docs.size());
    out_->old_rules_versions.assign(old_versions.begin(), old_versions.end());
    out_->new_rules_versions.assign(new_versions.begin(), new_versions.end());
  }

  Status StoreOldPassages(RecordLines* lines) {
    old_ranges_.assign(old_docs_.docs.size(), Range());
    size_t current = DocumentTable::kNone;
    PassageDigest p;
    for (Json record; lines->Next(&record);) {
      Status s = ReadPassage(*lines, record, &label_ids_, &p);
      if (!s.ok()) return s;
      if (current == DocumentTable::kNone ||
          old_docs_.docs[current].doc_id != p.doc_id) {
        s = DocumentOf(*lines, old_docs_, p.doc_id, &current);
        if (!s.ok()) return s;
        Range& range = old_ranges_[current];
        if (range.started) return NotTogether(*lines, p.doc_id);
        range.started = true;
        range.begin = range.end = static_cast<uint32_t>(old_.size());
      }
      s = old_.Add(p, lines->line());
      if (!s.ok()) return s;
      old_ranges_[current].end = static_cast<uint32_t>(old_.size());
    }
    return lines->status();
  }

  Status CompareNewPassages(RecordLines* lines) {
    std::vector<bool> done(new_docs_.docs.size(), false);
    std::vector<PassageDigest> group;  // of document `current`
    size_t current = DocumentTable::kNone;
    PassageDigest p;
    for (Json record; lines->Next(&record);) {
      Status s = ReadPassage(*lines, record, &label_ids_, &p);
      if (!s.ok()) return s;
      if (current == DocumentTable::kNone ||
          new_docs_.docs[current].doc_id != p.doc_id) {
        if (current != DocumentTable::kNone) CompareDocument(current, group);
        group.clear();
        s = DocumentOf(*lines, new_docs_, p.doc_id, &current);
        if (!s.ok()) return s;
        if (done[current]) return NotTogether(*lines, p.doc_id);
        done[current] = true;
      }
      group.push_back(std::move(p));
    }
    if (!lines->status().ok()) return lines->status();
    if (current != DocumentTable::kNone) CompareDocument(current, group);
    // A document of both runs without passages in NEW lost all of OLD's.
    group.clear();
    for (size_t i = 0; i < done.size(); ++i) {
      if (!done[i]) CompareDocument(i, group);
    }
    return Status::Ok();
  }

  // Compares NEW's passages of document `new_doc` (in reading order) with
  // OLD's. Passages are matched by text, not by passage_id: the id is the
  // passage's position in the document, so one passage split or merged by
  // a new extractor would shift every id after it and show every later
  // passage as changed. A text that occurs several times in a document
  // ("Annex") matches as often as it occurs in both.
  void CompareDocument(size_t new_doc,
                       const std::vector<PassageDigest>& group) {
    const DocInfo& doc = new_docs_.docs[new_doc];
    size_t old_doc = old_docs_.Find(doc.doc_id);
    if (old_doc == DocumentTable::kNone) return;  // reported as only in NEW
    const Range range = old_ranges_[old_doc];
    std::vector<uint32_t> olds(range.end - range.begin);
    std::iota(olds.begin(), olds.end(), range.begin);
    std::stable_sort(olds.begin(), olds.end(), [&](uint32_t a, uint32_t b) {
      return old_.text_hash(a) < old_.text_hash(b);
    });
    std::vector<size_t> news(group.size());
    std::iota(news.begin(), news.end(), 0);
    std::stable_sort(news.begin(), news.end(), [&](size_t a, size_t b) {
      return group[a].text_hash < group[b].text_hash;
    });
    std::vector<bool> old_matched(olds.size()), new_matched(group.size());
    for (size_t i = 0, j = 0; i < olds.size() && j < news.size();) {
      uint64_t a = old_.text_hash(olds[i]);
      uint64_t b = group[news[j]].text_hash;
      if (a != b) {
        a < b ? ++i : ++j;
        continue;
      }
      old_matched[olds[i] - range.begin] = true;
      new_matched[news[j]] = true;
      ++out_->matched_passages;
      CountLabelChanges(old_.labels(olds[i]), group[news[j]].labels);
      ++i;
      ++j;
    }
    bool changed = false;
    DocumentRef ref{doc.doc_id, doc.path};
    for (uint32_t k = range.begin; k < range.end; ++k) {
      if (old_matched[k - range.begin]) continue;
      changed = true;
      ++out_->passages_only_old;
      if (!HasRoomForExample()) continue;
      to_fetch_.push_back({old_.line(k), examples_.size()});
      examples_.push_back({new_doc, {ref, false, "", ""}});
    }
    for (size_t j = 0; j < group.size(); ++j) {
      if (new_matched[j]) continue;
      changed = true;
      ++out_->passages_only_new;
      if (!HasRoomForExample()) continue;
      examples_.push_back({new_doc,
                           {ref, true, group[j].passage_id,
                            Cut(group[j].text, options_.example_chars)}});
    }
    if (changed) ++out_->documents_with_text_changes;
  }

  bool HasRoomForExample() const {
    return examples_.size() <
           static_cast<size_t>(std::max(options_.examples, 0));
  }

  void CountLabelChanges(std::span<const uint32_t> old_labels,
                         const std::vector<uint32_t>& new_labels) {
    gained_.resize(label_ids_.size());
    lost_.resize(label_ids_.size());
    size_t i = 0, j = 0;
    while (i < old_labels.size() || j < new_labels.size()) {
      if (j == new_labels.size() ||
          (i < old_labels.size() && old_labels[i] < new_labels[j])) {
        ++lost_[old_labels[i++]];
      } else if (i == old_labels.size() || new_labels[j] < old_labels[i]) {
        ++gained_[new_labels[j++]];
      } else {
        ++i;
        ++j;
      }
    }
  }

  // Reads OLD's passages again, only as far as the last example needs:
  // their texts were not kept.
  Status FetchOldTexts(RecordLines* lines) {
    if (to_fetch_.empty()) return Status::Ok();
    std::sort(to_fetch_.begin(), to_fetch_.end());
    lines->Rewind();
    size_t next = 0;
    for (Json record; next < to_fetch_.size() && lines->Next(&record);) {
      for (; next < to_fetch_.size() && to_fetch_[next].first == lines->line();
           ++next) {
        TextExample& example = examples_[to_fetch_[next].second].second;
        Status s = lines->GetString(record, "passage_id", &example.passage_id);
        if (s.ok()) s = lines->GetString(record, "text", &example.text);
        if (!s.ok()) return s;
        example.text = Cut(example.text, options_.example_chars);
      }
    }
    if (!lines->status().ok()) return lines->status();
    if (next < to_fetch_.size()) {
      return lines->Error("the file changed while intake diff read it");
    }
    return Status::Ok();
  }

  void FinishLabels() {
    gained_.resize(label_ids_.size());
    lost_.resize(label_ids_.size());
    for (int d = 0; d <= kStanceDimension; ++d) {
      DimensionChanges changes{kLabelDimensions[d], {}};
      for (uint32_t id = 0; id < label_ids_.size(); ++id) {
        if (label_ids_.dimension(id) != d) continue;
        if (gained_[id] == 0 && lost_[id] == 0) continue;
        changes.codes.push_back({label_ids_.code(id), gained_[id], lost_[id]});
      }
      std::sort(changes.codes.begin(), changes.codes.end(),
                [](const CodeChange& a, const CodeChange& b) {
                  return a.code < b.code;
                });
      out_->labels.push_back(std::move(changes));
    }
  }

  const DiffOptions& options_;
  RunDiff* out_;
  DocumentTable old_docs_;
  DocumentTable new_docs_;
  LabelIds label_ids_;
  StoredPassages old_;
  std::vector<Range> old_ranges_;  // per OLD document
  std::vector<long long> gained_;  // per label id
  std::vector<long long> lost_;    // per label id
  // Examples with the index of their NEW document, to order them by it.
  std::vector<std::pair<size_t, TextExample>> examples_;
  // (line in OLD's passages file, index in examples_) of texts to fetch.
  std::vector<std::pair<long, size_t>> to_fetch_;
};

Status OpenFile(const std::string& dir, const std::string& path,
                std::ifstream* file) {
  file->open(path, std::ios::binary);
  if (file->is_open()) return Status::Ok();
  return Status::NotFound(path + ": cannot open for reading; is " + dir +
                          " the --out folder of an intake run?");
}

Status OpenRun(const std::string& dir, std::ifstream* documents,
               std::ifstream* passages, RunFiles* files) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::NotFound(
        dir + ": no such folder (give the --out folder of an intake run)");
  }
  files->documents_name = DocumentsFile(dir);
  files->passages_name = PassagesFile(dir);
  files->documents = documents;
  files->passages = passages;
  Status s = OpenFile(dir, files->documents_name, documents);
  if (s.ok()) s = OpenFile(dir, files->passages_name, passages);
  return s;
}

}  // namespace

bool RunDiff::HasDifferences() const {
  bool labels_changed = false;
  for (const DimensionChanges& d : labels) {
    if (!d.codes.empty()) labels_changed = true;
  }
  return old_rules_versions != new_rules_versions || !only_old.empty() ||
         !only_new.empty() || !status_changes.empty() ||
         !passage_count_changes.empty() || labels_changed ||
         passages_only_old > 0 || passages_only_new > 0;
}

Status DiffRuns(const RunFiles& old_run, const RunFiles& new_run,
                const DiffOptions& options, RunDiff* out) {
  *out = RunDiff();
  return Differ(options, out).Run(old_run, new_run);
}

Status DiffFolders(const std::string& old_dir, const std::string& new_dir,
                   const DiffOptions& options, RunDiff* out) {
  std::ifstream old_documents, old_passages, new_documents, new_passages;
  RunFiles old_run, new_run;
  Status s = OpenRun(old_dir, &old_documents, &old_passages, &old_run);
  if (s.ok()) s = OpenRun(new_dir, &new_documents, &new_passages, &new_run);
  if (!s.ok()) return s;
  return DiffRuns(old_run, new_run, options, out);
}

}  // namespace intake
