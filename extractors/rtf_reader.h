// The RTF reader behind ExtractRtf: one pass over the tokens, keeping the
// group state RTF saves and restores with braces, sending text to the
// destination of the current group (body, header, footer, note, field,
// \info metadata) and collecting the finished blocks in document order.
// Internal to the RTF extractor: callers use rtf_extractor.h. The class is
// split by job: rtf_reader.cc has groups, destinations and text decoding,
// rtf_control_words.cc what each formatting and text control word does.
#ifndef INTAKE_EXTRACTORS_RTF_READER_H_
#define INTAKE_EXTRACTORS_RTF_READER_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/rtf_codepage.h"
#include "extractors/rtf_definitions.h"
#include "extractors/rtf_story.h"
#include "extractors/rtf_tokenizer.h"
#include "extractors/rtf_words.h"
#include "pipeline/document.h"
#include "pipeline/extractor.h"
#include "pipeline/status.h"

// Names inside rtf:: are the reader's own, kept out of intake:: so its
// plain names (Dest, GroupState) cannot meet another module's.
namespace intake::rtf {

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

}  // namespace intake::rtf

#endif  // INTAKE_EXTRACTORS_RTF_READER_H_
