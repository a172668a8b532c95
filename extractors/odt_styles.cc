#include "extractors/odt_styles.h"

#include <algorithm>
#include <set>
#include <string>

#include "extractors/docx_numbering.h"
#include "extractors/odf_namespaces.h"
#include "extractors/xml_doc.h"

namespace intake {

namespace {

// Start values past this are hostile or broken; capping them keeps the
// counters far from overflow.
constexpr int kMaxCounter = 1000000000;
// Parent chains longer than this are loops or nonsense.
constexpr int kMaxStyleChain = 32;

OdtLevelStyle ParseLevel(const xmlNode* node) {
  OdtLevelStyle level;
  std::string_view local = LocalName(node);
  if (local == "list-level-style-bullet" || local == "list-level-style-image") {
    level.kind = OdtLevelStyle::Kind::kBullet;
    return level;
  }
  level.format = Attr(node, kStyleNs, "num-format");
  if (level.format.empty()) return level;  // "None" in LibreOffice's menu
  level.kind = OdtLevelStyle::Kind::kNumber;
  level.letter_sync = Attr(node, kStyleNs, "num-letter-sync") == "true";
  level.prefix = Attr(node, kStyleNs, "num-prefix");
  level.suffix = Attr(node, kStyleNs, "num-suffix");
  level.start =
      std::clamp(IntOr(Attr(node, kTextNs, "start-value"), 1), 0, kMaxCounter);
  level.display_levels = std::clamp(
      IntOr(Attr(node, kTextNs, "display-levels"), 1), 1, kOdtListLevels);
  return level;
}

OdtListStyle ParseListStyle(const xmlNode* style) {
  OdtListStyle list;
  for (const xmlNode* n : ChildElements(style)) {
    if (NamespaceOf(n) != kTextNs) continue;
    int level = IntOr(Attr(n, kTextNs, "level"), 0);
    if (level < 1 || level > kOdtListLevels) continue;
    list.levels[level - 1] = ParseLevel(n);
  }
  return list;
}

// Letters without sync count like spreadsheet columns: z, aa, ab.
std::string Letters(int value, bool upper) {
  std::string out;
  for (; value > 0; value = (value - 1) / 26) {
    out += static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

void OdtStyles::AddContainer(const xmlNode* container) {
  for (const xmlNode* n : ChildElements(container)) {
    if (IsElement(n, kTextNs, "list-style")) {
      lists_.try_emplace(Attr(n, kStyleNs, "name"), ParseListStyle(n));
    } else if (IsElement(n, kTextNs, "outline-style")) {
      OdtListStyle outline = ParseListStyle(n);
      if (!outline_) outline_ = outline;
      std::string name = Attr(n, kStyleNs, "name");
      if (!name.empty()) lists_.try_emplace(name, outline);
    } else if (IsElement(n, kStyleNs, "style") &&
               Attr(n, kStyleNs, "family") == "paragraph") {
      paragraphs_.try_emplace(
          Attr(n, kStyleNs, "name"),
          ParagraphStyle{Attr(n, kStyleNs, "parent-style-name"),
                         Attr(n, kStyleNs, "list-style-name")});
    }
  }
}

const OdtListStyle* OdtStyles::FindList(std::string_view name) const {
  auto it = lists_.find(name);
  return it == lists_.end() ? nullptr : &it->second;
}

const OdtListStyle* OdtStyles::Outline() const {
  return outline_ ? &*outline_ : nullptr;
}

std::string OdtStyles::ListStyleOfParagraph(
    std::string_view paragraph_style) const {
  std::set<std::string, std::less<>> seen;
  std::string name(paragraph_style);
  for (int i = 0; i < kMaxStyleChain && !name.empty(); ++i) {
    if (!seen.insert(name).second) break;
    auto it = paragraphs_.find(name);
    if (it == paragraphs_.end()) break;
    if (!it->second.list_style.empty()) return it->second.list_style;
    name = it->second.parent;
  }
  return "";
}

std::string FormatOdtNumber(int value, std::string_view format,
                            bool letter_sync) {
  if (format == "a" || format == "A") {
    if (value <= 0) return std::to_string(value);
    if (letter_sync) {
      return FormatNumber(value, format == "a" ? NumFormat::kLowerLetter
                                               : NumFormat::kUpperLetter);
    }
    return Letters(value, format == "A");
  }
  if (format == "i") return FormatNumber(value, NumFormat::kLowerRoman);
  if (format == "I") return FormatNumber(value, NumFormat::kUpperRoman);
  return std::to_string(value);
}

std::string OdtListCounters::Next(const OdtListStyle* style, int level,
                                  int start_value) {
  const int i = std::clamp(level, 1, kOdtListLevels) - 1;
  const OdtLevelStyle* own = style != nullptr ? &style->levels[i] : nullptr;
  if (start_value > 0) {
    value_[i] = std::min(start_value, kMaxCounter);
  } else if (!started_[i]) {
    value_[i] = own != nullptr ? own->start : 1;
  } else if (value_[i] < kMaxCounter) {
    ++value_[i];
  }
  started_[i] = true;
  for (int j = i + 1; j < kOdtListLevels; ++j) started_[j] = false;

  if (own == nullptr || own->kind == OdtLevelStyle::Kind::kNone) return "";
  if (own->kind == OdtLevelStyle::Kind::kBullet) return "\xE2\x80\xA2";
  std::string label = own->prefix;
  const int first = std::max(0, i - own->display_levels + 1);
  for (int j = first; j <= i; ++j) {
    const OdtLevelStyle& shown = style->levels[j];
    // A level never counted shows its start, as LibreOffice does.
    int value = started_[j] ? value_[j] : shown.start;
    if (j > first) label += '.';
    label += FormatOdtNumber(value, shown.format, shown.letter_sync);
  }
  return label + own->suffix;
}

}  // namespace intake
