// The text of a Word 97-2003 document through its piece table ([MS-DOC]
// 2.4.1, 2.9.38 Clx): each piece maps a run of character positions (CPs)
// to bytes of the WordDocument stream, either 8-bit ("compressed",
// Windows-1252) or UTF-16LE. Gives every character with the stream offset
// (FC) it came from, which paragraph properties are keyed by. Not what the
// characters mean: doc_story.h turns marks and fields into blocks.
#ifndef INTAKE_EXTRACTORS_DOC_PIECES_H_
#define INTAKE_EXTRACTORS_DOC_PIECES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/doc_fib.h"
#include "pipeline/status.h"

namespace intake {

struct DocChar {
  char16_t unit = 0;  // one UTF-16 code unit
  uint32_t fc = 0;    // its byte offset in the WordDocument stream
};

// Decodes CPs [0, cp_count) through the piece table at `clx` in `table`.
// Pieces that point outside `word_document` end the text there with a
// warning; a piece table that is missing or malformed, or more characters
// than the WordDocument stream has bytes, is Corrupt.
Status ReadPieces(std::string_view word_document, std::string_view table,
                  FcLcb clx, uint64_t cp_count, std::vector<DocChar>* out,
                  std::vector<std::string>* warnings);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOC_PIECES_H_
