// The two definition tables at the top of an RTF file that change how body
// text reads: the font table (which code page each font's bytes are in)
// and the stylesheet (which paragraph styles are headings).
//
// rtf_extractor.cc feeds them the control words and text of \fonttbl and
// \stylesheet and asks them about the current font or style. They hold no
// formatting a text reader does not need (sizes, colours, families).
#ifndef INTAKE_EXTRACTORS_RTF_DEFINITIONS_H_
#define INTAKE_EXTRACTORS_RTF_DEFINITIONS_H_

#include <map>
#include <string>
#include <string_view>

namespace intake {

class RtfFontTable {
 public:
  // \fN inside \fonttbl: the font the next words and name describe.
  void Define(int font);
  void SetCharset(int charset);     // \fcharsetN
  void SetCodePage(int code_page);  // \cpgN, which wins over the charset
  // Raw bytes of the font name; a ';' ends it.
  void AddNameBytes(std::string_view bytes);

  // The code page of text in `font`: kSymbolCodePage for symbol fonts,
  // `document_code_page` when the font is unknown or names none.
  int CodePageOf(int font, int document_code_page) const;

 private:
  struct Font {
    int charset_code_page = 0;  // from \fcharset; 0 = the document's
    int code_page = 0;          // from \cpg
    bool symbol = false;        // named like a symbol font
  };
  std::map<int, Font> fonts_;
  int defining_ = 0;
  std::string name_;
};

class RtfStyleSheet {
 public:
  // A group inside \stylesheet starts a new entry (style 0 unless \sN).
  void BeginEntry();
  void Define(int style);           // \sN inside \stylesheet
  void SetOutlineLevel(int level);  // \outlinelevelN inside \stylesheet
  // Text of the style name; a ';' ends it.
  void AddNameText(std::string_view utf8);
  // Ends a name the writer left without its ';'.
  void EndEntry();

  // 1..9 when `style` is named "heading N" (Word's built-in names, any
  // case) or has an outline level; 0 otherwise.
  int HeadingLevel(int style) const;

 private:
  void EndName();

  std::map<int, int> levels_;   // style -> heading level, only headings
  std::map<int, int> outline_;  // style -> \outlinelevel
  int defining_ = 0;
  std::string name_;
};

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_RTF_DEFINITIONS_H_
