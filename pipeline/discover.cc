#include "pipeline/discover.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "pipeline/maildir.h"

namespace intake {
namespace fs = std::filesystem;
namespace {

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

bool IsBelow(const fs::path& p, const fs::path& dir) {
  if (dir.empty()) return false;
  auto [d, q] = std::mismatch(dir.begin(), dir.end(), p.begin(), p.end());
  return d == dir.end();
}

fs::path Canonical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? p : c;
}

// Lists the files of a Maildir's tmp/ as skipped, so the log says which
// deliveries were left for the next run.
void SkipFolder(const fs::path& dir, const std::string& reason,
                Discovery* out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    if (it->is_regular_file(file_ec)) {
      out->skipped.push_back({it->path().string(), reason});
    }
  }
  if (ec) {
    out->problems.push_back(dir.string() + ": cannot list: " + ec.message());
  }
}

// Walks one folder tree with plain directory iterators so that every
// entry that cannot be listed or followed is reported, never dropped.
void WalkFolder(const fs::path& root, const fs::path& exclude, Discovery* out) {
  std::vector<fs::path> pending = {root};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      out->problems.push_back(dir.string() + ": cannot list: " + ec.message());
      continue;
    }
    bool maildir = IsMaildir(dir);
    for (; it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (IsHidden(p) && !(maildir && IsMaildirSubfolder(p))) continue;
      std::error_code link_ec, target_ec;
      bool is_link = it->is_symlink(link_ec);
      fs::file_status target = fs::status(p, target_ec);
      if (target_ec) {
        out->problems.push_back(p.string() + ": " +
                                (is_link ? "broken link: " : "cannot read: ") +
                                target_ec.message());
        continue;
      }
      if (IsBelow(Canonical(p), exclude)) continue;
      std::string skip = maildir
                             ? MaildirSkipReason(p, fs::is_directory(target))
                             : std::string();
      if (!skip.empty()) {
        if (fs::is_directory(target)) {
          SkipFolder(p, skip, out);
        } else {
          out->skipped.push_back({p.string(), skip});
        }
      } else if (fs::is_directory(target)) {
        // Links to folders are not followed: a link loop cannot trap the
        // walk, and a tree is read once.
        if (!is_link) pending.push_back(p);
      } else if (fs::is_regular_file(target)) {
        out->files.push_back(p.string());
      }
    }
    if (ec) {
      out->problems.push_back(dir.string() +
                              ": listing stopped: " + ec.message());
    }
  }
}

}  // namespace

Status Discover(const std::vector<std::string>& inputs,
                const std::string& exclude, Discovery* out) {
  fs::path excluded = exclude.empty() ? fs::path() : Canonical(exclude);
  for (const std::string& input : inputs) {
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      return Status::NotFound(input + ": no such file or folder");
    }
    if (fs::is_directory(st)) {
      WalkFolder(input, excluded, out);
    } else if (fs::is_regular_file(st)) {
      out->files.push_back(input);
    } else {
      out->problems.push_back(input + ": not a regular file or folder");
    }
  }
  std::sort(out->files.begin(), out->files.end());
  // One file named twice ("in" and "./in/a.pdf") is read once, at the
  // first spelling in byte order; it is not a copy of itself.
  std::set<fs::path> spelled;
  std::vector<std::string> once;
  for (std::string& file : out->files) {
    if (spelled.insert(fs::path(file).lexically_normal()).second) {
      once.push_back(std::move(file));
    }
  }
  out->files = std::move(once);
  std::sort(out->skipped.begin(), out->skipped.end(),
            [](const SkippedFile& a, const SkippedFile& b) {
              return a.path < b.path;
            });
  return Status::Ok();
}

}  // namespace intake
