// Discover stage: the list of files a run will read, from the paths the
// user named. Folders are walked recursively; the result is sorted so that
// the order the file system returns never changes the output.
//
// Not here: what a file is (identify) or whether it was seen before.
#ifndef INTAKE_PIPELINE_DISCOVER_H_
#define INTAKE_PIPELINE_DISCOVER_H_

#include <string>
#include <vector>

#include "pipeline/status.h"

namespace intake {

// A file the walk found and leaves on purpose: not an error.
struct SkippedFile {
  std::string path;
  std::string reason;
};

struct Discovery {
  std::vector<std::string> files;     // sorted byte-wise, each file once
  std::vector<std::string> problems;  // "path: reason" for unreadable entries
  std::vector<SkippedFile> skipped;   // sorted by path
};

// Walks `inputs` (files or folders). Symbolic links to files are followed;
// links to folders are not, so a link loop cannot trap the walk. Folders
// that cannot be listed and broken links are reported in `problems`. Hidden
// entries (names starting with '.') inside folders are skipped; a path
// named directly is always taken. Anything below `exclude` (the output
// folder, when it sits inside an input) is skipped.
// In a Maildir (pipeline/maildir.h) the messages of cur/ and new/ are
// taken, Maildir++ subfolders are walked though hidden, and the files of
// tmp/ and the server's bookkeeping files go to `skipped`.
// Fails only when an input does not exist at all.
Status Discover(const std::vector<std::string>& inputs,
                const std::string& exclude, Discovery* out);

}  // namespace intake

#endif  // INTAKE_PIPELINE_DISCOVER_H_
