#include "extractors/rtf_extractor.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "extractors/extraction_guard.h"
#include "extractors/rtf_codepage.h"
#include "extractors/rtf_definitions.h"
#include "extractors/rtf_story.h"
#include "extractors/rtf_tokenizer.h"
#include "extractors/rtf_words.h"
#include "extractors/story_blocks.h"

namespace intake {
namespace {

// Where the text of the current group goes.
enum class Dest {
  kText,        // the group's story
  kSkip,        // nowhere
  kFontTable,   // nowhere, but \f, \fcharset and \cpg define fonts
  kStyleSheet,  // style names, up to each ';'
  kInfo,        // nowhere, but \title, \author and \creatim are read
  kField,       // field_ (a title, an author, a list number)
  kCreated,     // nowhere, but \yr, \mo... are read
};

// What to do when the group that opened a destination closes.
enum class Closer {
  kNone,
  kFootnote,
  kHeader,
  kFooter,
  kNumber,
  kTitle,
  kAuthor,
  kCreated
};

// Formatting saved and restored with groups, as RTF defines it.
struct GroupState {
  Dest dest = Dest::kText;
  Dest upr_parent = Dest::kText;  // where the \ud inside an \upr goes
  Closer closer = Closer::kNone;
  RtfStory* story = nullptr;
  int font = -1;  // -1: the default font
  int style = 0;
  int outline = -1;
  bool in_table = false;
  int itap = 0;
  bool hidden = false;
  bool in_info = false;  // \info text is in the document's code page
  bool at_start = true;  // nothing read yet in this group
  bool star = false;     // a \* opened this group
};

class RtfReader {
 public:
  RtfReader(std::string_view data, const ExtractLimits& limits, Extraction* out)
      : tokenizer_(data, limits.max_xml_depth), out_(out) {}

  Status Run();

 private:
  void OnToken(const RtfToken& t);
  void OnGroupStart();
  void OnGroupEnd();
  void OnWord(const RtfToken& t);
  void OnDestination(RtfWord word);
  void OnSymbol(char symbol);
  void OnUnicode(int32_t unit);
  void RunCloser(const GroupState& s);

  void AddBytes(std::string_view bytes);
  void AddChar(char32_t c);
  void AddUtf8(std::string_view utf8);
  void Flush();

  RtfStory* NewStory();
  int CurrentCodePage() const;
  RtfParagraphProps Props() const;
  void AddHeaderFooter(RtfStory* story, bool header);
  void AddNote(RtfStory* story);
  bool NothingRead() const;

  GroupState& state() { return stack_.back(); }
  const GroupState& state() const { return stack_.back(); }

  RtfTokenizer tokenizer_;
  Extraction* out_;
  std::vector<GroupState> stack_;
  std::vector<std::unique_ptr<RtfStory>> stories_;
  CodePageDecoder decoder_;
  std::string pending_;  // undecoded bytes of the current text run
  int pending_code_page_ = 0;
  char16_t high_surrogate_ = 0;
  std::set<int> unknown_code_pages_;

  int document_code_page_ = kDefaultCodePage;
  int default_font_ = 0;
  RtfFontTable fonts_;
  RtfStyleSheet styles_;
  std::string field_;
  int date_[6] = {0, 0, 0, 0, 0, 0};  // \creatim: yr mo dy hr min sec
  bool root_closed_ = false;
  bool text_after_end_ = false;

