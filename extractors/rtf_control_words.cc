// RtfReader's control-word handling: what each formatting and text word
// (\par, \cell, \f, \uN, \'hh, ...) does to the group state and the
// story. Destination words go to OnDestination in rtf_reader.cc.
#include <algorithm>

#include "extractors/rtf_reader.h"

namespace intake::rtf {

void RtfReader::OnWord(const RtfToken& t) {
  RtfWordInfo info = LookupRtfWord(t.text);
  if (IsDestination(info.word)) {
    OnDestination(info.word);
    return;
  }
  GroupState& s = state();
  int param = t.param;
  bool on = !t.has_param || param != 0;
  switch (info.word) {
    case RtfWord::kPar:
      if (s.dest == Dest::kText) s.story->EndParagraph(Props());
      break;
    case RtfWord::kLine:
      AddUtf8("\n");
      break;
    case RtfWord::kTab:
      AddUtf8("\t");
      break;
    case RtfWord::kCell:
    case RtfWord::kNestCell:
      if (s.dest != Dest::kText) break;
      s.story->EndCell(info.word == RtfWord::kCell ? 1 : std::max(2, s.itap));
      break;
    case RtfWord::kRow:
    case RtfWord::kNestRow:
      if (s.dest != Dest::kText) break;
      s.story->EndRow(info.word == RtfWord::kRow ? 1 : std::max(2, s.itap));
      break;
    case RtfWord::kChar:
      if (info.c != 0) AddChar(info.c);
      break;
    case RtfWord::kPard:
      s.style = 0;
      s.outline = -1;
      s.in_table = false;
      s.itap = 0;
      break;
    case RtfWord::kPlain:
      s.font = -1;
      s.hidden = false;
      break;
    case RtfWord::kInTable:
      s.in_table = true;
      break;
    case RtfWord::kItap:
      s.itap = param < 0 ? 0 : param;
      break;
    case RtfWord::kStyle:
      if (s.dest == Dest::kStyleSheet) {
        styles_.Define(param);
      } else {
        s.style = param;
      }
      break;
    case RtfWord::kOutlineLevel:
      if (s.dest == Dest::kStyleSheet) {
        styles_.SetOutlineLevel(param);
      } else {
        s.outline = param;
      }
      break;
    case RtfWord::kFont:
      if (s.dest == Dest::kFontTable) {
        fonts_.Define(param);
      } else {
        s.font = param;
      }
      break;
    case RtfWord::kDefaultFont:
      default_font_ = param;
      break;
    case RtfWord::kCharset:
      if (s.dest == Dest::kFontTable) fonts_.SetCharset(param);
      break;
    case RtfWord::kFontCodePage:
      if (s.dest == Dest::kFontTable) fonts_.SetCodePage(param);
      break;
    case RtfWord::kAnsiCodePage:
      if (param > 0) document_code_page_ = param;
      break;
    case RtfWord::kAnsi:
      document_code_page_ = kDefaultCodePage;
      break;
    case RtfWord::kMac:
      document_code_page_ = 10000;
      break;
    case RtfWord::kPc:
      document_code_page_ = 437;
      break;
    case RtfWord::kPca:
      document_code_page_ = 850;
      break;
    case RtfWord::kHidden:
    case RtfWord::kDeleted:
      s.hidden = on;
      break;
    case RtfWord::kYear:
    case RtfWord::kMonth:
    case RtfWord::kDay:
    case RtfWord::kHour:
    case RtfWord::kMinute:
    case RtfWord::kSecond:
      if (s.dest == Dest::kCreated) {
        date_[static_cast<int>(info.word) - static_cast<int>(RtfWord::kYear)] =
            param;
      }
      break;
    default:
      break;  // formatting a text reader does not need
  }
}

void RtfReader::OnSymbol(char symbol) {
  switch (symbol) {
    case '\\':
    case '{':
    case '}':
      AddChar(static_cast<unsigned char>(symbol));
      break;
    case '~':
      AddChar(U'\u00A0');
      break;
    case '_':
      AddChar(U'-');  // as the DOCX reader renders w:noBreakHyphen
      break;
    case '\t':
      AddUtf8("\t");
      break;
    default:
      break;  // \- (soft hyphen, shown only at a line end), \| \: formulas
  }
}

void RtfReader::OnUnicode(int32_t unit) {
  char16_t u = static_cast<char16_t>(unit);
  if (u >= 0xD800 && u <= 0xDBFF) {
    high_surrogate_ = u;
    return;
  }
  char32_t c = u;
  if (u >= 0xDC00 && u <= 0xDFFF) {
    if (high_surrogate_ == 0) return;  // a lone low surrogate shows nothing
    c = 0x10000 + ((static_cast<char32_t>(high_surrogate_) - 0xD800) << 10) +
        (u - 0xDC00);
  }
  high_surrogate_ = 0;
  if (CurrentCodePage() == kSymbolCodePage && c >= 0xF000 && c <= 0xF0FF) {
    char32_t symbol = SymbolFontChar(static_cast<unsigned>(c));
    if (symbol != 0) c = symbol;
  }
  // U+FEFF is an invisible byte order mark some writers leave in text.
  if (c == 0xFEFF || c == 0xFFFE || c == 0xFFFF || (c < 0x20 && c != '\t'))
    return;
  AddChar(c);
}

}  // namespace intake::rtf
