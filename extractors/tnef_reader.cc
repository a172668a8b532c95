#include "extractors/tnef_reader.h"

#include <cctype>
#include <cstdint>
#include <memory>

#include "extractors/mail_html.h"
#include "extractors/mail_text.h"
#include "extractors/rtf_body.h"
#include "extractors/story_blocks.h"
#include "pipeline/unicode_text.h"

extern "C" {
#include <ytnef.h>
}

namespace intake {
namespace {

constexpr unsigned kBody = 0x1000;
constexpr unsigned kRtfCompressed = 0x1009;
constexpr unsigned kBodyHtml = 0x1013;
constexpr unsigned kAttachFilename = 0x3704;
constexpr unsigned kAttachLongFilename = 0x3707;

struct TnefFree {
  void operator()(TNEFStruct* tnef) const {
    TNEFFree(tnef);
    delete tnef;
  }
};
using TnefPtr = std::unique_ptr<TNEFStruct, TnefFree>;

std::string_view Bytes(const variableLength* v) {
  if (v == nullptr || v == MAPI_UNDEFINED || v->data == nullptr ||
      v->size <= 0) {
    return {};
  }
  return {reinterpret_cast<const char*>(v->data), static_cast<size_t>(v->size)};
}

std::string DropNuls(std::string text) {
  while (!text.empty() && text.back() == '\0') text.pop_back();
  return text;
}

std::string Decode8(std::string_view bytes, int code_page) {
  std::string ignored;
  return MailTextToUtf8(
      DropNuls(std::string(bytes)),
      code_page == 65001 ? "UTF-8" : "cp" + std::to_string(code_page),
      &ignored);
}

// MAPI string property `id` of `props`, UTF-16 or 8-bit, as UTF-8.
std::string MapiString(MAPIProps* props, unsigned id, int code_page) {
  std::string_view utf16 =
      Bytes(MAPIFindProperty(props, PROP_TAG(PT_UNICODE, id)));
  if (!utf16.empty()) {
    std::string even(utf16.substr(0, utf16.size() & ~size_t{1}));
    return DropNuls(ToValidUtf8(Utf16ToUtf8(even, "UTF-16LE")));
  }
  std::string_view bytes =
      Bytes(MAPIFindProperty(props, PROP_TAG(PT_STRING8, id)));
  return bytes.empty() ? "" : Decode8(bytes, code_page);
}

int CodePage(TNEFStruct* tnef) {
  std::string_view cp = Bytes(&tnef->CodePage);
  if (cp.size() < 4) return 1252;
  int value = static_cast<unsigned char>(cp[0]) |
              static_cast<unsigned char>(cp[1]) << 8;
  return value == 0 ? 1252 : value;
}

std::string Body(TNEFStruct* tnef, int code_page, const ExtractLimits& limits,
                 std::vector<std::string>* warnings) {
  std::string text = MapiString(&tnef->MapiProperties, kBody, code_page);
  if (IsBlank(text)) {
    std::string_view legacy = Bytes(&tnef->body);
    if (!legacy.empty()) text = Decode8(legacy, code_page);
  }
  if (IsBlank(text)) {
    std::string_view html = Bytes(MAPIFindProperty(
        &tnef->MapiProperties, PROP_TAG(PT_BINARY, kBodyHtml)));
    if (!html.empty()) {
      text = HtmlToText(Decode8(html, code_page), limits.max_xml_depth);
    }
  }
  if (IsBlank(text)) {
    std::string_view rtf = Bytes(MAPIFindProperty(
        &tnef->MapiProperties, PROP_TAG(PT_BINARY, kRtfCompressed)));
    if (!rtf.empty()) text = CompressedRtfBodyText(rtf, limits, warnings);
  }
  return text;
}

// ytnef prints what it finds wrong (a checksum mismatch, a length past the
// end) with printf, onto our standard output, where `intake extract`
// writes its JSON Lines. So the record layer is walked here first and a
// stream ytnef would complain about is never handed to it: signature and
// key, then records of level (1 byte), attribute (4), length (4), data and
// a 16-bit sum of the data bytes.
bool RecordsAreWhole(std::string_view data) {
  auto u32 = [&](size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(data[at])) |
           static_cast<uint32_t>(static_cast<unsigned char>(data[at + 1]))
               << 8 |
           static_cast<uint32_t>(static_cast<unsigned char>(data[at + 2]))
               << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(data[at + 3]))
               << 24;
  };
  size_t at = 6;
  while (at < data.size()) {
    if (data.size() - at < 9) return false;
    uint32_t length = u32(at + 5);
    at += 9;
    if (length > data.size() - at || data.size() - at - length < 2) {
      return false;
    }
    uint32_t sum = 0;
    for (size_t i = 0; i < length; ++i) {
      sum += static_cast<unsigned char>(data[at + i]);
    }
    at += length;
    uint32_t checksum = static_cast<unsigned char>(data[at]) |
                        static_cast<unsigned char>(data[at + 1]) << 8;
    if ((sum & 0xFFFF) != checksum) return false;
    at += 2;
  }
  return true;
}

}  // namespace

bool IsTnefAttachment(std::string_view name, std::string_view content_type) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  return lower(name) == "winmail.dat" ||
         lower(content_type) == "application/ms-tnef" ||
         lower(content_type) == "application/vnd.ms-tnef";
}

bool HasTnefSignature(std::string_view data) {
  return data.starts_with("\x78\x9F\x3E\x22");
}

bool ReadTnef(std::string_view data, const ExtractLimits& limits,
              TnefContent* out) {
  if (!HasTnefSignature(data) || data.size() < 6 || !RecordsAreWhole(data) ||
      static_cast<long long>(data.size()) > limits.max_member_bytes) {
    return false;
  }
  // ytnef wants a mutable buffer and keeps pointers into it while parsing.
  std::string copy(data);
  TnefPtr tnef(new TNEFStruct);
  TNEFInitialize(tnef.get());
  tnef->Debug = 0;
  if (TNEFParseMemory(reinterpret_cast<BYTE*>(copy.data()),
                      static_cast<long>(copy.size()), tnef.get()) < 0) {
    return false;
  }
  int code_page = CodePage(tnef.get());
  out->body = Body(tnef.get(), code_page, limits, &out->warnings);
  int unnamed = 0;
  int skipped = 0;
  for (Attachment* a = tnef->starting_attach.next; a != nullptr; a = a->next) {
    std::string_view bytes = Bytes(&a->FileData);
    if (bytes.empty()) {
      ++skipped;
      continue;
    }
    if (static_cast<int>(out->files.size()) == limits.max_archive_members) {
      out->warnings.push_back("winmail.dat holds more than " +
                              std::to_string(limits.max_archive_members) +
                              " files: the rest were skipped");
      break;
    }
    std::string name = MapiString(&a->MAPI, kAttachLongFilename, code_page);
    if (name.empty()) name = MapiString(&a->MAPI, kAttachFilename, code_page);
    if (name.empty()) {
      std::string_view title = Bytes(&a->Title);
      if (!title.empty()) name = Decode8(title, code_page);
    }
    if (name.empty()) name = "attachment-" + std::to_string(++unnamed) + ".bin";
    out->files.push_back({"attachment", std::move(name), std::string(bytes)});
  }
  if (skipped > 0) {
    out->warnings.push_back(
        "winmail.dat: " + std::to_string(skipped) +
        " item(s) without file data skipped (attached messages, calendar)");
  }
  return true;
}

}  // namespace intake
