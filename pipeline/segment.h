// Segment stage: normalized blocks become passages with a kind, a number
// when they are numbered, and their place in the document.
//
// A passage is what a reader cites: a numbered paragraph "12.", a list item
// "(b)", a heading, a table row, a footnote, a running head, or a piece of
// letter furniture (letter_furniture.h decides those). The number a reader
// sees is part of the passage text.
// Not here: labels (classify) and language (the runner asks language.h).
#ifndef INTAKE_PIPELINE_SEGMENT_H_
#define INTAKE_PIPELINE_SEGMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/passage.h"

namespace intake {

struct LeadingNumber {
  std::string number;  // "12.", "(b)", "(iii)", "II." or "" when none
  std::string rest;    // the text after the number and its space
};

// Splits a paragraph number typed at the start of `text`.
LeadingNumber SplitLeadingNumber(std::string_view text);

// True when `number` numbers a paragraph ("12.", "3.1") rather than a list
// item ("(b)", "iii)", "•").
bool IsParagraphNumber(std::string_view number);

// REQUIRES: blocks from NormalizeBlocks (no block of empty text). One
// passage per block, in block order, with kind, number, text and page set;
// furniture is marked; offsets assigned.
std::vector<Passage> Segment(const std::vector<Block>& blocks);

// Sets start/end of each passage as code point offsets into the document
// body text: the passage texts in order, joined by "\n\n".
void AssignOffsets(std::vector<Passage>* passages);

}  // namespace intake

#endif  // INTAKE_PIPELINE_SEGMENT_H_
