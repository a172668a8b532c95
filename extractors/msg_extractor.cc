#include "extractors/msg_extractor.h"

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/attachment_list.h"
#include "extractors/mail_html.h"
#include "extractors/mail_text.h"
#include "extractors/msg_encryption.h"
#include "extractors/msg_properties.h"
#include "extractors/rtf_body.h"
#include "extractors/story_blocks.h"
#include "extractors/tnef_reader.h"

namespace intake {
namespace {

// MAPI property ids ([MS-OXPROPS]).
constexpr uint16_t kMessageClass = 0x001A;
constexpr uint16_t kSubject = 0x0037;
constexpr uint16_t kTransportHeaders = 0x007D;
constexpr uint16_t kClientSubmitTime = 0x0039;
constexpr uint16_t kSenderName = 0x0C1A;
constexpr uint16_t kSenderEmail = 0x0C1F;
constexpr uint16_t kRecipientType = 0x0C15;
constexpr uint16_t kDisplayCc = 0x0E03;
constexpr uint16_t kDisplayTo = 0x0E04;
constexpr uint16_t kDeliveryTime = 0x0E06;
constexpr uint16_t kBody = 0x1000;
constexpr uint16_t kRtfCompressed = 0x1009;
constexpr uint16_t kBodyHtml = 0x1013;
constexpr uint16_t kInternetMessageId = 0x1035;
constexpr uint16_t kDisplayName = 0x3001;
constexpr uint16_t kEmailAddress = 0x3003;
constexpr uint16_t kAttachData = 0x3701;
constexpr uint16_t kAttachFilename = 0x3704;
constexpr uint16_t kAttachMethod = 0x3705;
constexpr uint16_t kAttachLongFilename = 0x3707;
constexpr uint16_t kAttachMimeTag = 0x370E;
constexpr uint16_t kSmtpAddress = 0x39FE;
constexpr uint16_t kInternetCodePage = 0x3FDE;
constexpr uint16_t kMessageCodePage = 0x3FFD;
constexpr uint16_t kSenderSmtpAddress = 0x5D01;

constexpr uint64_t kAttachEmbeddedMessage = 5;
constexpr uint64_t kAttachOle = 6;
constexpr int kDefaultCodePage = 1252;

std::vector<std::string> ChildNames(GsfInfile* storage,
                                    std::string_view prefix) {
  std::vector<std::string> names;
  int count = gsf_infile_num_children(storage);
  for (int i = 0; i < count; ++i) {
    const char* name = gsf_infile_name_by_index(storage, i);
    if (name != nullptr && std::string_view(name).starts_with(prefix)) {
      names.emplace_back(name);
    }
  }
  // Fixed-width hex suffixes: name order is the message's order.
  std::sort(names.begin(), names.end());
  return names;
}

// "Name <addr>", or whichever of the two there is. An Exchange address
// ("/O=ORG/OU=...") is no address a reader can use.
std::string Mailbox(const std::string& name, const std::string& address) {
  std::string addr =
      address.find('@') != std::string::npos ? address : std::string();
  if (name.empty() || name == addr) return addr.empty() ? name : addr;
  if (addr.empty()) return name;
  return name + " <" + addr + ">";
}

int CodePage(const MsgProperties& props) {
  for (uint16_t id : {kInternetCodePage, kMessageCodePage}) {
    if (std::optional<uint64_t> cp = props.Fixed(id)) {
      int value = static_cast<int>(*cp & 0xFFFF);
      if (value != 0) return value;
    }
  }
  return kDefaultCodePage;
}

class MsgReader {
 public:
  MsgReader(const ExtractLimits& limits, Extraction* out)
      : limits_(limits),
        out_(out),
        attached_(limits, &out->embedded, &out->warnings) {}

  void Read(GsfInfile* root, PropertyHeader header) {
    MsgProperties props(root, header, limits_.max_member_bytes);
    code_page_ = CodePage(props);
    encryption_ =
        MessageEncryption(props.String(kMessageClass, code_page_),
                          props.String(kTransportHeaders, code_page_));
    Envelope(props);
    Body(props);
    for (const std::string& name : ChildNames(root, "__attach_version1.0_#")) {
      GsfPtr<GsfInfile> storage = props.Storage(name);
      if (storage) Attachment(storage.get());
    }
    if (IsBlank(body_) && !tnef_body_.empty()) body_ = tnef_body_;
    for (std::string& paragraph : SplitParagraphs(body_)) {
      Block block;
      block.text = std::move(paragraph);
      out_->blocks.push_back(std::move(block));
    }
    if (!skipped_images_.empty()) {
      out_->warnings.push_back(
          std::to_string(image_count_) +
          " image(s) skipped, no OCR yet: " + skipped_images_);
    }
    if (!encryption_.empty() && !out_->blocks.empty()) {
      out_->warnings.push_back("encrypted content not read: " + encryption_);
    }
  }

