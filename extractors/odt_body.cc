#include "extractors/odt_body.h"

#include <algorithm>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "extractors/odf_namespaces.h"
#include "extractors/story_blocks.h"
#include "extractors/xml_doc.h"

namespace intake {

namespace {

// text:s may ask for any number of spaces. More than a few is layout, not
// text, and the cap keeps a small hostile file from expanding to gigabytes.
constexpr int kMaxSpaces = 64;

bool IsText(const xmlNode* node, std::string_view local) {
  return IsElement(node, kTextNs, local);
}

std::string_view Content(const xmlNode* node) {
  return node->content == nullptr
             ? std::string_view()
             : reinterpret_cast<const char*>(node->content);
}

// What one paragraph's inline content gives.
struct InlineText {
  std::string text;
  // The last character came from collapsed white space (ODF 1.2 §6.1.2:
  // runs of white space are one space, none at the paragraph start).
  bool in_space = false;
  std::vector<const xmlNode*> boxes;  // frames and shapes holding paragraphs
  std::vector<const xmlNode*> notes;  // text:note, read after the paragraph
};

void AppendCollapsed(std::string_view s, InlineText* in) {
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!in->text.empty() && !in->in_space) in->text += ' ';
      in->in_space = true;
    } else {
      in->text += c;
      in->in_space = false;
    }
  }
}

// A draw:text-box holds paragraphs; so do shapes, directly. Groups and
// frames are looked through. A holder is returned whole, so the walker that
// reads it meets any frame nested in it once, itself.
void CollectBoxes(const xmlNode* node, std::vector<const xmlNode*>* boxes) {
  if (IsElement(node, kDrawNs, "text-box")) {
    boxes->push_back(node);
    return;
  }
  for (const xmlNode* c : ChildElements(node)) {
    if (IsText(c, "p") || IsText(c, "h") || IsText(c, "list")) {
      boxes->push_back(node);
      return;
    }
  }
  for (const xmlNode* c : ChildElements(node)) {
    if (NamespaceOf(c) == kDrawNs) CollectBoxes(c, boxes);
  }
}

// Where the list being read stands.
struct ListContext {
  OdtListCounters* counters = nullptr;
  const OdtListStyle* style = nullptr;
  int level = 1;
};

enum class Role {
  kFree,          // not in a list: headings take the outline numbering
  kListLabel,     // first paragraph of a list item: carries the label
  kContinuation,  // later paragraphs of an item, or a list header
};

class StoryWalker {
 public:
  StoryWalker(const OdtStyles& styles, OdtStory* story)
      : styles_(styles), story_(story) {}

  void Blocks(const xmlNode* container, std::vector<Block>* out);

 private:
  void Element(const xmlNode* n, std::vector<Block>* out);
  void Paragraph(const xmlNode* p, Role role, std::string number,
                 std::vector<Block>* out);
  std::string OutlineNumber(const xmlNode* h, int level);
  void List(const xmlNode* list, const ListContext* parent,
            std::vector<Block>* out);
  OdtListCounters* CountersFor(const xmlNode* list,
                               const std::string& style_name);
  void ListItem(const xmlNode* item, const ListContext& list, bool numbered,
                std::vector<Block>* out);
  void NumberedParagraph(const xmlNode* n, std::vector<Block>* out);
  void Table(const xmlNode* table, std::vector<Block>* out);
  void Row(const xmlNode* row, std::vector<Block>* out);
  std::string CellText(const xmlNode* cell, std::vector<Block>* nested);
  void Inline(const xmlNode* node, InlineText* in);
  void Note(const xmlNode* note);

  const OdtStyles& styles_;
  OdtStory* story_;
  OdtListCounters outline_;
  // Every top-level list has counters; a list that continues another
  // (text:continue-list, text:continue-numbering) shares them.
  std::deque<OdtListCounters> lists_;
  std::map<std::string, OdtListCounters*> by_id_;
  std::map<std::string, OdtListCounters*> last_by_style_;
  OdtListCounters* last_ = nullptr;
};

void StoryWalker::Blocks(const xmlNode* container, std::vector<Block>* out) {
  for (const xmlNode* n : ChildElements(container)) Element(n, out);
}

