#include "extractors/doc_fib.h"

#include <string>

namespace intake {
namespace {

constexpr uint16_t kWordSignature = 0xA5EC;
constexpr uint16_t kWord6Signature = 0xA5DC;

// FibBase flags ([MS-DOC] 2.5.2).
constexpr uint16_t kFlagEncrypted = 1 << 8;
constexpr uint16_t kFlagWhichTable = 1 << 9;
constexpr uint16_t kFlagObfuscated = 1 << 15;

// Indexes of FibRgLw97 fields (4 bytes each) and FibRgFcLcb97 pairs.
constexpr int kLwCcpText = 3;
constexpr int kFcLcbPlcffndTxt = 3;
constexpr int kFcLcbPlcfHdd = 11;
constexpr int kFcLcbPlcfBtePapx = 13;
constexpr int kFcLcbClx = 33;
constexpr int kFcLcbPlcfendTxt = 47;
constexpr int kFcLcbPlfLst = 73;
constexpr int kFcLcbPlfLfo = 74;

}  // namespace

uint32_t ReadLe(std::string_view bytes, size_t pos, int size) {
  if (pos > bytes.size() || bytes.size() - pos < static_cast<size_t>(size)) {
    return 0;
  }
  uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[pos + i]);
  }
  return value;
}

Status ParseFib(std::string_view wd, DocFib* fib) {
  // FibBase is 32 bytes, then csw and the FibRgW97 it counts.
  uint32_t signature = ReadLe(wd, 0, 2);
  if (wd.size() < 34 ||
      (signature != kWordSignature && signature != kWord6Signature)) {
    return Status::Corrupt(
        "WordDocument stream without the Word signature: damaged file");
  }
  fib->n_fib = static_cast<uint16_t>(ReadLe(wd, 2, 2));
  uint16_t flags = static_cast<uint16_t>(ReadLe(wd, 0x0A, 2));
  fib->encrypted = (flags & kFlagEncrypted) != 0;
  fib->obfuscated = (flags & kFlagObfuscated) != 0;
  fib->one_table = (flags & kFlagWhichTable) != 0;
  // Past FibBase an encrypted file's FIB is encrypted too: the caller
  // reports the password before anything else is read.
  if (fib->encrypted || fib->obfuscated) return Status::Ok();
  if (fib->n_fib < kOldestWord97Fib || signature == kWord6Signature) {
    return Status::Unsupported("Word 6 or Word 95 document (format version " +
                               std::to_string(fib->n_fib) +
                               "): only Word 97-2003 .doc files are read; "
                               "save it in a newer Word format");
  }
  // Each block is preceded by its count, so later Word versions that add
  // fields still parse.
  size_t pos = 32;
  size_t csw = ReadLe(wd, pos, 2);
  pos += 2 + csw * 2;
  size_t cslw = ReadLe(wd, pos, 2);
  size_t lw = pos + 2;
  pos = lw + cslw * 4;
  size_t cb_fc_lcb = ReadLe(wd, pos, 2);
  size_t fc_lcb = pos + 2;
  if (cslw < kLwCcpText + 8 || cb_fc_lcb <= kFcLcbClx ||
      fc_lcb + cb_fc_lcb * 8 > wd.size()) {
    return Status::Corrupt(
        "Word file information block is damaged or truncated");
  }
  uint32_t* counts[] = {&fib->ccp_text, &fib->ccp_ftn,     &fib->ccp_hdd,
                        &fib->ccp_mcr,  &fib->ccp_atn,     &fib->ccp_edn,
                        &fib->ccp_txbx, &fib->ccp_hdr_txbx};
  for (int i = 0; i < 8; ++i) {
    *counts[i] = ReadLe(wd, lw + (kLwCcpText + i) * 4, 4);
  }
  auto pair = [&](int index) {
    if (static_cast<size_t>(index) >= cb_fc_lcb) return FcLcb{};
    size_t at = fc_lcb + index * 8;
    return FcLcb{ReadLe(wd, at, 4), ReadLe(wd, at + 4, 4)};
  };
  fib->plcffnd_txt = pair(kFcLcbPlcffndTxt);
  fib->plcf_hdd = pair(kFcLcbPlcfHdd);
  fib->plcf_bte_papx = pair(kFcLcbPlcfBtePapx);
  fib->clx = pair(kFcLcbClx);
  fib->plcfend_txt = pair(kFcLcbPlcfendTxt);
  fib->plf_lst = pair(kFcLcbPlfLst);
  fib->plf_lfo = pair(kFcLcbPlfLfo);
  return Status::Ok();
}

}  // namespace intake