  // Why the message is encrypted; "" when it is not.
  const std::string& encryption() const { return encryption_; }

 private:
  void Envelope(const MsgProperties& props) {
    MailHeaders& h = out_->meta.mail;
    h.subject = props.String(kSubject, code_page_);
    std::string address = props.String(kSenderSmtpAddress, code_page_);
    if (address.empty()) address = props.String(kSenderEmail, code_page_);
    h.from = Mailbox(props.String(kSenderName, code_page_), address);
    Recipients(props);
    if (h.to.empty()) h.to = props.String(kDisplayTo, code_page_);
    if (h.cc.empty()) h.cc = props.String(kDisplayCc, code_page_);
    std::string id = props.String(kInternetMessageId, code_page_);
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') {
      id = id.substr(1, id.size() - 2);
    }
    h.message_id = id;
    for (uint16_t time : {kClientSubmitTime, kDeliveryTime}) {
      if (std::optional<uint64_t> t = props.Fixed(time)) {
        h.date = FiletimeToIso(*t);
        if (!h.date.empty()) break;
      }
    }
    DocumentMeta& meta = out_->meta;
    meta.extraction = "msg";
    meta.is_mail = true;
    meta.title = h.subject;
    meta.author = h.from;
    meta.created = h.date;
  }

  // The recipient table has addresses; PR_DISPLAY_TO only names.
  void Recipients(const MsgProperties& props) {
    MailHeaders& h = out_->meta.mail;
    for (const std::string& name :
         ChildNames(props.storage(), "__recip_version1.0_#")) {
      GsfPtr<GsfInfile> storage = props.Storage(name);
      if (!storage) continue;
      MsgProperties recip(storage.get(), PropertyHeader::kAttachmentOrRecipient,
                          limits_.max_member_bytes);
      std::string address = recip.String(kSmtpAddress, code_page_);
      if (address.empty()) address = recip.String(kEmailAddress, code_page_);
      std::string mailbox =
          Mailbox(recip.String(kDisplayName, code_page_), address);
      if (mailbox.empty()) continue;
      uint64_t type = recip.Fixed(kRecipientType).value_or(1) & 0xFF;
      std::string* field = type == 1 ? &h.to : type == 2 ? &h.cc : nullptr;
      if (field == nullptr) continue;  // Bcc and others: not in the envelope
      if (!field->empty()) *field += ", ";
      *field += mailbox;
    }
  }

  void Body(const MsgProperties& props) {
    body_ = props.String(kBody, code_page_);
    if (!IsBlank(body_)) return;
    std::optional<std::string> html = props.Binary(kBodyHtml);
    std::string html_text = html ? *html : props.String(kBodyHtml, code_page_);
    if (!html_text.empty()) {
      std::string warning;
      // The HTML declares its charset in a <meta>; the code page is
      // Outlook's own statement of it.
      std::string utf8 =
          html ? MailTextToUtf8(html_text,
                                code_page_ == 65001
                                    ? "UTF-8"
                                    : "cp" + std::to_string(code_page_),
                                &warning)
               : html_text;
      if (!warning.empty()) out_->warnings.push_back(warning);
      body_ = HtmlToText(utf8, limits_.max_xml_depth);
      return;
    }
    // Mail written in Outlook's rich-text editor keeps no other body.
    if (std::optional<std::string> rtf = props.Binary(kRtfCompressed)) {
      body_ = CompressedRtfBodyText(*rtf, limits_, &out_->warnings);
    }
  }

