#include "cli/diff_report.h"

#include <iomanip>
#include <sstream>

namespace intake {
namespace {

using Json = nlohmann::ordered_json;

// One report line per change whatever a path or text holds: control
// characters (a newline in a table row) become spaces.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return text;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : ", ") + (item.empty() ? "\"\"" : item);
  }
  return out.empty() ? "(none)" : out;
}

std::string Signed(long long n) {
  return n > 0 ? "+" + std::to_string(n) : std::to_string(n);
}

std::string ShortId(const std::string& doc_id) { return doc_id.substr(0, 16); }

void PrintDocuments(std::ostream& out, const char* title,
                    const std::vector<DocumentRef>& docs) {
  if (docs.empty()) return;
  out << title << " (" << docs.size() << "):\n";
  for (const DocumentRef& d : docs) {
    out << "  " << OneLine(d.path) << "  [" << ShortId(d.doc_id) << "]\n";
  }
}

void PrintLabels(std::ostream& out, const RunDiff& diff) {
  out << "labels of the " << diff.matched_passages
      << " passages in both runs (same document, same text):\n";
  for (const DimensionChanges& d : diff.labels) {
    if (d.codes.empty()) {
      out << "  " << d.dimension << ": no change\n";
      continue;
    }
    out << "  " << d.dimension << ":\n"
        << "    " << std::left << std::setw(24) << "code" << std::right
        << std::setw(8) << "gained" << std::setw(8) << "lost" << std::setw(8)
        << "net"
        << "\n";
    for (const CodeChange& c : d.codes) {
      out << "    " << std::left << std::setw(24) << c.code << std::right
          << std::setw(8) << c.gained << std::setw(8) << c.lost << std::setw(8)
          << Signed(c.net()) << "\n";
    }
  }
}

void PrintText(std::ostream& out, const RunDiff& diff) {
  if (diff.passages_only_old == 0 && diff.passages_only_new == 0) return;
  out << "text: " << diff.passages_only_old << " passages only in OLD, "
      << diff.passages_only_new << " only in NEW, in "
      << diff.documents_with_text_changes
      << (diff.documents_with_text_changes == 1 ? " document\n"
                                                : " documents\n");
  for (const TextExample& e : diff.text_examples) {
    out << "  " << (e.added ? '+' : '-') << " " << OneLine(e.doc.path) << " "
        << e.passage_id << ": " << OneLine(e.text) << "\n";
  }
  long long total = diff.passages_only_old + diff.passages_only_new;
  if (static_cast<long long>(diff.text_examples.size()) < total) {
    out << "  (" << diff.text_examples.size() << " of " << total
        << " shown; --examples N shows more)\n";
  }
}

Json Refs(const std::vector<DocumentRef>& docs) {
  Json array = Json::array();
  for (const DocumentRef& d : docs) {
    array.push_back({{"doc_id", d.doc_id}, {"path", d.path}});
  }
  return array;
}

}  // namespace

std::string FormatDiffText(const RunDiff& diff, const std::string& old_name,
                           const std::string& new_name) {
  std::ostringstream out;
  out << "OLD " << OneLine(old_name) << "\nNEW " << OneLine(new_name) << "\n";
  if (diff.old_rules_versions == diff.new_rules_versions) {
    out << "rules_version: " << Join(diff.new_rules_versions) << " in both\n";
  } else {
    out << "rules_version: " << Join(diff.old_rules_versions) << " -> "
        << Join(diff.new_rules_versions) << "\n";
  }
  out << "documents: " << diff.old_documents << " in OLD, "
      << diff.new_documents << " in NEW\n";
  PrintDocuments(out, "only in OLD", diff.only_old);
  PrintDocuments(out, "only in NEW", diff.only_new);
  if (!diff.status_changes.empty()) {
    out << "status changed (" << diff.status_changes.size() << "):\n";
    for (const StatusChange& c : diff.status_changes) {
      out << "  " << OneLine(c.doc.path) << ": " << c.old_status << " -> "
          << c.new_status << "\n";
    }
  }
  if (!diff.passage_count_changes.empty()) {
    out << "passage count changed (" << diff.passage_count_changes.size()
        << "):\n";
    for (const PassageCountChange& c : diff.passage_count_changes) {
      out << "  " << OneLine(c.doc.path) << ": " << c.old_count << " -> "
          << c.new_count << "\n";
    }
  }
  PrintLabels(out, diff);
  PrintText(out, diff);
  out << (diff.HasDifferences() ? "the runs differ\n" : "no differences\n");
  return out.str();
}

Json DiffJson(const RunDiff& diff, const std::string& old_name,
              const std::string& new_name) {
  Json j = Json::object();
  j["old"] = old_name;
  j["new"] = new_name;
  j["differences"] = diff.HasDifferences();
  j["rules_version"] = {{"old", diff.old_rules_versions},
                        {"new", diff.new_rules_versions}};
  Json status = Json::array();
  for (const StatusChange& c : diff.status_changes) {
    status.push_back({{"doc_id", c.doc.doc_id},
                      {"path", c.doc.path},
                      {"old", c.old_status},
                      {"new", c.new_status}});
  }
  Json counts = Json::array();
  for (const PassageCountChange& c : diff.passage_count_changes) {
    counts.push_back({{"doc_id", c.doc.doc_id},
                      {"path", c.doc.path},
                      {"old", c.old_count},
                      {"new", c.new_count}});
  }
  j["documents"] = {
      {"old", diff.old_documents},       {"new", diff.new_documents},
      {"only_old", Refs(diff.only_old)}, {"only_new", Refs(diff.only_new)},
      {"status_changed", status},        {"passages_changed", counts}};
  Json labels = Json::object();
  labels["matched_passages"] = diff.matched_passages;
  for (const DimensionChanges& d : diff.labels) {
    Json codes = Json::array();
    for (const CodeChange& c : d.codes) {
      codes.push_back({{"code", c.code},
                       {"gained", c.gained},
                       {"lost", c.lost},
                       {"net", c.net()}});
    }
    labels[d.dimension] = codes;
  }
  j["labels"] = labels;
  Json examples = Json::array();
  for (const TextExample& e : diff.text_examples) {
    examples.push_back({{"doc_id", e.doc.doc_id},
                        {"path", e.doc.path},
                        {"change", e.added ? "added" : "removed"},
                        {"passage_id", e.passage_id},
                        {"text", e.text}});
  }
  j["text"] = {{"only_old", diff.passages_only_old},
               {"only_new", diff.passages_only_new},
               {"documents", diff.documents_with_text_changes},
               {"examples", examples}};
  return j;
}

}  // namespace intake