void StoryWalker::Element(const xmlNode* n, std::vector<Block>* out) {
  std::string_view ns = NamespaceOf(n);
  std::string_view local = LocalName(n);
  if (ns == kTextNs) {
    if (local == "p" || local == "h") {
      Paragraph(n, Role::kFree, "", out);
    } else if (local == "list") {
      List(n, nullptr, out);
    } else if (local == "numbered-paragraph") {
      NumberedParagraph(n, out);
    } else if (local == "section" || local == "index-body" ||
               local == "index-title") {
      Blocks(n, out);
    } else if (local == "table-of-content" || local == "alphabetical-index" ||
               local == "illustration-index" || local == "table-index" ||
               local == "object-index" || local == "user-index" ||
               local == "bibliography") {
      Blocks(FirstChild(n, kTextNs, "index-body"), out);
    }
    // Everything else in text: is bookkeeping: text:tracked-changes (the
    // deleted text lives there), declarations, soft page breaks.
  } else if (ns == kTableNs && local == "table") {
    Table(n, out);
  } else if (ns == kDrawNs) {
    std::vector<const xmlNode*> boxes;
    CollectBoxes(n, &boxes);
    for (const xmlNode* box : boxes) Blocks(box, out);
  } else if (ns == kStyleNs &&
             (local == "region-left" || local == "region-center" ||
              local == "region-right")) {
    Blocks(n, out);
  }
  // office:annotation, office:forms and foreign elements hold no body text.
}

void StoryWalker::Paragraph(const xmlNode* p, Role role, std::string number,
                            std::vector<Block>* out) {
  InlineText in;
  Inline(p, &in);
  if (in.in_space && !in.text.empty() && in.text.back() == ' ')
    in.text.pop_back();

  Block block;
  if (IsText(p, "h")) {
    int level = std::clamp(IntOr(Attr(p, kTextNs, "outline-level"), 1), 1,
                           kOdtListLevels);
    block.kind = BlockKind::kHeading;
    block.heading_level = std::min(level, 9);
    if (role == Role::kFree) block.number = OutlineNumber(p, level);
  }
  if (role == Role::kListLabel) {
    block.number = std::move(number);
    if (block.kind == BlockKind::kBody && !block.number.empty())
      block.kind = BlockKind::kListItem;
  }
  if (!IsBlank(in.text)) {
    block.text = std::move(in.text);
    out->push_back(std::move(block));
  }
  for (const xmlNode* note : in.notes) Note(note);
  for (const xmlNode* box : in.boxes) Blocks(box, out);
}

// Headings outside lists are numbered by the outline style, one counter
// chain for the whole story.
std::string StoryWalker::OutlineNumber(const xmlNode* h, int level) {
  const OdtListStyle* outline = styles_.Outline();
  if (outline == nullptr || Attr(h, kTextNs, "is-list-header") == "true")
    return "";
  int start = 0;
  if (Attr(h, kTextNs, "restart-numbering") == "true") {
    int level_start = outline->levels[level - 1].start;
    start = IntOr(Attr(h, kTextNs, "start-value"), std::max(level_start, 1));
  }
  return outline_.Next(outline, level, start);
}

void StoryWalker::List(const xmlNode* list, const ListContext* parent,
                       std::vector<Block>* out) {
  std::string style_name = Attr(list, kTextNs, "style-name");
  ListContext context;
  if (parent == nullptr) {
    if (style_name.empty()) {
      // A list without a style takes the one its paragraphs' style names.
      for (const xmlNode* item : ChildElements(list)) {
        for (const xmlNode* p : ChildElements(item)) {
          if (!IsText(p, "p") && !IsText(p, "h")) continue;
          style_name =
              styles_.ListStyleOfParagraph(Attr(p, kTextNs, "style-name"));
          break;
        }
        if (!style_name.empty()) break;
      }
    }
    context.counters = CountersFor(list, style_name);
    context.style = styles_.FindList(style_name);
  } else {
    context.counters = parent->counters;
    const OdtListStyle* own =
        style_name.empty() ? nullptr : styles_.FindList(style_name);
    context.style = own != nullptr ? own : parent->style;
    context.level = parent->level + 1;
  }
  for (const xmlNode* n : ChildElements(list)) {
    if (IsText(n, "list-item")) {
      ListItem(n, context, true, out);
    } else if (IsText(n, "list-header")) {
      ListItem(n, context, false, out);
    }
  }
}

OdtListCounters* StoryWalker::CountersFor(const xmlNode* list,
                                          const std::string& style_name) {
  OdtListCounters* counters = nullptr;
  auto found = by_id_.find(Attr(list, kTextNs, "continue-list"));
  if (found != by_id_.end()) counters = found->second;
  if (counters == nullptr &&
      Attr(list, kTextNs, "continue-numbering") == "true") {
    auto same_style = last_by_style_.find(style_name);
    counters = same_style != last_by_style_.end() ? same_style->second : last_;
  }
  if (counters == nullptr) counters = &lists_.emplace_back();
  std::string id = Attr(list, kXmlNs, "id");
  if (id.empty()) id = Attr(list, kTextNs, "id");  // ODF 1.1 spelling
  if (!id.empty()) by_id_[id] = counters;
  last_by_style_[style_name] = counters;
  last_ = counters;
  return counters;
}