  void Attachment(GsfInfile* storage) {
    MsgProperties att(storage, PropertyHeader::kAttachmentOrRecipient,
                      limits_.max_member_bytes);
    ++attachments_;
    GsfPtr<GsfInfile> embedded = att.Storage(SubstgName(kAttachData, 0x000D));
    std::optional<uint64_t> method = att.Fixed(kAttachMethod);
    if (method == kAttachEmbeddedMessage ||
        (embedded && method != kAttachOle)) {
      EmbeddedMessage(embedded.get());
      return;
    }
    std::string name = att.String(kAttachLongFilename, code_page_);
    if (name.empty()) name = att.String(kAttachFilename, code_page_);
    if (name.empty()) name = att.String(kDisplayName, code_page_);
    if (name.empty())
      name = "attachment-" + std::to_string(attachments_) + ".bin";
    std::string mime = att.String(kAttachMimeTag, code_page_);
    // The parts of an encrypted message are its envelope, not documents:
    // the ciphertext would only be read as noise.
    std::string envelope = AttachmentEncryption(name, mime);
    if (!envelope.empty() || !encryption_.empty()) {
      if (encryption_.empty()) encryption_ = std::move(envelope);
      return;
    }
    if (mime.starts_with("image/")) {
      if (!skipped_images_.empty()) skipped_images_ += ", ";
      skipped_images_ += name;
      ++image_count_;
      return;
    }
    if (attached_.full()) return;
    bool too_big = false;
    // An OLE object (a Word document inserted as an object) is a storage:
    // handed on as the compound file it was.
    std::optional<std::string> data =
        embedded ? StorageAsMessage(embedded.get(), limits_.max_member_bytes)
                 : att.Stream(SubstgName(kAttachData, 0x0102), &too_big);
    if (!data) {
      out_->warnings.push_back(
          name + (too_big ? ": larger than " +
                                std::to_string(limits_.max_member_bytes) +
                                " bytes, skipped"
                          : ": attachment without data, skipped"));
      return;
    }
    if (IsTnefAttachment(name, mime)) {
      TnefContent tnef;
      if (ReadTnef(*data, limits_, &tnef)) {
        for (EmbeddedFile& f : tnef.files) {
          attached_.Add("attachment", std::move(f.name), std::move(f.data));
        }
        if (tnef_body_.empty()) tnef_body_ = std::move(tnef.body);
        out_->warnings.insert(out_->warnings.end(), tnef.warnings.begin(),
                              tnef.warnings.end());
        return;
      }
      out_->warnings.push_back(name +
                               ": not a readable TNEF stream, kept as is");
    }
    attached_.Add("attachment", std::move(name), std::move(*data));
  }

  void EmbeddedMessage(GsfInfile* storage) {
    if (storage == nullptr) {
      out_->warnings.push_back("attached message without its data, skipped");
      return;
    }
    if (attached_.full()) return;
    MsgProperties inner(storage, PropertyHeader::kEmbeddedMessage,
                        limits_.max_member_bytes);
    std::string subject = inner.String(kSubject, CodePage(inner));
    // ".msg" so the name never promises another type ("Re: budget.pdf").
    std::string name = subject.empty()
                           ? "message-" + std::to_string(attachments_) + ".msg"
                           : subject + ".msg";
    std::optional<std::string> bytes =
        StorageAsMessage(storage, limits_.max_member_bytes);
    if (!bytes) {
      out_->warnings.push_back(name +
                               ": attached message too large or too "
                               "deeply nested, skipped");
      return;
    }
    attached_.Add("attached_message", std::move(name), std::move(*bytes));
  }

  const ExtractLimits& limits_;
  Extraction* out_;
  int code_page_ = kDefaultCodePage;
  std::string encryption_;
  std::string body_;
  std::string tnef_body_;
  int attachments_ = 0;
  int image_count_ = 0;
  std::string skipped_images_;
  AttachmentList attached_;
};

bool HasPropertyStreams(GsfInfile* root) {
  return !ChildNames(root, "__substg1.0_").empty() ||
         !ChildNames(root, "__properties_version1.0").empty();
}

}  // namespace

Status ExtractMsg(std::string_view data, const ExtractLimits& limits,
                  Extraction* out) {
  GsfPtr<GsfInfile> root = OpenCompoundFile(data);
  if (!root) return Status::Corrupt("not an Outlook message");
  if (!HasPropertyStreams(root.get())) {
    return Status::Unsupported("compound file that is not an Outlook message");
  }
  MsgReader reader(limits, out);
  reader.Read(root.get(), PropertyHeader::kTopMessage);
  // The envelope (sender, subject) stays in the record; with nothing
  // else readable the message is what its bytes say: encrypted.
  if (!reader.encryption().empty() && out->blocks.empty() &&
      out->embedded.empty()) {
    return Status::Encrypted(reader.encryption());
  }
  return Status::Ok();
}

}  // namespace intake
