// The File Information Block at the start of a Word 97-2003 document's
// WordDocument stream ([MS-DOC] 2.5): which table stream to read, whether
// the file is encrypted, how long each story is, and where the piece
// table and the plexes the reader uses lie. Only the fields doc_extractor
// needs; every offset is checked against the stream before use.
#ifndef INTAKE_EXTRACTORS_DOC_FIB_H_
#define INTAKE_EXTRACTORS_DOC_FIB_H_

#include <cstdint>
#include <string_view>

#include "pipeline/status.h"

namespace intake {

// Where a structure lies in the table stream: fc (offset) and lcb (size).
struct FcLcb {
  uint32_t fc = 0;
  uint32_t lcb = 0;
};

struct DocFib {
  uint16_t n_fib = 0;       // format version; 193 (0xC1) for Word 97+
  bool encrypted = false;   // fEncrypted: password protected
  bool obfuscated = false;  // fObfuscated: XOR "encryption"
  bool one_table = false;   // fWhichTblStm: "1Table", else "0Table"
  // Character counts of the stories, in their order in the text
  // ([MS-DOC] 2.4.1): main text, footnotes, headers and footers, macros,
  // comments, endnotes, text boxes, header text boxes.
  uint32_t ccp_text = 0;
  uint32_t ccp_ftn = 0;
  uint32_t ccp_hdd = 0;
  uint32_t ccp_mcr = 0;
  uint32_t ccp_atn = 0;
  uint32_t ccp_edn = 0;
  uint32_t ccp_txbx = 0;
  uint32_t ccp_hdr_txbx = 0;
  FcLcb plcffnd_txt;    // footnote text boundaries
  FcLcb plcf_hdd;       // header and footer story boundaries
  FcLcb plcf_bte_papx;  // paragraph property pages (in WordDocument)
  FcLcb clx;            // the piece table
  FcLcb plcfend_txt;    // endnote text boundaries
  FcLcb plf_lst;        // list definitions, their levels after them
  FcLcb plf_lfo;        // list format overrides (a paragraph's ilfo)
};

// Word 97 and later write nFib 0x00C1 (some early builds 0x00C0); Word 6
// wrote 101 and Word 95 104, with another FIB layout.
inline constexpr uint16_t kOldestWord97Fib = 0x00C0;

// Parses the FIB at the start of `word_document`. Corrupt when the stream
// is too short or lacks the Word signature; Unsupported for Word 6 and 95
// files (nFib below 0xC0), which have no piece table in a table stream.
// An encrypted file gets only its flags: the rest of its FIB is encrypted.
Status ParseFib(std::string_view word_document, DocFib* fib);

// Reads a little-endian unsigned integer of `size` (1, 2 or 4) bytes at
// `pos`; 0 when it would run past the end.
uint32_t ReadLe(std::string_view bytes, size_t pos, int size);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOC_FIB_H_
