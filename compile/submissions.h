// Which letters were received from whom: the documents of a run's records
// grouped into submissions, and the submissions into submitters, in the
// order the compilation shows them (docs/compile.md).
//
// A submission is one letter as the secretariat received it. The same
// letter sent twice, or in two formats (a signed PDF and its Word file), is
// one submission: documents of the same submitter whose reference lines
// ("Ref.: ...") are the same, or, when one of them has none, whose date
// lines are the same. One copy is reproduced and the others are named; a
// reviewer's decision on a passage of any copy holds for the same text in
// the copy reproduced, since the review list shows every copy.
// Containers with no text of their own (ZIP, mbox) and e-mail messages
// that carry attachments (the envelope of the letters attached) are not
// submissions; documents that could not be read, and letters that never
// name the Convention's subject and no reviewer has labelled, are listed
// apart.
//
// This module only groups; the figures are summary.h, the documents
// compilation_html.h and compilation_odt.h.
#ifndef INTAKE_COMPILE_SUBMISSIONS_H_
#define INTAKE_COMPILE_SUBMISSIONS_H_

#include <deque>
#include <string>
#include <vector>

#include "review/output_records.h"

namespace intake {

struct Submission {
  const OutputDocument* document = nullptr;   // the copy reproduced
  std::vector<const OutputDocument*> copies;  // the same letter, elsewhere
  // The passages of `document` a reader of the letter sees as its body:
  // not letter furniture, not running heads and page numbers.
  std::vector<const OutputPassage*> body;
  std::string reference;  // the letter's "Ref.:" line, "" when none
  std::string date;       // the letter's date line, "" when none
};

struct Submitter {
  // Empty name for the final group: documents whose writer was not found.
  std::string name, code, kind;  // kind: "state" or "regional_centre"
  std::vector<Submission> submissions;
};

// A document set apart as not about the Convention, with who sent it: the
// submitter when one was found, else the From of the e-mail it is or came
// in (such mail rarely names a State), else "".
struct SetApart {
  const OutputDocument* document = nullptr;
  std::string sender;
};

struct Compilation {
  // Alphabetical by name (ICU root collation), the unnamed group last.
  std::vector<Submitter> submitters;
  // Documents not read (a failed status), in output order.
  std::vector<const OutputDocument*> not_read;
  // The documents of letters none of whose copies names the Convention's
  // subject (convention_subject "not_named": no passage names mercury,
  // Minamata...), that came in no mail or archive that names it, and to
  // none of whose passages a reviewer gave a label or a direction of
  // support: mail that is not a submission, shown apart so that a person
  // can still see it. In the order the letters were first found.
  std::vector<SetApart> off_topic;
  // Passages of reproduced copies that carry a reviewer's labels decided
  // on another copy of the letter (`Submission::body` points here).
  std::deque<OutputPassage> decided_on_copies;
};

// REQUIRES: `records` outlives the compilation (it holds pointers into it).
// The compilation may be moved, not copied.
Compilation CompileSubmissions(const OutputRecords& records);

// "body" passages: what the compilation reproduces and counts.
bool IsBodyPassage(const OutputPassage& passage);

}  // namespace intake

#endif  // INTAKE_COMPILE_SUBMISSIONS_H_
