#include "review/review_files.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "pipeline/output_files.h"
#include "review/review_stream.h"

namespace intake {
namespace {

// Bump when the review files change for the same records and options.
constexpr int kStampVersion = 1;

// Identifies one state of a file: a rewrite (always a rename of a new
// file) changes its inode, time or size. "" when it cannot be read.
std::string FileState(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return "";
  std::ostringstream out;
  out << st.st_ino << ':' << st.st_size << ':' << st.st_mtim.tv_sec << '.'
      << st.st_mtim.tv_nsec << ':' << st.st_ctim.tv_sec << '.'
      << st.st_ctim.tv_nsec;
  return out.str();
}

// What the review list of `out_dir` is made from: the records, the
// options and the intake binary that reads them (a new one may list
// differently). "" when a source cannot be read.
std::string SourceStamp(const std::string& out_dir,
                        const ReviewListOptions& options) {
  std::string documents = FileState(DocumentsFile(out_dir));
  std::string passages = FileState(PassagesFile(out_dir));
  std::string binary = FileState("/proc/self/exe");
  if (documents.empty() || passages.empty() || binary.empty()) return "";
  std::ostringstream out;
  out.precision(17);
  out << "intake review stamp " << kStampVersion << "\n"
      << documents << "\n"
      << passages << "\n"
      << binary << "\n"
      << options.seed << ' ' << options.sample_fraction << ' '
      << options.min_sample << "\n";
  return out.str();
}

// The stamp file's text after the review files were written.
std::string WrittenStamp(const std::string& source, const std::string& out_dir,
                         long long listed) {
  return source + std::to_string(listed) + "\n" +
         FileState(ReviewCsvFile(out_dir)) + "\n" +
         FileState(ReviewHtmlFile(out_dir)) + "\n";
}

// Whether the review files are those made from `source`; sets *listed.
bool UpToDate(const std::string& out_dir, const std::string& source,
              long long* listed) {
  if (source.empty()) return false;
  std::ifstream in(ReviewStampFile(out_dir), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string stamp = text.str();
  if (!in || !stamp.starts_with(source)) return false;
  std::istringstream rest(stamp.substr(source.size()));
  long long count = -1;
  if (!(rest >> count) || count < 0) return false;
  if (stamp != WrittenStamp(source, out_dir, count)) return false;
  *listed = count;
  return true;
}

}  // namespace

Status WriteReviewList(const std::string& out_dir,
                       const ReviewListOptions& options, long long* listed) {
  // A run that changed no record would write the same bytes again; reading
  // every passage back to find that out was most of such a run.
  const std::string source = SourceStamp(out_dir, options);
  if (UpToDate(out_dir, source, listed)) return Status::Ok();
  Status s = StreamReviewList(out_dir, options, listed);
  // The stamp only ever saves work: without one the list is made again.
  if (s.ok() && !source.empty()) {
    s = WriteFileAtomically(ReviewStampFile(out_dir),
                            WrittenStamp(source, out_dir, *listed));
  }
  return s;
}

}  // namespace intake
