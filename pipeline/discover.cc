#include "pipeline/discover.h"

#include <algorithm>
#include <filesystem>

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

void WalkFolder(const fs::path& root, const fs::path& exclude, Discovery* out) {
  std::error_code ec;
  auto options = fs::directory_options::skip_permission_denied;
  fs::recursive_directory_iterator it(root, options, ec), end;
  if (ec) {
    out->problems.push_back(root.string() + ": " + ec.message());
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      out->problems.push_back(it->path().string() + ": " + ec.message());
      ec.clear();
      continue;
    }
    const fs::path& p = it->path();
    bool is_dir = it->is_directory(ec) && !it->is_symlink(ec);
    if (IsHidden(p) || IsBelow(Canonical(p), exclude)) {
      if (is_dir) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out->files.push_back(p.string());
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
  out->files.erase(std::unique(out->files.begin(), out->files.end()),
                   out->files.end());
  return Status::Ok();
}

}  // namespace intake
