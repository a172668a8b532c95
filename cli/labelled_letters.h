// Labelled passages as the pipeline sees them. A gold file lists each
// letter's passages in letter order under one "letter"; `intake run` would
// have read them as one document's blocks, segmented them and marked the
// letter furniture (letterhead, reference, date, salutation, transmittal,
// closing, signature) from their place in the letter, and the classifier
// leaves furniture unlabelled. `intake eval` and `intake train` classify
// what this returns, so that their figures are what users get and the
// model is never taught to label furniture.
//
// Not here: deciding furniture (pipeline/segment.h and
// letter_furniture.h do, from the text and its place, never from gold
// labels) or language (the gold file's "lang" is kept).
#ifndef INTAKE_CLI_LABELLED_LETTERS_H_
#define INTAKE_CLI_LABELLED_LETTERS_H_

#include <string>
#include <vector>

#include "cli/labelled_passages.h"
#include "pipeline/passage.h"
#include "pipeline/passage_context.h"

namespace intake {

// One Passage per labelled passage, in the same order: the text as the
// segmenter leaves it (a bullet before a list item is dropped, a paragraph
// number kept), its kind (kFurniture with the role in `furniture` where
// the pipeline would mark it) and the gold file's language. Consecutive
// passages with the same non-empty `letter` are segmented together as one
// letter; a passage without `letter` is a letter of its own. A passage of
// blank text stays a paragraph (normalize drops such blocks before
// segment sees them).
std::vector<Passage> SegmentLabelled(
    const std::vector<LabelledPassage>& labelled);

// Index one past the last passage of the letter that starts at `first`:
// consecutive passages with the same non-empty `letter`, or `first` alone.
// REQUIRES: first < labelled.size().
size_t LabelledLetterEnd(const std::vector<LabelledPassage>& labelled,
                         size_t first);

// One letter's lines, in letter order, as the segmenter makes them from one
// document's body blocks: one Passage per line, in the same order (lang
// left empty). A line with " | " is a table row. Blank lines are left out
// of the blocks, as normalize leaves them out, and come back as plain
// paragraphs.
std::vector<Passage> SegmentLetterLines(const std::vector<std::string>& lines);

// The context of each passage SegmentLabelled returned (`seen`), read
// within its letter as `intake run` reads it within its document.
std::vector<PassageContext> LabelledContexts(
    const std::vector<LabelledPassage>& labelled,
    const std::vector<Passage>& seen);

// Labelled passages beside what the pipeline makes of them, index for
// index: the passage as segmented and its context. What `intake eval` and
// `intake train` classify, from gold files (below) or from reviewers'
// decisions (cli/reviewed_passages.h).
struct LabelledReading {
  std::vector<LabelledPassage> labelled;
  std::vector<Passage> seen;
  std::vector<PassageContext> contexts;
};

// Appends `labelled`, read letter by letter by SegmentLabelled and
// LabelledContexts.
void AppendLabelledLetters(std::vector<LabelledPassage> labelled,
                           LabelledReading* out);

}  // namespace intake

#endif  // INTAKE_CLI_LABELLED_LETTERS_H_
