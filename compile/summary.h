// The figures a report on the submissions needs (the seed note, section
// II): how many submissions and submitters, which parties, who describes
// needs and who describes support provided or received, and in which
// areas. Read from the labels of the passages the compilation reproduces
// (headings aside: the passages under them are counted),
// so a reviewer's correction changes the figures too, and a letter
// received twice is counted once.
#ifndef INTAKE_COMPILE_SUMMARY_H_
#define INTAKE_COMPILE_SUMMARY_H_

#include <string>
#include <vector>

#include "compile/submissions.h"

namespace intake {

struct CodeCount {
  std::string code;          // a taxonomy code, or an activity group "a".."e"
  long long passages = 0;    // body passages that carry it
  long long submitters = 0;  // submitters with at least one such passage
};

// How many body passages of one submitter have a stance, and how many of
// those the classifier flagged for a person to check: one doubtful passage
// is enough to put a submitter on a list, so the table shows the evidence.
struct StanceCount {
  long long passages = 0;
  long long to_review = 0;  // needs_review, not yet decided by a reviewer
};

struct SubmitterStances {
  std::string name;
  StanceCount need, provided, received;
};

struct CompilationSummary {
  long long submissions = 0;   // letters, each once however many copies
  long long documents = 0;     // the files those letters came in
  long long submitters = 0;    // found submitters (the unnamed group aside)
  long long unattributed = 0;  // submissions whose writer was not found
  long long not_read = 0;      // documents that could not be read
  long long off_topic = 0;     // documents set apart: never name mercury
  std::vector<std::string> parties;  // States, alphabetical
  std::vector<std::string> others;   // regional centres and other writers
  // Submitters with at least one passage of that stance, alphabetical.
  std::vector<std::string> need, provided, received;
  // Every named submitter, alphabetical, with its passages per stance.
  std::vector<SubmitterStances> stances;
  // Every code of the taxonomy, in its order, zero counts included, so a
  // reader sees what no submission spoke to.
  std::vector<CodeCount> article14, activity_groups, themes;
};

CompilationSummary Summarize(const Compilation& compilation);

// What a code stands for, in a few words, for tables and charts:
// `dimension` is "article14", "theme" or "group" (an activity group
// "a".."e"). "" for a code it does not know.
std::string CodeName(const std::string& dimension, const std::string& code);

}  // namespace intake

#endif  // INTAKE_COMPILE_SUMMARY_H_
