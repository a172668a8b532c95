// Normalize stage: clean text as extracted into text fit for segmenting and
// matching, and fix what page layout did to the flow of the document.
//
// In order: valid UTF-8, NFC, ligatures and invisible characters, running
// headers/footers and page numbers marked (page_furniture.h), line ends
// joined (hyphenated words rejoined, white space folded), paragraphs cut by
// a page break joined back (page_breaks.h).
// Not here: deciding what a passage is (segment) or its language.
#ifndef INTAKE_PIPELINE_NORMALIZE_H_
#define INTAKE_PIPELINE_NORMALIZE_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/word_lists.h"

namespace intake {

// Valid UTF-8 (bad bytes become U+FFFD), NFC, ligatures spelled out, soft
// hyphens, zero-width and control characters dropped, no-break and other
// spaces made plain spaces. Line breaks ('\n') are kept.
std::string CleanText(std::string_view raw);

// Joins the lines of one block: a word hyphenated at a line end is
// rejoined ("capa-\ncity" -> "capacity") unless `hyphenated_words` (folded
// to lower case) holds the hyphenated form, which means the document writes
// that word with a hyphen ("capacity-\nbuilding" -> "capacity-building"),
// or `dictionary` (optional) says it is a compound: the join is no word
// and the part after the hyphen is one ("mercury-\nfree" stays). A hyphen
// before a capital or a digit is always kept ("Asia-\nPacific").
// Runs of white space become one space; the result is trimmed.
std::string JoinLines(std::string_view text,
                      const std::set<std::string>& hyphenated_words,
                      const Dictionary* dictionary = nullptr);

// The hyphenated words ("capacity-building") written within lines anywhere
// in `blocks`, in lower case.
std::set<std::string> CollectHyphenatedWords(const std::vector<Block>& blocks);

// The whole stage. Drops blocks left empty. `words` (optional, borrowed
// for the call) judges line-end hyphens by the dictionary of the
// document's language; without it, or in a language it has no dictionary
// for, hyphens are judged by the rule alone.
std::vector<Block> NormalizeBlocks(std::vector<Block> blocks,
                                   const WordLists* words = nullptr);

}  // namespace intake

#endif  // INTAKE_PIPELINE_NORMALIZE_H_
