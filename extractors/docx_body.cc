#include "extractors/docx_body.h"

#include <charconv>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "extractors/story_blocks.h"
#include "extractors/xml_doc.h"

namespace intake {

namespace {

constexpr std::string_view kMcNs =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kMathNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/math";

// Complex fields open at once in one story. Real documents nest a few (a
// PAGE inside an IF); deeper begins are counted but hide nothing.
constexpr size_t kMaxFieldDepth = 64;

bool IsWordNs(const xmlNode* node) {
  std::string_view ns = NamespaceOf(node);
  return ns == kWordNs || ns == kWordStrictNs;
}

// Markup compatibility: the first Choice is what Word itself rendered; the
// Fallback repeats the same content for older readers, so reading both
// would duplicate every text box.
const xmlNode* ChoiceOrFallback(const xmlNode* alternate) {
  if (const xmlNode* choice = FirstChild(alternate, kMcNs, "Choice"))
    return choice;
  return FirstChild(alternate, kMcNs, "Fallback");
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The Symbol font's letters are Greek and its punctuation is mathematics:
// 0x20..0x7E by position, then the few upper codes letters actually use.
char32_t FromSymbolFont(unsigned code) {
  static constexpr char32_t kLow[] =
      U" !\u2200#\u2203%&\u220B()\u2217+,\u2212./0123456789:;<=>?"
      U"\u2245\u0391\u0392\u03A7\u0394\u0395\u03A6\u0393\u0397\u0399\u03D1"
      U"\u039A\u039B\u039C\u039D\u039F\u03A0\u0398\u03A1\u03A3\u03A4\u03A5"
      U"\u03C2\u03A9\u039E\u03A8\u0396[\u2234]\u22A5_\u203E\u03B1\u03B2\u03C7"
      U"\u03B4\u03B5\u03C6\u03B3\u03B7\u03B9\u03D5\u03BA\u03BB\u03BC\u03BD"
      U"\u03BF\u03C0\u03B8\u03C1\u03C3\u03C4\u03C5\u03D6\u03C9\u03BE\u03C8"
      U"\u03B6{|}\u223C";
  static constexpr std::pair<unsigned, char32_t> kHigh[] = {
      {0xA3, U'\u2264'}, {0xA5, U'\u221E'}, {0xAC, U'\u2190'},
      {0xAE, U'\u2192'}, {0xB0, U'\u00B0'}, {0xB1, U'\u00B1'},
      {0xB3, U'\u2265'}, {0xB4, U'\u00D7'}, {0xB5, U'\u221D'},
      {0xB6, U'\u2202'}, {0xB7, U'\u2022'}, {0xB8, U'\u00F7'},
      {0xB9, U'\u2260'}, {0xBA, U'\u2261'}, {0xBB, U'\u2248'},
      {0xBC, U'\u2026'}, {0xD6, U'\u221A'}, {0xD7, U'\u22C5'},
      {0xD8, U'\u00AC'}, {0xD9, U'\u2227'}, {0xDA, U'\u2228'}};
  if (code >= 0x20 && code < 0x20 + std::size(kLow) - 1)
    return kLow[code - 0x20];
  for (const auto& [from, to] : kHigh) {
    if (from == code) return to;
  }
  return 0;
}

// w:sym names a glyph of a font by code; symbol fonts address it through
// the private use area (0xF0xx) or their own 8-bit code. Symbol is mapped
// to Unicode; Wingdings and friends are pictures, not text, and dropped.
void AppendSym(const xmlNode* sym, std::string* out) {
  std::string hex = WAttr(sym, "char");
  unsigned code = 0;
  auto [end, ec] =
      std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
  if (ec != std::errc() || end != hex.data() + hex.size()) return;
  std::string font = WAttr(sym, "font");
  bool private_use = code >= 0xF000 && code <= 0xF0FF;
  char32_t cp = 0;
  if (font == "Symbol" && (private_use || code < 0x100)) {
    cp = FromSymbolFont(private_use ? code - 0xF000 : code);
  } else if (!private_use && code >= 0x20 && code < 0xD800) {
    cp = static_cast<char32_t>(code);
  }
  if (cp != 0) AppendUtf8(cp, out);
}

// Rows inside a table and cells inside a row may be wrapped in content
// controls or custom XML; this looks through those wrappers.
void CollectThroughWrappers(const xmlNode* parent, std::string_view local,
                            std::vector<const xmlNode*>* out) {
  for (const xmlNode* n : ChildElements(parent)) {
    if (IsW(n, local)) {
      out->push_back(n);
    } else if (IsW(n, "sdt")) {
      CollectThroughWrappers(FirstW(n, "sdtContent"), local, out);
    } else if (IsW(n, "customXml")) {
      CollectThroughWrappers(n, local, out);
    }
  }
}

// A vertically merged cell that continues the one above: Word shows only
// the first cell's content, whatever text the continuation still holds.
bool IsMergedAway(const xmlNode* tc) {
  const xmlNode* merge = FirstW(FirstW(tc, "tcPr"), "vMerge");
  return merge != nullptr && WAttr(merge, "val") != "restart";
}

class StoryWalker {
 public:
  StoryWalker(const DocxStyles& styles, Numbering* numbering,
              std::vector<Block>* out)
      : styles_(styles), numbering_(numbering), out_(out) {}

  void Blocks(const xmlNode* container);

 private:
  void Paragraph(const xmlNode* p);
  void Table(const xmlNode* tbl);
  void Row(const xmlNode* tr);
  std::string CellText(const xmlNode* tc, std::vector<Block>* nested);
  void Inline(const xmlNode* node, std::string* text,
              std::vector<const xmlNode*>* boxes);
  bool WordInline(const xmlNode* n, std::string* text,
                  std::vector<const xmlNode*>* boxes);
  void FieldChar(const xmlNode* fld_char);
  bool InInstruction() const { return open_instructions_ > 0; }
  void ClearFields();

  const DocxStyles& styles_;
  Numbering* numbering_;
  std::vector<Block>* out_;
  // One entry per open complex field, at most kMaxFieldDepth: false while
  // reading its instruction (hidden), true once past "separate" (its
  // displayed result). Fields begun beyond the cap are only counted, so
  // their ends do not close the fields below them.
  std::vector<bool> fields_;
  size_t open_instructions_ = 0;  // entries of fields_ that are false
  size_t fields_over_cap_ = 0;
};

void StoryWalker::Blocks(const xmlNode* container) {
  for (const xmlNode* n : ChildElements(container)) {
    if (IsElement(n, kMcNs, "AlternateContent")) {
      Blocks(ChoiceOrFallback(n));
    } else if (!IsWordNs(n)) {
      continue;
    } else if (IsW(n, "p")) {
      Paragraph(n);
    } else if (IsW(n, "tbl")) {
      Table(n);
    } else if (IsW(n, "sdt")) {
      Blocks(FirstW(n, "sdtContent"));
    } else if (IsW(n, "customXml") || IsW(n, "ins") || IsW(n, "moveTo") ||
               IsW(n, "smartTag")) {
      Blocks(n);
    }
  }
}

void StoryWalker::Paragraph(const xmlNode* p) {
  // An instruction never spans paragraphs; a field left open by a broken
  // file must not hide the rest of the document.
  if (InInstruction()) ClearFields();
  const xmlNode* ppr = FirstW(p, "pPr");
  std::string style = WChildVal(ppr, "pStyle");
  std::string text;
  std::vector<const xmlNode*> boxes;
  Inline(p, &text, &boxes);

  Block block;
  NumRef ref = ResolveNumbering(ppr, style, styles_);
  // Word counts empty numbered paragraphs too: advance before skipping.
  if (ref.num_id != 0) block.number = numbering_->Next(ref.num_id, ref.ilvl);
  block.heading_level = ResolveHeadingLevel(ppr, style, styles_);
  if (block.heading_level > 0) {
    block.kind = BlockKind::kHeading;
  } else if (!block.number.empty()) {
    block.kind = BlockKind::kListItem;
  }
  if (!IsBlank(text)) {
    block.text = std::move(text);
    out_->push_back(std::move(block));
  }
  for (const xmlNode* box : boxes) Blocks(box);
}

void StoryWalker::Table(const xmlNode* tbl) {
  std::vector<const xmlNode*> rows;
  CollectThroughWrappers(tbl, "tr", &rows);
  for (const xmlNode* tr : rows) Row(tr);
}

void StoryWalker::Row(const xmlNode* tr) {
  std::vector<const xmlNode*> cells;
  CollectThroughWrappers(tr, "tc", &cells);
  std::vector<Block> nested;
  std::vector<std::string> texts;
  for (const xmlNode* tc : cells) {
    texts.push_back(IsMergedAway(tc) ? "" : CellText(tc, &nested));
  }
  AppendTableRow(texts, &nested, out_);
}

// A cell's paragraphs become one line of the row; tables nested in the
// cell keep their own rows, emitted after the outer row.
std::string StoryWalker::CellText(const xmlNode* tc,
                                  std::vector<Block>* nested) {
  std::vector<Block> inner;
  StoryWalker walker(styles_, numbering_, &inner);
  walker.Blocks(tc);
  return CellLine(std::move(inner), nested);
}

void StoryWalker::Inline(const xmlNode* node, std::string* text,
                         std::vector<const xmlNode*>* boxes) {
  for (const xmlNode* n : ChildElements(node)) {
    if (IsWordNs(n)) {
      if (WordInline(n, text, boxes)) continue;
      Inline(n, text, boxes);
    } else if (IsElement(n, kMcNs, "AlternateContent")) {
      Inline(ChoiceOrFallback(n), text, boxes);
    } else if (IsElement(n, kMathNs, "t")) {
      if (!InInstruction()) *text += TextContent(n);
    } else {
      Inline(n, text, boxes);  // drawing and VML wrappers around text boxes
    }
  }
}

// Handles the w: elements that are not plain containers. Returns false for
// containers (runs, hyperlinks, insertions, fldSimple...) to descend into.
bool StoryWalker::WordInline(const xmlNode* n, std::string* text,
                             std::vector<const xmlNode*>* boxes) {
  std::string_view local = LocalName(n);
  if (local == "t") {
    if (!InInstruction()) *text += TextContent(n);
  } else if (local == "tab" || local == "ptab") {
    if (!InInstruction()) *text += '\t';
  } else if (local == "br" || local == "cr") {
    if (!InInstruction()) *text += '\n';
  } else if (local == "noBreakHyphen") {
    if (!InInstruction()) *text += '-';
  } else if (local == "sym") {
    if (!InInstruction()) AppendSym(n, text);
  } else if (local == "fldChar") {
    FieldChar(n);
  } else if (local == "txbxContent") {
    boxes->push_back(n);
  } else if (local == "del" || local == "moveFrom" || local == "instrText" ||
             local == "delInstrText" || local == "delText" || local == "pPr" ||
             local == "rPr" || local == "sdtPr" || local == "sdtEndPr" ||
             local == "softHyphen" || local == "footnoteReference" ||
             local == "endnoteReference" || local == "p" || local == "tbl") {
    // Deleted, hidden or structural: nothing a reader sees inline.
  } else {
    return false;
  }
  return true;
}

void StoryWalker::FieldChar(const xmlNode* fld_char) {
  std::string type = WAttr(fld_char, "fldCharType");
  if (type == "begin") {
    if (fields_.size() >= kMaxFieldDepth) {
      ++fields_over_cap_;
      return;
    }
    fields_.push_back(false);
    ++open_instructions_;
  } else if (type == "separate") {
    if (fields_over_cap_ > 0 || fields_.empty() || fields_.back()) return;
    fields_.back() = true;
    --open_instructions_;
  } else if (type == "end") {
    if (fields_over_cap_ > 0) {
      --fields_over_cap_;
    } else if (!fields_.empty()) {
      if (!fields_.back()) --open_instructions_;
      fields_.pop_back();
    }
  }
}

void StoryWalker::ClearFields() {
  fields_.clear();
  open_instructions_ = 0;
  fields_over_cap_ = 0;
}

}  // namespace

void AppendStoryBlocks(const xmlNode* story, const DocxStyles& styles,
                       Numbering* numbering, std::vector<Block>* out) {
  StoryWalker walker(styles, numbering, out);
  walker.Blocks(story);
}

}  // namespace intake
