// Folding a passage for matching: the text the rules see.
//
// Rules are written in lower case without accents, so a passage is matched
// in a folded form: Unicode case folding, compatibility decomposition with
// nonspacing marks dropped (é -> e, ﬁ -> fi), typographic apostrophes and
// dashes unified (’ -> ', – -> -), œ/æ expanded, soft hyphens and zero-width
// characters removed. Every folded UTF-16 unit remembers the code point of
// the original text it came from, so a match in the folded text is reported
// in the original text's code points. The folded text is also split into
// words and sentences (for negation scope).
//
// Not a normaliser for output: nothing folded is ever written to a record.
#ifndef INTAKE_CLASSIFIERS_TEXT_FOLD_H_
#define INTAKE_CLASSIFIERS_TEXT_FOLD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace intake {

// A word: a maximal run of letters, digits and combining marks in the folded
// text. Hyphens, apostrophes and all other punctuation separate words.
struct FoldedToken {
  int32_t begin = 0;  // UTF-16 units into FoldedText::folded
  int32_t end = 0;
  int32_t sentence = 0;  // 0-based sentence number (see FoldText)
};

struct FoldedText {
  std::u16string folded;
  // origin[i] is the code point (of the original text) that folded[i] came
  // from; origin[folded.size()] is the original's code point count.
  std::vector<int32_t> origin;
  // cp_byte[k] is the byte offset of original code point k;
  // cp_byte[count] is the original's byte length.
  std::vector<int32_t> cp_byte;
  std::vector<FoldedToken> tokens;

  std::u16string_view Word(const FoldedToken& token) const {
    return std::u16string_view(folded).substr(token.begin,
                                              token.end - token.begin);
  }
  // The original code points [start, end) that folded units [begin, end)
  // came from. A span ending inside an expansion (the "f" of "ﬁ") covers the
  // whole original character; dropped marks after the span are included.
  // REQUIRES: begin < end <= folded.size().
  int32_t OriginalStart(int32_t begin) const { return origin[begin]; }
  int32_t OriginalEnd(int32_t end) const {
    return origin[end] > origin[end - 1] ? origin[end] : origin[end - 1] + 1;
  }
  // The original text of code points [start, end). `original` must be the
  // text FoldText was given.
  std::string_view OriginalText(std::string_view original, int32_t start,
                                int32_t end) const {
    return original.substr(cp_byte[start], cp_byte[end] - cp_byte[start]);
  }
};

// Folds `utf8` and splits it into words. A sentence ends at "!", "?", ";",
// or at "." followed by a space or the end of the text (so "1.5" and
// "U.N.E.P" do not end one). Invalid UTF-8 sequences count as one code
// point each and fold to U+FFFD. Thread-safe.
FoldedText FoldText(std::string_view utf8);

// Convenience for tests and rule compilation: the folded text as UTF-8.
std::string FoldToUtf8(std::string_view utf8);

// unit[b]: the folded UTF-16 unit that byte b of the folded text as UTF-8
// (FoldToUtf8) belongs to, and folded.size() one past the end: turns a
// position found in FoldToUtf8's bytes (the gazetteer's) into one of
// `folded`.
std::vector<int32_t> FoldedUnitOfByte(const FoldedText& folded);

// Narrows code points [*start, *end) of `text` (folded as `folded`) past
// zero-width characters and soft hyphens at either end: they fold to
// nothing, so a span found next to one would carry it into the text a
// record quotes. Keeps at least one code point.
void TrimInvisibleEnds(std::string_view text, const FoldedText& folded,
                       int32_t* start, int32_t* end);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_TEXT_FOLD_H_
