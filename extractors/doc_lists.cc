#include "extractors/doc_lists.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "extractors/doc_story.h"

namespace intake {
namespace {

constexpr size_t kLstfSize = 28;
constexpr size_t kLvlfSize = 28;
constexpr size_t kLfoSize = 16;
constexpr size_t kLfoLvlSize = 8;
constexpr size_t kRgbxchNums = 9;
// Overridden levels get a list of their own, numbered from here so they
// cannot meet an LSTF's index.
constexpr int kOverrideListBase = 1 << 20;

// MSONFC ([MS-OSHARED] 2.2.1.3) values with a DOCX counterpart; the
// others (ordinals, number words, East Asian counting) fall back to
// decimal, as unknown w:numFmt values do.
NumFormat FormatOf(unsigned nfc) {
  switch (nfc) {
    case 1:
      return NumFormat::kUpperRoman;
    case 2:
      return NumFormat::kLowerRoman;
    case 3:
      return NumFormat::kUpperLetter;
    case 4:
      return NumFormat::kLowerLetter;
    case 22:
      return NumFormat::kDecimalZero;
    case 23:
      return NumFormat::kBullet;
    case 255:
      return NumFormat::kNone;
    default:
      return NumFormat::kDecimal;
  }
}

int32_t Signed32(uint32_t v) { return static_cast<int32_t>(v); }

// Reads one LVL at *pos and moves *pos past it; false when it runs past
// the table, which leaves nothing after it readable either.
bool ReadLevel(std::string_view t, size_t* pos, NumLevel* level,
               std::vector<std::string>* warnings) {
  size_t p = *pos;
  if (p > t.size() || t.size() - p < kLvlfSize + 2) return false;
  std::string_view nums = t.substr(p + 6, kRgbxchNums);
  size_t chpx = ReadLe(t, p + 24, 1);
  size_t papx = ReadLe(t, p + 25, 1);
  size_t xst = p + kLvlfSize + papx + chpx;
  size_t cch = ReadLe(t, xst, 2);
  if (xst + 2 > t.size() || (t.size() - xst - 2) / 2 < cch) return false;
  std::u16string units;
  for (size_t i = 0; i < cch; ++i) {
    units += static_cast<char16_t>(ReadLe(t, xst + 2 + 2 * i, 2));
  }
  *pos = xst + 2 + 2 * cch;
  level->start = std::clamp(Signed32(ReadLe(t, p, 4)), 0, kMaxStart);
  level->format = FormatOf(ReadLe(t, p + 4, 1));
  level->is_legal = (ReadLe(t, p + 5, 1) & 0x04) != 0;
  level->text = LevelTextFromXst(units, nums);
  // A bullet's glyph is a letter of a symbol font ("l" in Wingdings is a
  // black circle, "o" in Courier New a hollow one); the font is in the
  // level's character properties. Any such letter reads as a bullet.
  if (level->format == NumFormat::kBullet && level->text.size() == 1) {
    level->text.clear();
  }
  if (level->text.size() > kMaxLabelBytes) {
    warnings->push_back("Word list level with a number text of " +
                        std::to_string(level->text.size()) +
                        " bytes; its paragraphs get no number");
    level->text.clear();
    level->format = NumFormat::kNone;
  }
  return true;
}

bool Within(std::string_view t, FcLcb at, size_t min_size) {
  return at.lcb >= min_size && at.fc <= t.size() && t.size() - at.fc >= at.lcb;
}

// The lists, keyed by their index in the PlfLst; `by_lsid` maps each
// list's id to that index.
void ReadLists(std::string_view t, FcLcb plf_lst, NumberingDefs* defs,
               std::map<uint32_t, int>* by_lsid) {
  if (plf_lst.lcb == 0) return;
  if (!Within(t, plf_lst, 2)) {
    defs->warnings.push_back(
        "Word list table lies outside the table stream: list items get no "
        "numbers");
    return;
  }
  auto count = static_cast<int16_t>(ReadLe(t, plf_lst.fc, 2));
  size_t lists = count < 0 ? 0 : static_cast<size_t>(count);
  size_t lstf = plf_lst.fc + 2;
  if ((t.size() - lstf) / kLstfSize < lists) {
    defs->warnings.push_back(
        "Word list table is truncated: list items get no numbers");
    return;
  }
  // The levels of every list follow the LSTFs, in the lists' order: nine
  // each, one for a simple list.
  size_t pos = lstf + lists * kLstfSize;
  for (size_t i = 0; i < lists; ++i) {
    size_t at = lstf + i * kLstfSize;
    bool simple = (ReadLe(t, at + 26, 1) & 0x01) != 0;
    AbstractNum& list = defs->abstracts[static_cast<int>(i)];
    for (int l = 0; l < (simple ? 1 : kNumLevels); ++l) {
      if (!ReadLevel(t, &pos, &list.levels[l], &defs->warnings)) {
        defs->abstracts.erase(static_cast<int>(i));
        defs->warnings.push_back(
            "Word list levels are truncated: some list items get no "
            "numbers");
        return;
      }
    }
    by_lsid->emplace(ReadLe(t, at, 4), static_cast<int>(i));
  }
}

// The overrides, keyed by ilfo (1-based). A level whose override carries
// its own LVL gets a copy of the list with that level replaced.
void ReadOverrides(std::string_view t, FcLcb plf_lfo,
                   const std::map<uint32_t, int>& by_lsid,
                   NumberingDefs* defs) {
  if (plf_lfo.lcb == 0) return;
  size_t count = Within(t, plf_lfo, 4) ? ReadLe(t, plf_lfo.fc, 4) : 0;
  size_t lfo = plf_lfo.fc + 4;
  if (!Within(t, plf_lfo, 4) || (t.size() - lfo) / kLfoSize < count) {
    defs->warnings.push_back(
        "Word list overrides are damaged: list items get no numbers");
    return;
  }
  size_t pos = lfo + count * kLfoSize;
  for (size_t i = 0; i < count; ++i) {
    size_t at = lfo + i * kLfoSize;
    auto list = by_lsid.find(ReadLe(t, at, 4));
    size_t levels = ReadLe(t, at + 12, 1);
    NumInstance& num = defs->nums[static_cast<int>(i + 1)];
    num.abstract_id = list == by_lsid.end() ? -1 : list->second;
    pos += 4;  // LFOData.cp, unused
    for (size_t l = 0; l < levels; ++l) {
      if (pos > t.size() || t.size() - pos < kLfoLvlSize) {
        defs->warnings.push_back(
            "Word list overrides are truncated: some list items may be "
            "numbered as if not restarted");
        return;
      }
      int start = std::clamp(Signed32(ReadLe(t, pos, 4)), 0, kMaxStart);
      uint32_t flags = ReadLe(t, pos + 4, 4);
      int ilvl = static_cast<int>(flags & 0x0F);
      pos += kLfoLvlSize;
      if ((flags & 0x20) != 0) {  // fFormatting: a whole LVL follows
        NumLevel level;
        if (!ReadLevel(t, &pos, &level, &defs->warnings)) return;
        if (ilvl < kNumLevels && num.abstract_id >= 0) {
          int own = kOverrideListBase + static_cast<int>(i);
          AbstractNum copy = defs->abstracts[num.abstract_id];
          copy.levels[ilvl] = level;
          defs->abstracts[own] = copy;
          num.abstract_id = own;
        }
      }
      if ((flags & 0x10) != 0 && ilvl < kNumLevels) {  // fStartAt
        num.start_overrides[ilvl] = start;
      }
    }
  }
}

}  // namespace

std::string LevelTextFromXst(std::u16string_view xst,
                             std::string_view rgbxch_nums) {
  std::u16string text;
  for (size_t i = 0; i < xst.size(); ++i) {
    // rgbxchNums holds the 1-based places of the level numbers, ending at
    // the first 0.
    bool place = false;
    for (char c : rgbxch_nums) {
      auto at = static_cast<unsigned char>(c);
      if (at == 0) break;
      place = place || at == i + 1;
    }
    if (place && xst[i] < kNumLevels) {
      text += u'%';
      text += static_cast<char16_t>(u'1' + xst[i]);
    } else {
      text += xst[i];
    }
  }
  return Utf16UnitsToUtf8(text);
}

NumberingDefs ParseDocLists(std::string_view table, FcLcb plf_lst,
                            FcLcb plf_lfo) {
  NumberingDefs defs;
  std::map<uint32_t, int> by_lsid;
  ReadLists(table, plf_lst, &defs, &by_lsid);
  ReadOverrides(table, plf_lfo, by_lsid, &defs);
  return defs;
}

}  // namespace intake
