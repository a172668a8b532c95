#include "extractors/mail_parts.h"

#include <string_view>

#include "extractors/attachment_list.h"
#include "extractors/gmime_handles.h"
#include "extractors/mail_html.h"
#include "extractors/mail_text.h"
#include "extractors/story_blocks.h"
#include "extractors/tnef_reader.h"

namespace intake {
namespace {

std::string StreamBytes(GMimeStream* stream) {
  GByteArray* bytes =
      g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
  if (bytes == nullptr || bytes->data == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// The part's content decoded from its transfer encoding (base64,
// quoted-printable, uuencode). GMime's decoders skip what is not valid, so
// bad base64 gives short bytes rather than an error.
std::string DecodedBytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return "";
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  if (g_mime_data_wrapper_write_to_stream(content, stream.get()) < 0) {
    return "";
  }
  return StreamBytes(stream.get());
}

bool IsType(GMimeObject* object, const char* type, const char* subtype) {
  GMimeContentType* ct = g_mime_object_get_content_type(object);
  return ct != nullptr && g_mime_content_type_is_type(ct, type, subtype);
}

// A file name for an attachment that has none, from its content type.
std::string Extension(GMimeObject* object) {
  static const struct {
    const char* type;
    const char* subtype;
    const char* extension;
  } kExtensions[] = {
      {"application", "pdf", ".pdf"},
      {"application", "msword", ".doc"},
      {"application",
       "vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"},
      {"application", "vnd.oasis.opendocument.text", ".odt"},
      {"application", "rtf", ".rtf"},
      {"text", "rtf", ".rtf"},
      {"application", "zip", ".zip"},
      {"application", "x-zip-compressed", ".zip"},
      {"application", "vnd.ms-outlook", ".msg"},
      {"text", "plain", ".txt"},
      {"text", "html", ".html"},
      {"text", "csv", ".csv"},
  };
  for (const auto& e : kExtensions) {
    if (IsType(object, e.type, e.subtype)) return e.extension;
  }
  return ".bin";
}

// Parts that are part of the message's machinery, not documents.
bool IsSignature(GMimeObject* object) {
  return IsType(object, "application", "pgp-signature") ||
         IsType(object, "application", "pkcs7-signature") ||
         IsType(object, "application", "x-pkcs7-signature");
}

bool IsEncryptedLeaf(GMimeObject* object) {
  return IsType(object, "application", "pkcs7-mime") ||
         IsType(object, "application", "x-pkcs7-mime") ||
         IsType(object, "application", "pgp-encrypted");
}

class PartWalker {
 public:
  PartWalker(const ExtractLimits& limits, MailContent* out)
      : limits_(limits),
        out_(out),
        attachments_(limits, &out->embedded, &out->warnings) {}

  void Walk(GMimeObject* object, int depth) {
    if (object == nullptr) return;
    if (depth > kMaxMimeDepth) {
      if (!depth_warned_) {
        out_->warnings.push_back("MIME parts nested more than " +
                                 std::to_string(kMaxMimeDepth) +
                                 " deep: the deeper parts were skipped");
        depth_warned_ = true;
      }
      return;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
      AttachedMessage(GMIME_MESSAGE_PART(object));
    } else if (GMIME_IS_MULTIPART_ENCRYPTED(object)) {
      Encrypted();
    } else if (GMIME_IS_MULTIPART_SIGNED(object)) {
      GMimeMultipart* signed_part = GMIME_MULTIPART(object);
      if (g_mime_multipart_get_count(signed_part) > 0) {
        Walk(g_mime_multipart_get_part(signed_part,
                                       GMIME_MULTIPART_SIGNED_CONTENT),
             depth + 1);
      }
    } else if (GMIME_IS_MULTIPART(object)) {
      GMimeMultipart* multipart = GMIME_MULTIPART(object);
      if (IsType(object, "multipart", "alternative")) {
        Alternative(multipart, depth);
      } else {
        int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; ++i) {
          Walk(g_mime_multipart_get_part(multipart, i), depth + 1);
        }
      }
    } else if (GMIME_IS_PART(object)) {
      Leaf(GMIME_PART(object));
    }
  }

  void Finish() {
    if (out_->texts.empty() && !IsBlank(tnef_text_)) {
      out_->texts.push_back(std::move(tnef_text_));
    }
    if (skipped_images_.empty()) return;
    out_->warnings.push_back(
        std::to_string(image_count_) +
        " image(s) skipped, no OCR yet: " + skipped_images_);
  }

 private:
  // Body text, not a file: a text part nobody named or marked attachment.
  static bool IsBodyText(GMimePart* part) {
    GMimeObject* object = GMIME_OBJECT(part);
    if (!IsType(object, "text", "plain") && !IsType(object, "text", "html")) {
      return false;
    }
    GMimeContentDisposition* disposition =
        g_mime_object_get_content_disposition(object);
    if (disposition != nullptr &&
        g_mime_content_disposition_is_attachment(disposition)) {
      return false;
    }
    return g_mime_part_get_filename(part) == nullptr;
  }

  // The plain text of a body part, or "" (with a warning when the charset
  // was wrong).
  std::string BodyText(GMimePart* part) {
    GMimeObject* object = GMIME_OBJECT(part);
    const char* charset =
        g_mime_object_get_content_type_parameter(object, "charset");
    std::string warning;
    std::string text =
        MailTextToUtf8(DecodedBytes(part), charset ? charset : "", &warning);
    if (!warning.empty()) out_->warnings.push_back(warning);
    if (IsType(object, "text", "html")) {
      text = HtmlToText(text, limits_.max_xml_depth);
    }
    return text;
  }

  // The text/plain alternative when it says something, else the last (the
  // richest, RFC 2046 5.1.4) read as any other part.
  void Alternative(GMimeMultipart* multipart, int depth) {
    int count = g_mime_multipart_get_count(multipart);
    for (int i = 0; i < count; ++i) {
      GMimeObject* child = g_mime_multipart_get_part(multipart, i);
      if (GMIME_IS_PART(child) && IsType(child, "text", "plain") &&
          IsBodyText(GMIME_PART(child))) {
        std::string text = BodyText(GMIME_PART(child));
        if (!IsBlank(text)) {
          out_->texts.push_back(std::move(text));
          return;
        }
      }
    }
    if (count > 0) {
      Walk(g_mime_multipart_get_part(multipart, count - 1), depth + 1);
    }
  }

  void Leaf(GMimePart* part) {
    GMimeObject* object = GMIME_OBJECT(part);
    if (IsSignature(object)) return;
    if (IsEncryptedLeaf(object)) {
      Encrypted();
      return;
    }
    if (IsBodyText(part)) {
      std::string text = BodyText(part);
      if (!IsBlank(text)) out_->texts.push_back(std::move(text));
      return;
    }
    const char* filename = g_mime_part_get_filename(part);
    std::string name =
        filename != nullptr && *filename != '\0'
            ? std::string(filename)
            : "attachment-" + std::to_string(++unnamed_) + Extension(object);
    if (IsType(object, "image", "*")) {
      if (!skipped_images_.empty()) skipped_images_ += ", ";
      skipped_images_ += name;
      ++image_count_;
      return;
    }
    if (attachments_.full()) return;  // spare decoding what will not be kept
    std::string data = DecodedBytes(part);
    bool tnef_type = IsType(object, "application", "ms-tnef") ||
                     IsType(object, "application", "vnd.ms-tnef");
    if (IsTnefAttachment(name, tnef_type ? "application/ms-tnef" : "")) {
      if (Tnef(data)) return;
      out_->warnings.push_back(name +
                               ": not a readable TNEF stream, kept as is");
    }
    attachments_.Add("attachment", std::move(name), std::move(data));
  }

  // winmail.dat is packaging: its files are this message's attachments and
  // its body the message's when the message has none of its own.
  bool Tnef(std::string_view data) {
    TnefContent tnef;
    if (!ReadTnef(data, limits_, &tnef)) return false;
    for (EmbeddedFile& f : tnef.files) {
      attachments_.Add("attachment", std::move(f.name), std::move(f.data));
    }
    if (tnef_text_.empty()) tnef_text_ = std::move(tnef.body);
    out_->warnings.insert(out_->warnings.end(), tnef.warnings.begin(),
                          tnef.warnings.end());
    return true;
  }

  void AttachedMessage(GMimeMessagePart* part) {
    GMimeMessage* message = g_mime_message_part_get_message(part);
    if (message == nullptr || attachments_.full()) return;
    const char* subject = g_mime_message_get_subject(message);
    // ".eml" so the name never promises another type ("Re: budget.pdf").
    std::string name = subject != nullptr && *subject != '\0'
                           ? std::string(subject) + ".eml"
                           : "message-" + std::to_string(++messages_) + ".eml";
    attachments_.Add("attached_message", std::move(name),
                     SerializeMessage(message));
  }

  void Encrypted() {
    if (!out_->encrypted) out_->warnings.push_back("encrypted message body");
    out_->encrypted = true;
  }

  const ExtractLimits& limits_;
  MailContent* out_;
  int unnamed_ = 0;
  int messages_ = 0;
  int image_count_ = 0;
  std::string skipped_images_;
  std::string tnef_text_;
  AttachmentList attachments_;
  bool depth_warned_ = false;
};

}  // namespace

void CollectMailContent(GMimeObject* root, const ExtractLimits& limits,
                        MailContent* out) {
  PartWalker walker(limits, out);
  walker.Walk(root, 0);
  walker.Finish();
}

std::string SerializeMessage(GMimeMessage* message) {
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  if (g_mime_object_write_to_stream(GMIME_OBJECT(message), nullptr,
                                    stream.get()) < 0) {
    return "";
  }
  return StreamBytes(stream.get());
}

}  // namespace intake
