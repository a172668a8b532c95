// What the RTF control words intake cares about mean, as one table: the
// destinations it reads or skips, the words that end paragraphs, cells and
// rows, the formatting words that matter for text (fonts, styles, hidden
// text), and the words that stand for one character (\emdash, \bullet...).
//
// Every control word not in the table is formatting a text reader can
// ignore; as a destination after \* it is skipped whole. Adding support
// for a word starts here. The meaning is applied in rtf_extractor.cc.
#ifndef INTAKE_EXTRACTORS_RTF_WORDS_H_
#define INTAKE_EXTRACTORS_RTF_WORDS_H_

#include <string_view>

namespace intake {

enum class RtfWord {
  kUnknown,
  // Destinations: the group they open holds something else than body text.
  kSkipDestination,  // pictures, tables of colours, lists, comments...
  kFontTable,
  kStyleSheet,
  kInfo,
  kTitle,
  kAuthor,
  kCreated,   // \creatim
  kFootnote,  // also endnotes (\footnote\ftnalt)
  kHeader,    // \header, \headerl, \headerr, \headerf
  kFooter,
  kNumberText,   // \listtext, \pntext: the rendered list number
  kTransparent,  // \fldrslt, \shptxt...: text of the enclosing story
  kUnicodePair,  // \upr: an ANSI text followed by its \ud twin
  kUnicodeText,  // \ud
  // Structure.
  kPar,  // \par, \sect, \page
  kLine,
  kTab,
  kCell,
  kNestCell,
  kRow,
  kNestRow,
  kChar,  // one character, RtfWordInfo::c
  // Formatting that changes what or how text is read.
  kPard,
  kPlain,
  kInTable,
  kItap,
  kStyle,  // \sN
  kOutlineLevel,
  kFont,
  kDefaultFont,
  kCharset,       // \fcharsetN, in the font table
  kFontCodePage,  // \cpgN, in the font table
  kAnsiCodePage,
  kAnsi,
  kMac,
  kPc,
  kPca,
  kHidden,   // \v
  kDeleted,  // tracked deletion
  kYear,
  kMonth,
  kDay,
  kHour,
  kMinute,
  kSecond,
};

struct RtfWordInfo {
  RtfWord word = RtfWord::kUnknown;
  char32_t c = 0;  // for kChar; 0 means the word shows nothing
};

RtfWordInfo LookupRtfWord(std::string_view name);

// True for the words that open a destination group.
bool IsDestination(RtfWord word);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_RTF_WORDS_H_
