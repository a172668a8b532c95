// The RTF lexer: bytes of an RTF file in, tokens out (group braces, control
// words with their parameter, control symbols, runs of plain text, \'hh
// bytes, \uN code units, \bin data).
//
// It owns the few lexical rules that depend on state: the \ucN skip count
// (saved and restored with groups) that hides the fallback text after \uN,
// the \binN byte count, and the group depth, which it bounds so hostile
// nesting stops early. It knows nothing of destinations, fonts, code pages
// or paragraphs: rtf_extractor.cc gives tokens their meaning. Every token
// costs time linear in its length; nothing recurses.
#ifndef INTAKE_EXTRACTORS_RTF_TOKENIZER_H_
#define INTAKE_EXTRACTORS_RTF_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace intake {

enum class RtfTokenKind {
  kEnd,            // end of data, or the depth limit was hit (see status())
  kGroupStart,     // {
  kGroupEnd,       // }
  kControlWord,    // \name or \nameN; `text` is the name
  kControlSymbol,  // \ followed by one non-letter; `symbol` is that byte
  kText,           // plain bytes in the current code page; no CR or LF
  kByte,           // \'hh; `param` is the byte value 0..255
  kUnicode,        // \uN; `param` is a UTF-16 code unit 0..0xFFFF
  kBinary,         // \binN; `text` is the raw data (may be cut short)
};

struct RtfToken {
  RtfTokenKind kind = RtfTokenKind::kEnd;
  // Name of a control word, bytes of a text run or of \bin data. A view
  // into the tokenizer's input (or a static string), valid as long as it.
  std::string_view text;
  bool has_param = false;
  // Parameter of a control word, saturated to the int32 range.
  int32_t param = 0;
  char symbol = 0;
};

class RtfTokenizer {
 public:
  // REQUIRES: `data` outlives the tokenizer. `max_depth` is the deepest
  // group nesting accepted (ExtractLimits::max_xml_depth).
  RtfTokenizer(std::string_view data, int max_depth);

  // The next token; kEnd forever after the data ends or the limit is hit.
  // The fallback text after \uN (\ucN tokens, default 1) is consumed here
  // and never returned; a brace ends it early, as the specification says.
  RtfToken Next();

  // LimitExceeded once the group depth limit was passed, else ok.
  const Status& status() const { return status_; }
  // Groups open now. After kEnd, the groups a truncated file left open.
  int depth() const { return depth_; }
  // True when a \binN asked for more bytes than the data had.
  bool binary_truncated() const { return binary_truncated_; }

 private:
  RtfToken Lex();
  RtfToken LexControl();
  RtfToken LexText();

  std::string_view data_;
  size_t pos_ = 0;
  int max_depth_;
  int depth_ = 0;
  // \uc value per open group; back() is the current one.
  std::vector<int32_t> uc_;
  // Fallback characters still to skip after the last \uN.
  int64_t skip_ = 0;
  bool binary_truncated_ = false;
  Status status_;
};

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_RTF_TOKENIZER_H_
