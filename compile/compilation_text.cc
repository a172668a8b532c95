#include "compile/compilation_text.h"

#include "classifiers/taxonomy.h"

namespace intake {
namespace {

std::string Codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) out += (out.empty() ? "" : " ") + c;
  return out;
}

std::string FileName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

const char kCountsNote[] =
    "Counts are read from the labels of the passages reproduced below "
    "(headings, letter furniture and running heads left out); a letter "
    "received in "
    "several copies counts once. 'submitters': how many submitters have at "
    "least one passage with the code; 'passages': how many passages carry "
    "it. In the table of stances, a submitter is listed when at least one "
    "passage has the stance; the passages the classifier was unsure of and "
    "no reviewer has decided yet are counted 'to review'.";

std::string SubmitterHeading(const Submitter& submitter) {
  if (submitter.name.empty()) return "Submitter not found";
  return submitter.name +
         (submitter.kind == "state" ? " (party)" : " (regional centre)");
}

std::string SubmissionTitle(const Submission& submission) {
  return FileName(submission.document->path);
}

std::vector<std::string> SubmissionMeta(const Submission& submission) {
  const OutputDocument& d = *submission.document;
  std::vector<std::string> lines;
  lines.push_back(d.path + " (" + d.format + ")");
  std::string letter;
  if (!submission.reference.empty()) letter = submission.reference;
  if (!submission.date.empty()) {
    letter += (letter.empty() ? "" : " · ") + submission.date;
  }
  if (!letter.empty()) lines.push_back(letter);
  if (!submission.copies.empty()) {
    std::vector<std::string> paths;
    for (const OutputDocument* c : submission.copies) paths.push_back(c->path);
    lines.push_back("Also received as " + JoinNames(paths));
  }
  if (submission.body.empty()) {
    lines.push_back("No text beyond the letter's furniture (a transmittal).");
  }
  return lines;
}

std::string PassageDisplayText(const OutputPassage& passage) {
  std::string text = passage.text;
  if (!passage.number.empty() && text.rfind(passage.number, 0) != 0) {
    text = passage.number + " " + text;
  }
  if (passage.kind == "footnote") text = "Footnote: " + text;
  return text;
}

std::string LabelLine(const OutputPassage& passage) {
  std::vector<std::string> parts;
  if (!passage.article14.empty()) {
    parts.push_back("article 14: " + Codes(passage.article14));
  }
  if (!passage.activity.empty()) {
    parts.push_back("activity: " + Codes(passage.activity));
  }
  if (!passage.theme.empty()) parts.push_back("theme: " + Codes(passage.theme));
  if (!parts.empty() ||
      (!passage.stance.empty() && passage.stance != kStanceOther)) {
    parts.push_back("stance: " + passage.stance);
  }
  // A reviewer who took every label away decided something the reader
  // should see, not a blank.
  if (parts.empty() && passage.labels_from == "reviewer") return "no labels";
  std::string line;
  for (const std::string& p : parts) line += (line.empty() ? "" : " · ") + p;
  return line;
}

std::string StanceCell(const StanceCount& count) {
  if (count.passages == 0) return "";
  std::string cell = std::to_string(count.passages);
  if (count.to_review > 0) {
    cell += " (" + std::to_string(count.to_review) + " to review)";
  }
  return cell;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string NotReadReason(const OutputDocument& document) {
  return document.error.empty() ? document.status : document.error;
}

const char kOffTopicHeading[] =
    "Documents set apart: they never name mercury or the Convention";
const char kOffTopicNote[] =
    "Not counted as submissions and not in the figures above. Their "
    "passages are at the end of the review list; a reviewer who gives one "
    "of them a label brings the document back at the next compile.";
const char kOffTopicRow[] =
    "Documents set apart (they never name mercury or the Convention)";

std::vector<std::string> OffTopicRow(const SetApart& document) {
  return {document.document->path, document.document->format, document.sender};
}

}  // namespace intake
