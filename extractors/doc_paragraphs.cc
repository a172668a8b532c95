#include "extractors/doc_paragraphs.h"

#include <algorithm>

namespace intake {
namespace {

constexpr size_t kPageSize = 512;
constexpr size_t kBxPapSize = 13;  // one byte offset, 12 reserved
constexpr uint32_t kPnMask = 0x003FFFFF;

// Paragraph sprms ([MS-DOC] 2.6.2).
constexpr uint16_t kSprmPFInTable = 0x2416;
constexpr uint16_t kSprmPFTtp = 0x2417;
constexpr uint16_t kSprmPOutLvl = 0x2640;
constexpr uint16_t kSprmPIlvl = 0x260A;
constexpr uint16_t kSprmPIlfo = 0x460B;
// Highest ilfo that names an override; 0xF801 and other values mean "not
// numbered" ([MS-DOC] 2.6.2 sprmPIlfo).
constexpr uint32_t kMaxIlfo = 0x07FE;
constexpr uint16_t kSprmPItap = 0x6649;
constexpr uint16_t kSprmPChgTabs = 0xC615;
constexpr uint16_t kSprmTDefTable = 0xD608;

// Operand size of `sprm` whose operand starts at `pos`; 0 when it cannot
// be told (the rare tab-deletion form of sprmPChgTabs), which ends the
// walk over the modifiers.
size_t OperandSize(uint16_t sprm, std::string_view g, size_t pos) {
  switch (sprm >> 13) {  // spra
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      break;
  }
  if (sprm == kSprmTDefTable) return ReadLe(g, pos, 2) + 1;
  uint32_t cb = ReadLe(g, pos, 1);
  if (sprm == kSprmPChgTabs && cb == 255) return 0;
  return 1 + cb;
}

}  // namespace

ParagraphProps ParsePapxGrpprl(std::string_view g) {
  ParagraphProps props;
  props.istd = static_cast<uint16_t>(ReadLe(g, 0, 2));
  size_t pos = 2;
  while (pos + 2 <= g.size()) {
    uint16_t sprm = static_cast<uint16_t>(ReadLe(g, pos, 2));
    pos += 2;
    size_t size = OperandSize(sprm, g, pos);
    if (size == 0 || size > g.size() - pos) break;
    uint32_t value = ReadLe(g, pos, std::min<size_t>(size, 4));
    if (sprm == kSprmPFInTable) props.in_table = value != 0;
    if (sprm == kSprmPFTtp) props.row_end = value != 0;
    if (sprm == kSprmPItap && value >= 1) props.in_table = true;
    if (sprm == kSprmPIlfo) {
      props.ilfo = value <= kMaxIlfo ? static_cast<int>(value) : 0;
    }
    if (sprm == kSprmPIlvl && value <= 8) props.ilvl = static_cast<int>(value);
    if (sprm == kSprmPOutLvl && value <= 8) {
      props.outline_level = static_cast<int>(value);
    }
    pos += size;
  }
  return props;
}

ParagraphIndex::ParagraphIndex(std::string_view word_document,
                               std::string_view table, FcLcb plc)
    : word_document_(word_document) {
  if (plc.fc > table.size() || table.size() - plc.fc < plc.lcb ||
      plc.lcb < 12 || (plc.lcb - 4) % 8 != 0) {
    return;
  }
  std::string_view p = table.substr(plc.fc, plc.lcb);
  size_t n = (p.size() - 4) / 8;
  for (size_t i = 0; i <= n; ++i) fcs_.push_back(ReadLe(p, i * 4, 4));
  for (size_t i = 0; i < n; ++i) {
    page_numbers_.push_back(ReadLe(p, (n + 1) * 4 + i * 4, 4) & kPnMask);
  }
}

std::optional<ParagraphProps> ParagraphIndex::Find(uint32_t fc) const {
  // The last page whose first FC is at or before `fc`.
  auto it =
      std::upper_bound(fcs_.begin(), fcs_.end() - (fcs_.empty() ? 0 : 1), fc);
  if (it == fcs_.begin()) return std::nullopt;
  size_t index = static_cast<size_t>(it - fcs_.begin()) - 1;
  if (index >= page_numbers_.size()) return std::nullopt;
  uint64_t offset = uint64_t{page_numbers_[index]} * kPageSize;
  if (offset + kPageSize > word_document_.size()) return std::nullopt;
  return FromPage(word_document_.substr(offset, kPageSize), fc);
}

std::optional<ParagraphProps> ParagraphIndex::FromPage(std::string_view page,
                                                       uint32_t fc) const {
  // PapxFkp: crun+1 FCs, crun BxPap entries, crun in the last byte. A run
  // covers the paragraph whose mark lies in [rgfc[i], rgfc[i+1]).
  size_t crun = static_cast<unsigned char>(page[kPageSize - 1]);
  if (crun == 0 || (crun + 1) * 4 + crun * kBxPapSize > kPageSize - 1) {
    return std::nullopt;
  }
  for (size_t i = 0; i < crun; ++i) {
    uint32_t begin = ReadLe(page, i * 4, 4);
    uint32_t end = ReadLe(page, (i + 1) * 4, 4);
    if (fc < begin || fc >= end) continue;
    size_t offset = 2 * static_cast<size_t>(
                            ReadLe(page, (crun + 1) * 4 + i * kBxPapSize, 1));
    if (offset == 0) return ParagraphProps{};  // default properties
    if (offset + 2 > kPageSize - 1) return std::nullopt;
    size_t cb = static_cast<unsigned char>(page[offset]);
    size_t start = offset + 1;
    size_t size = 2 * cb - 1;
    if (cb == 0) {
      size =
          2 * static_cast<size_t>(static_cast<unsigned char>(page[offset + 1]));
      start = offset + 2;
    }
    if (start + size > kPageSize - 1) return std::nullopt;
    return ParsePapxGrpprl(page.substr(start, size));
  }
  return std::nullopt;
}

}  // namespace intake
