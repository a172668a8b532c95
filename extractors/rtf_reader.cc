#include "extractors/rtf_reader.h"

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/story_blocks.h"

namespace intake::rtf {

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

}  // namespace intake::rtf