// The item's first paragraph carries the label; an item that opens with a
// nested list shows no label of its own and so does not count.
void StoryWalker::ListItem(const xmlNode* item, const ListContext& list,
                           bool numbered, std::vector<Block>* out) {
  int start_value = IntOr(Attr(item, kTextNs, "start-value"), 0);
  bool first = numbered;
  for (const xmlNode* n : ChildElements(item)) {
    if (IsText(n, "p") || IsText(n, "h")) {
      if (first) {
        Paragraph(n, Role::kListLabel,
                  list.counters->Next(list.style, list.level, start_value),
                  out);
      } else {
        Paragraph(n, Role::kContinuation, "", out);
      }
    } else if (IsText(n, "list")) {
      List(n, &list, out);
    } else if (IsText(n, "soft-page-break") || IsText(n, "number")) {
      continue;  // text:number is a cached label; ours is recomputed
    } else {
      Element(n, out);
    }
    first = false;
  }
}

// ODF 1.2's list paragraph outside a text:list keeps its label in
// text:number, which is all a reader has to go on.
void StoryWalker::NumberedParagraph(const xmlNode* n, std::vector<Block>* out) {
  std::string number(Trim(TextContent(FirstChild(n, kTextNs, "number"))));
  bool first = true;
  for (const xmlNode* p : ChildElements(n)) {
    if (!IsText(p, "p") && !IsText(p, "h")) continue;
    Paragraph(p, first ? Role::kListLabel : Role::kContinuation,
              first ? number : "", out);
    first = false;
  }
}

void StoryWalker::Table(const xmlNode* table, std::vector<Block>* out) {
  for (const xmlNode* n : ChildElements(table)) {
    if (IsElement(n, kTableNs, "table-row")) {
      Row(n, out);
    } else if (IsElement(n, kTableNs, "table-header-rows") ||
               IsElement(n, kTableNs, "table-rows") ||
               IsElement(n, kTableNs, "table-row-group")) {
      Table(n, out);
    }
  }
}

// Covered cells (the ones a span hides) are left out: their content, if a
// broken file has any, is not what a reader sees. Repeated rows and cells
// (table:number-*-repeated) are read once; in text documents they are
// empty filler.
void StoryWalker::Row(const xmlNode* row, std::vector<Block>* out) {
  std::vector<Block> nested;
  std::vector<std::string> texts;
  for (const xmlNode* cell : ChildElements(row, kTableNs, "table-cell")) {
    texts.push_back(CellText(cell, &nested));
  }
  AppendTableRow(texts, &nested, out);
}

// A cell's paragraphs become one line of the row; tables nested in the
// cell keep their own rows, emitted after the outer row.
std::string StoryWalker::CellText(const xmlNode* cell,
                                  std::vector<Block>* nested) {
  std::vector<Block> inner;
  Blocks(cell, &inner);
  return CellLine(std::move(inner), nested);
}

void StoryWalker::Inline(const xmlNode* node, InlineText* in) {
  for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      AppendCollapsed(Content(n), in);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    std::string_view ns = NamespaceOf(n);
    std::string_view local = LocalName(n);
    if (ns == kTextNs) {
      if (local == "s") {
        int count = std::clamp(IntOr(Attr(n, kTextNs, "c"), 1), 1, kMaxSpaces);
        in->text.append(static_cast<size_t>(count), ' ');
        in->in_space = false;
      } else if (local == "tab") {
        in->text += '\t';
        in->in_space = false;
      } else if (local == "line-break") {
        in->text += '\n';
        in->in_space = true;  // indentation after a break is not text
      } else if (local == "note") {
        in->notes.push_back(n);
      } else if (local == "note-citation" || local == "tracked-changes" ||
                 local == "change" || local == "change-start" ||
                 local == "change-end" || local == "soft-page-break" ||
                 local == "p" || local == "h" || local == "list") {
        // Marks, bookkeeping, or blocks where only inline content belongs.
      } else {
        Inline(n, in);  // spans, links, fields (their shown value), ...
      }
    } else if (ns == kDrawNs) {
      CollectBoxes(n, &in->boxes);
    } else if (ns == kOfficeNs || ns == kTableNs) {
      // office:annotation: a reviewer's comment, not the letter.
    } else {
      Inline(n, in);  // extension wrappers (loext:, field:) around text
    }
  }
}

void StoryWalker::Note(const xmlNode* note) {
  std::vector<Block> inner;
  Blocks(FirstChild(note, kTextNs, "note-body"), &inner);
  Block block = NoteBlock(inner);
  if (IsBlank(block.text)) return;
  bool endnote = Attr(note, kTextNs, "note-class") == "endnote";
  (endnote ? story_->endnotes : story_->footnotes).push_back(std::move(block));
}

}  // namespace

void ReadOdtStory(const xmlNode* story, const OdtStyles& styles,
                  OdtStory* out) {
  StoryWalker walker(styles, out);
  walker.Blocks(story, &out->blocks);
}

}  // namespace intake
