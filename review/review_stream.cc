#include "review/review_stream.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "pipeline/json_line.h"
#include "pipeline/output_files.h"
#include "pipeline/record_lines.h"
#include "review/output_records.h"
#include "review/review_csv.h"
#include "review/review_page.h"

namespace intake {
namespace {

using Json = nlohmann::json;

Status CannotOpen(const std::string& path) {
  return Status::NotFound(path +
                          ": cannot open (has 'intake run' written there?)");
}

// The documents by doc_id (the last record of an id wins, as in
// ChooseForReview), with only what the list shows of them.
Status LoadDocuments(const std::string& path,
                     std::map<std::string, OutputDocument>* documents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return CannotOpen(path);
  RecordLines lines(in, path, "document");
  Json record;
  while (lines.Next(&record)) {
    OutputDocument read = DocumentFromJson(record);
    OutputDocument shown;
    shown.doc_id = read.doc_id;
    shown.path = std::move(read.path);
    shown.submitter_name = std::move(read.submitter_name);
    (*documents)[shown.doc_id] = std::move(shown);
  }
  return lines.status();
}

// The number of lines in `in`, at least the number of records; leaves
// `in` at its start.
size_t CountLines(std::istream& in) {
  std::vector<char> block(1 << 16);
  size_t lines = 0;
  char last = '\n';
  while (in.read(block.data(), static_cast<std::streamsize>(block.size())) ||
         in.gcount() > 0) {
    const auto end = block.begin() + in.gcount();
    lines += static_cast<size_t>(std::count(block.begin(), end, '\n'));
    last = *(end - 1);
  }
  in.clear();
  in.seekg(0);
  return lines + (last != '\n' ? 1 : 0);
}

// The first pass: which passages are listed, and where their lines are.
Status ChoosePassages(std::istream& in, const std::string& path,
                      const ReviewListOptions& options,
                      std::vector<ListedPassage>* listed) {
  ReviewChoice choice(options, CountLines(in));
  RecordLines lines(in, path, "passage");
  // What ReviewChoice::Add reads; the rest (text, evidence) is for the
  // second pass, and only of the passages listed.
  lines.KeepOnly({"passage_id", "kind", "confidence", "needs_review",
                  "review_reasons", "labels_from"});
  Json record;
  while (lines.Next(&record)) {
    choice.Add(PassageFromJson(record), lines.offset());
  }
  if (!lines.status().ok()) return lines.status();
  *listed = choice.Finish();
  return Status::Ok();
}

// The passage whose line starts at `offset`, read again. The first pass
// checked every line, so a failure here means the file changed since.
Status ReadPassageAt(std::istream& in, const std::string& path,
                     long long offset, OutputPassage* passage) {
  in.clear();
  in.seekg(offset);
  std::string line;
  Json record;
  if (std::getline(in, line)) {
    try {
      record = ParseJsonLine(line, PassageFields());
    } catch (const Json::exception&) {
      // Not JSON, or a number nlohmann cannot hold: reported below.
      record = Json();
    }
  }
  if (!record.is_object()) {
    return Status::Corrupt(path + ": changed while the review list was " +
                           "made from it (at byte " + std::to_string(offset) +
                           "); run again");
  }
  *passage = PassageFromJson(record);
  return Status::Ok();
}

// Reads the listed passages again, in list order, and hands each to
// `write` as the item of its rank. Its own stream: the two files are
// written by two threads.
template <typename Write>
Status ForEachItem(const std::string& path,
                   const std::vector<ListedPassage>& listed,
                   const std::map<std::string, OutputDocument>& documents,
                   Write write) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return CannotOpen(path);
  OutputPassage passage;
  int rank = 0;
  for (const ListedPassage& l : listed) {
    Status s = ReadPassageAt(in, path, l.where, &passage);
    if (!s.ok()) return s;
    auto document = documents.find(passage.doc_id);
    s = write(
        ItemFor(l, passage,
                document == documents.end() ? nullptr : &document->second),
        ++rank);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// The second pass: each file written by its own thread as it reads the
// listed passages. The list is the serial tail of a run (README, fourth
// profile) and the two files share nothing but what they read.
Status WriteList(const std::string& path,
                 const std::vector<ListedPassage>& listed,
                 const std::map<std::string, OutputDocument>& documents,
                 const std::string& out_dir) {
  AtomicFile csv(ReviewCsvFile(out_dir));
  AtomicFile html(ReviewHtmlFile(out_dir));
  Status s = csv.Open();
  if (s.ok()) s = html.Open();
  if (s.ok()) s = csv.Write(ReviewCsvHead());
  size_t list_id_at = 0;
  if (s.ok()) {
    s = html.Write(
        ReviewPageHead(std::string(ReviewListId::kSize, '0'), &list_id_at));
  }
  if (!s.ok()) return s;
  Status csv_status;
  std::thread csv_writer([&] {
    csv_status = ForEachItem(path, listed, documents,
                             [&](const ReviewItem& item, int rank) {
                               return csv.Write(ReviewCsvRow(item, rank));
                             });
  });
  ReviewListId list_id;
  s = ForEachItem(path, listed, documents,
                  [&](const ReviewItem& item, int rank) {
                    list_id.Add(item);
                    return html.Write(ReviewPageItem(item, rank));
                  });
  csv_writer.join();
  if (s.ok()) s = csv_status;
  if (s.ok()) s = html.Write(ReviewPageTail());
  if (s.ok()) {
    s = html.Overwrite(static_cast<long long>(list_id_at), list_id.Value());
  }
  if (s.ok()) s = csv.Commit();
  if (s.ok()) s = html.Commit();
  return s;
}

}  // namespace

Status StreamReviewList(const std::string& out_dir,
                        const ReviewListOptions& options, long long* listed) {
  std::map<std::string, OutputDocument> documents;
  Status s = LoadDocuments(DocumentsFile(out_dir), &documents);
  if (!s.ok()) return s;
  const std::string path = PassagesFile(out_dir);
  std::ifstream in(path, std::ios::binary);
  if (!in) return CannotOpen(path);
  std::vector<ListedPassage> list;
  s = ChoosePassages(in, path, options, &list);
  if (!s.ok()) return s;
  *listed = static_cast<long long>(list.size());
  in.close();
  return WriteList(path, list, documents, out_dir);
}

}  // namespace intake
