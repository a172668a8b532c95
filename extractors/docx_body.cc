#include "extractors/docx_body.h"

#include <charconv>
#include <string>
#include <string_view>

#include "extractors/xml_doc.h"

namespace intake {

namespace {

constexpr std::string_view kMcNs =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kMathNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/math";

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool IsWordNs(const xmlNode* node) {
  std::string_view ns = NamespaceOf(node);
  return ns == kWordNs || ns == kWordStrictNs;
}

// Markup compatibility: the first Choice is what Word itself rendered; the
// Fallback repeats the same content for older readers, so reading both
// would duplicate every text box.
const xmlNode* ChoiceOrFallback(const xmlNode* alternate) {
  if (const xmlNode* choice = FirstChild(alternate, kMcNs, "Choice")) return choice;
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

// w:sym names a glyph of a symbol font by code. Codes in the private use
// area (Symbol, Wingdings) are pictures, not text, and are dropped.
void AppendSym(const xmlNode* sym, std::string* out) {
  std::string hex = WAttr(sym, "char");
  unsigned code = 0;
  auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
  if (ec != std::errc() || end != hex.data() + hex.size()) return;
  if (code < 0x20 || (code >= 0xD800 && code < 0xF900) || code >= 0x10000) return;
  AppendUtf8(static_cast<char32_t>(code), out);
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
  StoryWalker(const DocxStyles& styles, Numbering* numbering, std::vector<Block>* out)
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
  bool InInstruction() const;

  const DocxStyles& styles_;
  Numbering* numbering_;
  std::vector<Block>* out_;
  // One entry per open complex field: false while reading its instruction
  // (hidden), true once past "separate" (its displayed result).
  std::vector<bool> fields_;
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
  if (InInstruction()) fields_.clear();
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
  std::string text;
  bool any = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string cell = IsMergedAway(cells[i]) ? "" : CellText(cells[i], &nested);
    any = any || !IsBlank(cell);
    if (i > 0) text += " | ";
    text += cell;
  }
  if (any) {
    Block block;
    block.kind = BlockKind::kTableRow;
    block.text = std::move(text);
    out_->push_back(std::move(block));
  }
  for (Block& b : nested) out_->push_back(std::move(b));
}

// A cell's paragraphs become one line of the row; tables nested in the
// cell keep their own rows, emitted after the outer row.
std::string StoryWalker::CellText(const xmlNode* tc, std::vector<Block>* nested) {
  std::vector<Block> inner;
  StoryWalker walker(styles_, numbering_, &inner);
  walker.Blocks(tc);
  std::string text;
  for (Block& b : inner) {
    if (b.kind == BlockKind::kTableRow) {
      nested->push_back(std::move(b));
      continue;
    }
    if (!text.empty()) text += ' ';
    if (!b.number.empty()) text += b.number + ' ';
    text += b.text;
  }
  return text;
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
    fields_.push_back(false);
  } else if (type == "separate") {
    if (!fields_.empty()) fields_.back() = true;
  } else if (type == "end") {
    if (!fields_.empty()) fields_.pop_back();
  }
}

bool StoryWalker::InInstruction() const {
  for (bool shown : fields_) {
    if (!shown) return true;
  }
  return false;
}

}  // namespace

void AppendStoryBlocks(const xmlNode* story, const DocxStyles& styles,
                       Numbering* numbering, std::vector<Block>* out) {
  StoryWalker walker(styles, numbering, out);
  walker.Blocks(story);
}

}  // namespace intake