  std::vector<Block> headers_;
  std::vector<Block> footers_;
  std::vector<Block> notes_;
  std::set<std::string> seen_header_footers_;
};

RtfStory* RtfReader::NewStory() {
  stories_.push_back(std::make_unique<RtfStory>());
  return stories_.back().get();
}

int RtfReader::CurrentCodePage() const {
  if (state().in_info) return document_code_page_;
  int font = state().font >= 0 ? state().font : default_font_;
  return fonts_.CodePageOf(font, document_code_page_);
}

RtfParagraphProps RtfReader::Props() const {
  RtfParagraphProps p;
  const GroupState& s = state();
  if (s.outline >= 0 && s.outline < 9) {
    p.heading_level = s.outline + 1;
  } else {
    p.heading_level = styles_.HeadingLevel(s.style);
  }
  p.table_level = s.itap > 0 ? s.itap : (s.in_table ? 1 : 0);
  return p;
}

void RtfReader::AddBytes(std::string_view bytes) {
  Dest d = state().dest;
  if (d == Dest::kFontTable) {
    fonts_.AddNameBytes(bytes);
    return;
  }
  if (d == Dest::kSkip || d == Dest::kInfo || d == Dest::kCreated ||
      state().hidden) {
    return;
  }
  int code_page = CurrentCodePage();
  if (!pending_.empty() && code_page != pending_code_page_) Flush();
  pending_code_page_ = code_page;
  pending_ += bytes;
}

void RtfReader::Flush() {
  if (pending_.empty()) return;
  std::string utf8;
  if (!decoder_.Decode(pending_code_page_, pending_, &utf8) &&
      unknown_code_pages_.insert(pending_code_page_).second) {
    out_->warnings.push_back("code page " + std::to_string(pending_code_page_) +
                             " unknown to ICU: read as windows-1252");
  }
  pending_.clear();
  AddUtf8(utf8);
}

void RtfReader::AddChar(char32_t c) {
  std::string utf8;
  AppendUtf8(c, &utf8);
  AddUtf8(utf8);
}

void RtfReader::AddUtf8(std::string_view utf8) {
  GroupState& s = state();
  if (s.hidden || utf8.empty()) return;
  switch (s.dest) {
    case Dest::kText:
      if (root_closed_ && stack_.size() == 1 && !Trim(utf8).empty())
        text_after_end_ = true;
      s.story->Append(utf8, Props());
      break;
    case Dest::kField:
      field_ += utf8;
      break;
    case Dest::kStyleSheet:
      styles_.AddNameText(utf8);
      break;
    default:
      break;
  }
}

void RtfReader::OnToken(const RtfToken& t) {
  // \* marks an optional destination only as the first thing in a group;
  // elsewhere writers' stray \* must not hide the rest of the group.
  bool star = state().star;
  bool at_start = state().at_start;
  state().star = false;
  state().at_start = false;
  if (t.kind == RtfTokenKind::kText) {
    high_surrogate_ = 0;
    AddBytes(t.text);
    return;
  }
  if (t.kind == RtfTokenKind::kByte) {
    high_surrogate_ = 0;
    char byte = static_cast<char>(t.param);
    AddBytes(std::string_view(&byte, 1));
    return;
  }
  Flush();
  if (t.kind != RtfTokenKind::kUnicode) high_surrogate_ = 0;
  if (t.kind == RtfTokenKind::kControlSymbol && t.symbol == '*') {
    state().star = at_start;
    state().at_start = at_start;  // the destination word still comes first
    return;
  }
  switch (t.kind) {
    case RtfTokenKind::kGroupStart:
      OnGroupStart();
      break;
    case RtfTokenKind::kGroupEnd:
      OnGroupEnd();
      break;
    case RtfTokenKind::kControlWord:
      if (star && !IsDestination(LookupRtfWord(t.text).word)) {
        state().dest = Dest::kSkip;  // an optional destination we do not know
      } else {
        OnWord(t);
      }
      break;
    case RtfTokenKind::kControlSymbol:
      OnSymbol(t.symbol);
      break;
    case RtfTokenKind::kUnicode:
      OnUnicode(t.param);
      break;
    default:
      break;  // \bin data is never text
  }
}

void RtfReader::OnGroupStart() {
  GroupState child = state();
  child.closer = Closer::kNone;
  child.at_start = true;
  child.star = false;
  stack_.push_back(child);
  if (child.dest == Dest::kStyleSheet) styles_.BeginEntry();
}

void RtfReader::OnGroupEnd() {
  if (stack_.size() <= 1) return;  // a stray brace after the end
  GroupState closed = std::move(stack_.back());
  stack_.pop_back();
  if (closed.dest == Dest::kStyleSheet) styles_.EndEntry();
  RunCloser(closed);
  if (stack_.size() == 1) root_closed_ = true;
}

void RtfReader::RunCloser(const GroupState& s) {
  switch (s.closer) {
    case Closer::kNone:
      break;
    case Closer::kFootnote:
      AddNote(s.story);
      break;
    case Closer::kHeader:
    case Closer::kFooter:
      AddHeaderFooter(s.story, s.closer == Closer::kHeader);
      break;
    case Closer::kNumber:
      s.story->SetNumber(std::string(Trim(field_)));
      break;
    case Closer::kTitle:
      if (out_->meta.title.empty()) out_->meta.title = Trim(field_);
      break;
    case Closer::kAuthor:
      if (out_->meta.author.empty()) out_->meta.author = Trim(field_);
      break;
    case Closer::kCreated: {
      const int* d = date_;
      bool valid = d[0] >= 1 && d[0] <= 9999 && d[1] >= 1 && d[1] <= 12 &&
                   d[2] >= 1 && d[2] <= 31 && d[3] >= 0 && d[3] <= 23 &&
                   d[4] >= 0 && d[4] <= 59 && d[5] >= 0 && d[5] <= 59;
      if (valid && out_->meta.created.empty()) {
        char iso[32];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d", d[0],
                      d[1], d[2], d[3], d[4], d[5]);
        out_->meta.created = iso;
      }
      break;
    }
  }
  field_.clear();
}

void RtfReader::AddNote(RtfStory* story) {
  Block note;
  note.kind = BlockKind::kFootnote;
  for (const Block& b : story->Finish()) {
    if (!note.text.empty()) note.text += '\n';
    if (!b.number.empty()) note.text += b.number + ' ';
    note.text += b.text;
  }
  if (!Trim(note.text).empty()) notes_.push_back(std::move(note));
}

void RtfReader::AddHeaderFooter(RtfStory* story, bool header) {
  AppendHeaderFooterBlocks(story->Finish(), &seen_header_footers_,
                           header ? &headers_ : &footers_);
}

void RtfReader::OnDestination(RtfWord word) {
  GroupState& s = state();
  // A second destination word in one group: finish the first one's work.
  if (s.closer != Closer::kNone) {
    RunCloser(s);
    s.closer = Closer::kNone;
  }
  bool in_info = s.dest == Dest::kInfo;
  switch (word) {
    case RtfWord::kSkipDestination:
      s.dest = Dest::kSkip;
      break;
    case RtfWord::kFontTable:
      s.dest = Dest::kFontTable;
      break;
    case RtfWord::kStyleSheet:
      s.dest = Dest::kStyleSheet;
      styles_.BeginEntry();
      break;
    case RtfWord::kInfo:
      s.dest = Dest::kInfo;
      s.in_info = true;
      break;
    case RtfWord::kTitle:
    case RtfWord::kAuthor:
      if (!in_info) break;
      s.dest = Dest::kField;
      s.closer = word == RtfWord::kTitle ? Closer::kTitle : Closer::kAuthor;
      field_.clear();
      break;
    case RtfWord::kCreated:
      if (!in_info) break;
      s.dest = Dest::kCreated;
      s.closer = Closer::kCreated;
      for (int& v : date_) v = 0;
      break;
    case RtfWord::kFootnote:
    case RtfWord::kHeader:
    case RtfWord::kFooter:
      if (s.dest != Dest::kText) break;
      s.story = NewStory();
      s.closer = word == RtfWord::kFootnote ? Closer::kFootnote
                 : word == RtfWord::kHeader ? Closer::kHeader
                                            : Closer::kFooter;
      // A note or header starts with its own paragraph formatting.
      s.style = 0;
      s.outline = -1;
      s.in_table = false;
      s.itap = 0;
      break;
    case RtfWord::kNumberText:
      if (s.dest != Dest::kText) break;
      s.dest = Dest::kField;
      s.closer = Closer::kNumber;
      field_.clear();
      break;
    case RtfWord::kUnicodePair:
      s.upr_parent = s.dest;
      s.dest = Dest::kSkip;
      break;
    case RtfWord::kUnicodeText:
      s.dest = s.upr_parent;
      break;
    default:
      break;  // kTransparent: the group reads like its parent
  }
}

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

bool RtfReader::NothingRead() const {
  return out_->blocks.empty() && out_->meta.title.empty() &&
         out_->meta.author.empty();
}

Status RtfReader::Run() {
  GroupState outside;
  outside.story = NewStory();
  stack_.push_back(outside);
  for (;;) {
    RtfToken t = tokenizer_.Next();
    if (t.kind == RtfTokenKind::kEnd) break;
    OnToken(t);
  }
  Flush();
  if (!tokenizer_.status().ok()) return tokenizer_.status();
  int open = static_cast<int>(stack_.size()) - 1;
  while (stack_.size() > 1) OnGroupEnd();

  std::vector<Block> body = stories_.front()->Finish();
  std::vector<Block>& blocks = out_->blocks;
  for (auto* part : {&headers_, &body, &footers_, &notes_}) {
    for (Block& b : *part) blocks.push_back(std::move(b));
  }
  out_->meta.extraction = "rtf";
  out_->meta.pages = 0;
  if (tokenizer_.binary_truncated())
    out_->warnings.push_back("truncated RTF: \\bin data cut short");
  if (text_after_end_)
    out_->warnings.push_back(
        "unbalanced RTF: text after the document's last brace was read too");
  if (open > 0) {
    std::string what = "truncated RTF: " + std::to_string(open) +
                       (open == 1 ? " group" : " groups") + " left open";
    if (NothingRead()) return Status::Corrupt(what + ", no text read");
    out_->warnings.push_back(what);
  }
  return Status::Ok();
}

}  // namespace

Status ExtractRtf(std::string_view data, const ExtractLimits& limits,
                  Extraction* out) {
  if (!data.starts_with("{\\rtf"))
    return Status::Corrupt("not an RTF document");
  return GuardExtraction("rtf", out, [&] {
    RtfReader reader(data, limits, out);
    return reader.Run();
  });
}

}  // namespace intake
