// `intake diff OLD NEW`: what changed between two runs of intake over the
// same documents, so an operator can see what new rules (or a new intake)
// do to an archive before accepting them. DiffRuns reads the records of two
// output folders and returns the differences as plain data; diff_report.h
// prints them. Only what docs/diff.md lists is compared (documents,
// statuses, passage counts, labels, passage texts, rules versions):
// confidences, evidence and metadata are not.
#ifndef INTAKE_CLI_RUN_DIFF_H_
#define INTAKE_CLI_RUN_DIFF_H_

#include <istream>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "pipeline/status.h"

namespace intake {

// The two files of one output folder, already open.
struct RunFiles {
  std::string documents_name;  // for messages, e.g. "out/documents.jsonl"
  std::istream* documents = nullptr;
  std::string passages_name;
  // Read twice (the second time only for the texts of examples), so it
  // must be seekable: a file or a string stream, not a pipe.
  std::istream* passages = nullptr;
};

struct DocumentRef {
  std::string doc_id;
  std::string path;  // as in the NEW run when the document is in both
};

struct StatusChange {
  DocumentRef doc;
  std::string old_status;
  std::string new_status;
};

struct PassageCountChange {
  DocumentRef doc;
  long long old_count = 0;
  long long new_count = 0;
};

// How often one code was given to a passage in NEW and not to the same
// passage in OLD (gained), and the other way round (lost).
struct CodeChange {
  std::string code;
  long long gained = 0;
  long long lost = 0;
  long long net() const { return gained - lost; }
};

struct DimensionChanges {
  std::string dimension;          // "article14", "activity", "theme", "stance"
  std::vector<CodeChange> codes;  // codes with a change only, sorted by code
};

// A passage of a document of both runs whose text is in one run only.
struct TextExample {
  DocumentRef doc;
  bool added = false;      // in NEW only; else in OLD only
  std::string passage_id;  // in the run it is in
  std::string text;        // cut to DiffOptions::example_chars
};

struct RunDiff {
  // Distinct rules_version values of the documents of each run, sorted.
  std::vector<std::string> old_rules_versions;
  std::vector<std::string> new_rules_versions;

  long long old_documents = 0;
  long long new_documents = 0;
  std::vector<DocumentRef> only_old;  // in OLD's order
  std::vector<DocumentRef> only_new;  // in NEW's order
  // Documents of both runs, in NEW's order.
  std::vector<StatusChange> status_changes;
  std::vector<PassageCountChange> passage_count_changes;

  // Label changes over the passages found in both runs (same document,
  // same text); one entry per dimension, in record order.
  long long matched_passages = 0;
  std::vector<DimensionChanges> labels;

  // Passages of documents of both runs whose text is in one run only.
  long long passages_only_old = 0;
  long long passages_only_new = 0;
  long long documents_with_text_changes = 0;
  std::vector<TextExample> text_examples;  // in NEW's document order

  bool HasDifferences() const;
};

struct DiffOptions {
  // Text examples kept at most (over all documents).
  int examples = 5;
  // Example texts are cut to this many code points, "…" marking the cut.
  int example_chars = 160;
};

// Compares two runs. Fails (Corrupt, naming FILE:LINE) on a line that is
// not a record of the schema this intake writes, on a passage of a
// document its documents file does not list, and on a document whose
// passages are not together; then `*out` is unspecified.
Status DiffRuns(const RunFiles& old_run, const RunFiles& new_run,
                const DiffOptions& options, RunDiff* out);

// DiffRuns over the documents.jsonl and passages.jsonl of two output
// folders; NotFound when a folder or file is missing.
Status DiffFolders(const std::string& old_dir, const std::string& new_dir,
                   const DiffOptions& options, RunDiff* out);

}  // namespace intake

#endif  // INTAKE_CLI_RUN_DIFF_H_
