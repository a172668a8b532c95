// Maildir folders, as mail servers (Dovecot, Courier, Postfix) keep a
// mailbox: one file per message in cur/ (seen) and new/ (not yet seen),
// deliveries still being written in tmp/, Maildir++ subfolders as hidden
// ".Name" folders beside them, and the server's own bookkeeping files
// (dovecot-uidlist, maildirfolder, ...) at the top.
//
// What discover needs to walk one: which entries hold messages and why
// the others are left. Not here: reading a message, which identify and the
// mail extractor do from its bytes, as for any .eml file.
#ifndef INTAKE_PIPELINE_MAILDIR_H_
#define INTAKE_PIPELINE_MAILDIR_H_

#include <filesystem>
#include <string>

namespace intake {

// True when `dir` has both a cur/ and a new/ folder. tmp/ is not asked
// for: it is often empty, and copies (git, some backups) drop empty
// folders.
bool IsMaildir(const std::filesystem::path& dir);

// True for a Maildir++ subfolder (".Submissions.2021") of a Maildir: a
// hidden folder that is itself a Maildir. The walk enters it although
// hidden entries are otherwise left.
bool IsMaildirSubfolder(const std::filesystem::path& dir);

// Why an entry directly inside a Maildir is not read, or "" when it is
// walked as any other (cur/, new/, other folders).
// REQUIRES: the parent of `entry` IsMaildir.
std::string MaildirSkipReason(const std::filesystem::path& entry,
                              bool is_folder);

// The reason given for each file in a Maildir's tmp/.
inline constexpr char kMaildirDeliveryInProgress[] =
    "Maildir tmp/: a delivery in progress, not a message yet";

}  // namespace intake

#endif  // INTAKE_PIPELINE_MAILDIR_H_
