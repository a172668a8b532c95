#include "pipeline/maildir.h"

namespace intake {
namespace fs = std::filesystem;

namespace {

bool IsFolder(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

}  // namespace

bool IsMaildir(const fs::path& dir) {
  return IsFolder(dir / "cur") && IsFolder(dir / "new");
}

bool IsMaildirSubfolder(const fs::path& dir) {
  std::string name = dir.filename().string();
  return name.size() > 1 && name[0] == '.' && name != ".." && IsMaildir(dir);
}

std::string MaildirSkipReason(const fs::path& entry, bool is_folder) {
  if (is_folder) {
    // The server renames a message into new/ once it is whole; until
    // then the file in tmp/ may be cut short.
    return entry.filename() == "tmp" ? kMaildirDeliveryInProgress : "";
  }
  // Messages live only in cur/ and new/; files beside them are the mail
  // server's indexes and lists, which would read as junk documents.
  return "Maildir bookkeeping file, not a message";
}

}  // namespace intake
