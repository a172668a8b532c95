#include "extractors/docx_numbering.h"

#include <algorithm>
#include <climits>
#include <set>
#include <string_view>
#include <utility>

#include "extractors/xml_doc.h"

namespace intake {

namespace {

// A style chain longer than this is a loop or an attack, not a document.
constexpr int kMaxStyleChain = 32;

// Word's attribute booleans: absent w:val means true.
bool OnOff(const xmlNode* node) {
  if (node == nullptr) return false;
  if (!HasWAttr(node, "val")) return true;
  std::string v = WAttr(node, "val");
  return v != "0" && v != "false" && v != "off";
}

NumFormat ParseFormat(std::string_view name) {
  static constexpr std::pair<std::string_view, NumFormat> kFormats[] = {
      {"decimal", NumFormat::kDecimal},
      {"decimalZero", NumFormat::kDecimalZero},
      {"lowerLetter", NumFormat::kLowerLetter},
      {"upperLetter", NumFormat::kUpperLetter},
      {"lowerRoman", NumFormat::kLowerRoman},
      {"upperRoman", NumFormat::kUpperRoman},
      {"bullet", NumFormat::kBullet},
      {"none", NumFormat::kNone},
  };
  for (const auto& [key, format] : kFormats) {
    if (key == name) return format;
  }
  return NumFormat::kDecimal;
}

std::string Roman(int value, bool upper) {
  static constexpr std::pair<int, std::string_view> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
      {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
      {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [amount, digits] : kDigits) {
    for (; value >= amount; value -= amount) out += digits;
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Symbol and Wingdings bullets live in the private use area and mean
// nothing as text; "o" is the Courier New hollow bullet.
std::string BulletLabel(const std::string& glyph) {
  bool private_use = glyph.size() == 3 &&
                     static_cast<unsigned char>(glyph[0]) == 0xEF &&
                     (static_cast<unsigned char>(glyph[1]) & 0xFC) == 0x80;
  if (glyph.empty() || glyph == "o" || private_use) return "\xE2\x80\xA2";
  return glyph;
}

int ClampStart(int start) { return std::clamp(start, 0, kMaxStart); }

NumLevel ParseLevel(const xmlNode* lvl, int abstract_id, int ilvl,
                    std::vector<std::string>* warnings) {
  NumLevel level;
  level.start = ClampStart(IntOr(WChildVal(lvl, "start"), 1));
  if (FirstW(lvl, "numFmt") != nullptr) {
    level.format = ParseFormat(WChildVal(lvl, "numFmt"));
  }
  level.text = WChildVal(lvl, "lvlText");
  level.is_legal = OnOff(FirstW(lvl, "isLgl"));
  if (level.text.size() > kMaxLabelBytes) {
    warnings->push_back("numbering: abstractNum " +
                        std::to_string(abstract_id) + " level " +
                        std::to_string(ilvl) + " has a w:lvlText of " +
                        std::to_string(level.text.size()) +
                        " bytes; its paragraphs get no number");
    level.text.clear();
    level.format = NumFormat::kNone;
  }
  return level;
}

// Cuts `label` to at most kMaxLabelBytes without splitting a character.
void CapLabel(std::string* label) {
  if (label->size() <= kMaxLabelBytes) return;
  size_t size = kMaxLabelBytes;
  while (size > 0 &&
         (static_cast<unsigned char>((*label)[size]) & 0xC0) == 0x80) {
    --size;
  }
  label->resize(size);
}

const ParagraphStyle* FindStyle(const DocxStyles& styles,
                                const std::string& id) {
  auto it = styles.by_id.find(id);
  return it == styles.by_id.end() ? nullptr : &it->second;
}

// Calls `visit` on each style of the chain starting at `style_id` (or the
// default paragraph style) until it returns true.
template <typename Visit>
void WalkChain(const std::string& style_id, const DocxStyles& styles,
               Visit visit) {
  std::set<std::string> seen;
  std::string id = style_id.empty() ? styles.default_id : style_id;
  for (int i = 0; i < kMaxStyleChain && !id.empty(); ++i) {
    if (!seen.insert(id).second) return;
    const ParagraphStyle* style = FindStyle(styles, id);
    if (style == nullptr || visit(*style)) return;
    id = style->based_on;
  }
}

int LevelFromName(std::string_view name) {
  std::string lower;
  for (char c : name)
    lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (lower == "title") return 1;
  for (std::string_view prefix : {"heading ", "heading"}) {
    if (lower.size() == prefix.size() + 1 && lower.starts_with(prefix)) {
      char d = lower.back();
      if (d >= '1' && d <= '9') return d - '0';
    }
  }
  return 0;
}

}  // namespace

std::string FormatNumber(int value, NumFormat format) {
  switch (format) {
    case NumFormat::kBullet:
    case NumFormat::kNone:
      return "";
    case NumFormat::kDecimalZero:
      return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
    case NumFormat::kLowerLetter:
    case NumFormat::kUpperLetter: {
      if (value <= 0) break;
      char base = format == NumFormat::kLowerLetter ? 'a' : 'A';
      int repeat = (value - 1) / 26 + 1;
      if (repeat > 100) break;  // nobody reads "aaaa...": show the number
      return std::string(static_cast<size_t>(repeat),
                         static_cast<char>(base + (value - 1) % 26));
    }
    case NumFormat::kLowerRoman:
    case NumFormat::kUpperRoman:
      if (value <= 0 || value >= 4000) break;
      return Roman(value, format == NumFormat::kUpperRoman);
    case NumFormat::kDecimal:
      break;
  }
  return std::to_string(value);
}

NumberingDefs ParseNumbering(const xmlNode* root) {
  NumberingDefs defs;
  for (const xmlNode* abs : ChildrenW(root, "abstractNum")) {
    int id = 0;
    if (!ParseInt(WAttr(abs, "abstractNumId"), &id)) continue;
    AbstractNum& entry = defs.abstracts[id];
    for (const xmlNode* lvl : ChildrenW(abs, "lvl")) {
      int ilvl = IntOr(WAttr(lvl, "ilvl"), -1);
      if (ilvl >= 0 && ilvl < kNumLevels)
        entry.levels[ilvl] = ParseLevel(lvl, id, ilvl, &defs.warnings);
    }
  }
  for (const xmlNode* num : ChildrenW(root, "num")) {
    int id = 0;
    if (!ParseInt(WAttr(num, "numId"), &id)) continue;
    NumInstance& entry = defs.nums[id];
    entry.abstract_id = IntOr(WChildVal(num, "abstractNumId"), -1);
    for (const xmlNode* over : ChildrenW(num, "lvlOverride")) {
      int ilvl = IntOr(WAttr(over, "ilvl"), -1);
      const xmlNode* start = FirstW(over, "startOverride");
      if (ilvl >= 0 && ilvl < kNumLevels && start != nullptr) {
        entry.start_overrides[ilvl] = ClampStart(IntOr(WAttr(start, "val"), 1));
      }
    }
  }
  return defs;
}

std::string Numbering::Next(int num_id, int ilvl) {
  auto num = defs_.nums.find(num_id);
  if (num_id == 0 || num == defs_.nums.end()) return "";
  auto abs = defs_.abstracts.find(num->second.abstract_id);
  if (abs == defs_.abstracts.end()) return "";
  if (ilvl < 0 || ilvl >= kNumLevels) ilvl = 0;

  const NumInstance& instance = num->second;
  const auto& levels = abs->second.levels;
  auto start_of = [&](int level) {
    auto it = instance.start_overrides.find(level);
    return it != instance.start_overrides.end() ? it->second
                                                : levels[level].start;
  };
  int key =
      instance.start_overrides.empty() ? num->second.abstract_id : -1 - num_id;
  Counters& c = counters_[key];
  if (c.started[ilvl]) {
    if (c.value[ilvl] < INT_MAX) ++c.value[ilvl];
  } else {
    c.value[ilvl] = start_of(ilvl);
    c.started[ilvl] = true;
  }
  for (int deeper = ilvl + 1; deeper < kNumLevels; ++deeper)
    c.started[deeper] = false;

  const NumLevel& level = levels[ilvl];
  if (level.format == NumFormat::kNone) return "";
  // lvlText is at most kMaxLabelBytes (ParseLevel), so is a bullet.
  if (level.format == NumFormat::kBullet) return BulletLabel(level.text);
  std::string label;
  for (size_t i = 0; i < level.text.size() && label.size() <= kMaxLabelBytes;
       ++i) {
    char ch = level.text[i];
    char d = i + 1 < level.text.size() ? level.text[i + 1] : '\0';
    if (ch != '%' || d < '1' || d > '9') {
      label += ch;
      continue;
    }
    int ref = d - '1';
    int value = c.started[ref] ? c.value[ref] : start_of(ref);
    NumFormat format =
        level.is_legal ? NumFormat::kDecimal : levels[ref].format;
    label += FormatNumber(value, format);
    ++i;
  }
  CapLabel(&label);
  return label;
}

DocxStyles ParseStyles(const xmlNode* root) {
  DocxStyles styles;
  for (const xmlNode* node : ChildrenW(root, "style")) {
    if (WAttr(node, "type") != "paragraph") continue;
    std::string id = WAttr(node, "styleId");
    if (id.empty()) continue;
    ParagraphStyle& style = styles.by_id[id];
    style.name = WChildVal(node, "name");
    style.based_on = WChildVal(node, "basedOn");
    const xmlNode* ppr = FirstW(node, "pPr");
    const xmlNode* num_pr = FirstW(ppr, "numPr");
    if (const xmlNode* n = FirstW(num_pr, "numId")) {
      style.has_num_id = ParseInt(WAttr(n, "val"), &style.num_id);
    }
    if (const xmlNode* n = FirstW(num_pr, "ilvl")) {
      style.has_ilvl = ParseInt(WAttr(n, "val"), &style.ilvl);
    }
    if (const xmlNode* n = FirstW(ppr, "outlineLvl")) {
      style.outline_level = IntOr(WAttr(n, "val"), -1);
    }
    std::string is_default = WAttr(node, "default");
    if (is_default == "1" || is_default == "true") styles.default_id = id;
  }
  return styles;
}

NumRef ResolveNumbering(const xmlNode* ppr, const std::string& style_id,
                        const DocxStyles& styles) {
  NumRef ref;
  const xmlNode* num_pr = FirstW(ppr, "numPr");
  bool has_num = ParseInt(WChildVal(num_pr, "numId"), &ref.num_id);
  bool has_ilvl = ParseInt(WChildVal(num_pr, "ilvl"), &ref.ilvl);
  WalkChain(style_id, styles, [&](const ParagraphStyle& style) {
    if (!has_num && style.has_num_id) {
      has_num = true;
      ref.num_id = style.num_id;
    }
    if (!has_ilvl && style.has_ilvl) {
      has_ilvl = true;
      ref.ilvl = style.ilvl;
    }
    return has_num && has_ilvl;
  });
  if (!has_num) ref.num_id = 0;
  if (ref.ilvl < 0 || ref.ilvl >= kNumLevels) ref.ilvl = 0;
  return ref;
}

int ResolveHeadingLevel(const xmlNode* ppr, const std::string& style_id,
                        const DocxStyles& styles) {
  const ParagraphStyle* own = FindStyle(styles, style_id);
  int from_name = LevelFromName(own != nullptr ? own->name : style_id);
  if (from_name > 0) return from_name;
  int outline = IntOr(WChildVal(ppr, "outlineLvl"), -1);
  if (outline < 0) {
    WalkChain(style_id, styles, [&](const ParagraphStyle& style) {
      outline = style.outline_level;
      return outline >= 0;
    });
  }
  return outline >= 0 && outline < kNumLevels ? outline + 1 : 0;
}

}  // namespace intake
