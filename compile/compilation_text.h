// The words the compilation shows around the letters' own text, shared by
// the HTML and the ODT so the two documents say the same: headings,
// the line under each submission, the labels line of a passage.
#ifndef INTAKE_COMPILE_COMPILATION_TEXT_H_
#define INTAKE_COMPILE_COMPILATION_TEXT_H_

#include <string>
#include <vector>

#include "compile/submissions.h"
#include "compile/summary.h"

namespace intake {

// How the counts tables are to be read.
extern const char kCountsNote[];

// The heading and note over the documents set apart as not about the
// Convention (Compilation::off_topic), and their figure's row.
extern const char kOffTopicHeading[];
extern const char kOffTopicNote[];
extern const char kOffTopicRow[];

// "Samoa (party)", "BCRC-Caribbean (regional centre)", or for the last
// group "Submitter not found".
std::string SubmitterHeading(const Submitter& submitter);

// The file name of the copy reproduced.
std::string SubmissionTitle(const Submission& submission);

// Lines under the title: path and format, reference and date of the
// letter, the other copies received.
std::vector<std::string> SubmissionMeta(const Submission& submission);

// The passage as a reader of the letter sees it: a bullet put back in
// front (other numbers are already the start of the text), a footnote
// marked as one.
std::string PassageDisplayText(const OutputPassage& passage);

// "article 14: 14.1 14.2 · activity: e.project · theme: asgm · stance:
// provided"; for a passage with no label and stance other, "" (or "no
// labels" when a reviewer decided so).
std::string LabelLine(const OutputPassage& passage);

// "3", "2 (1 to review)", or "" for none: a cell of the stance table.
std::string StanceCell(const StanceCount& count);

// "a, b and c".
std::string JoinNames(const std::vector<std::string>& names);

// The document's error, else its status.
std::string NotReadReason(const OutputDocument& document);

// A row of the documents set apart: path, format, who sent it.
std::vector<std::string> OffTopicRow(const SetApart& document);

}  // namespace intake

#endif  // INTAKE_COMPILE_COMPILATION_TEXT_H_
