#include "extractors/mail_extractor.h"

#include <mutex>
#include <string>

#include "extractors/gmime_handles.h"
#include "extractors/mail_parts.h"
#include "extractors/mail_text.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

void InitGMimeOnce() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// A parser over a copy of `data` (GMime's memory stream copies it).
GObjectPtr<GMimeParser> NewParser(std::string_view data, GMimeFormat format) {
  InitGMimeOnce();
  GObjectPtr<GMimeStream> stream(
      g_mime_stream_mem_new_with_buffer(data.data(), data.size()));
  // The parser takes its own reference to the stream.
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), format);
  return parser;
}

std::string Addresses(InternetAddressList* list) {
  if (list == nullptr || internet_address_list_length(list) == 0) return "";
  // encode = FALSE: names as a person reads them, not RFC 2047 words.
  GCharPtr text(internet_address_list_to_string(list, nullptr, FALSE));
  return text ? std::string(text.get()) : "";
}

std::string IsoDate(GDateTime* date) {
  if (date == nullptr) return "";
  GDateTimePtr utc(g_date_time_to_utc(date));
  if (!utc) return "";
  GCharPtr text(g_date_time_format(utc.get(), "%Y-%m-%dT%H:%M:%SZ"));
  return text ? std::string(text.get()) : "";
}

MailHeaders Envelope(GMimeMessage* message) {
  MailHeaders h;
  h.from = Addresses(g_mime_message_get_from(message));
  h.to = Addresses(g_mime_message_get_to(message));
  h.cc = Addresses(g_mime_message_get_cc(message));
  h.date = IsoDate(g_mime_message_get_date(message));
  const char* subject = g_mime_message_get_subject(message);
  h.subject = subject ? subject : "";
  const char* id = g_mime_message_get_message_id(message);
  h.message_id = id ? id : "";
  return h;
}

bool HasHeaders(GMimeMessage* message) {
  GMimeHeaderList* headers =
      g_mime_object_get_header_list(GMIME_OBJECT(message));
  return headers != nullptr && g_mime_header_list_get_count(headers) > 0;
}

}  // namespace

Status ExtractEml(std::string_view data, const ExtractLimits& limits,
                  Extraction* out) {
  // MIME is a byte protocol GMime reads as ASCII; a mail saved as UTF-16
  // (Outlook "Unicode text") is read through its UTF-8 transcoding.
  std::string transcoded;
  std::string_view utf16 = Utf16Charset(data);
  if (!utf16.empty()) {
    transcoded = Utf16ToUtf8(data, utf16);
    data = transcoded;
    out->warnings.push_back("message stored as " + std::string(utf16) +
                            ": read as UTF-8");
  }
  GObjectPtr<GMimeParser> parser = NewParser(data, GMIME_FORMAT_MESSAGE);
  GObjectPtr<GMimeMessage> message(
      g_mime_parser_construct_message(parser.get(), nullptr));
  if (!message || !HasHeaders(message.get())) {
    return Status::Corrupt("not a readable e-mail message");
  }
  DocumentMeta& meta = out->meta;
  meta.extraction = "gmime";
  meta.is_mail = true;
  meta.mail = Envelope(message.get());
  meta.title = meta.mail.subject;
  meta.author = meta.mail.from;
  meta.created = meta.mail.date;

  MailContent content;
  CollectMailContent(g_mime_message_get_mime_part(message.get()), limits,
                     &content);
  for (const std::string& text : content.texts) {
    for (std::string& paragraph : SplitParagraphs(text)) {
      Block block;
      block.text = std::move(paragraph);
      out->blocks.push_back(std::move(block));
    }
  }
  out->embedded = std::move(content.embedded);
  out->warnings.insert(out->warnings.end(), content.warnings.begin(),
                       content.warnings.end());
  if (content.encrypted && out->blocks.empty() && out->embedded.empty()) {
    return Status::Encrypted("message body is encrypted (S/MIME or PGP)");
  }
  return Status::Ok();
}

Status ExtractMbox(std::string_view data, const ExtractLimits& limits,
                   Extraction* out) {
  GObjectPtr<GMimeParser> parser = NewParser(data, GMIME_FORMAT_MBOX);
  out->meta.extraction = "gmime-mbox";
  long long total = 0;
  int read = 0;
  while (!g_mime_parser_eos(parser.get())) {
    GObjectPtr<GMimeMessage> message(
        g_mime_parser_construct_message(parser.get(), nullptr));
    // No message where one should start: the rest is not mbox. Stopping
    // also guarantees progress, so a hostile file cannot loop us.
    if (!message) {
      if (read == 0) return Status::Corrupt("not a readable mbox file");
      out->warnings.push_back("unreadable after message " +
                              std::to_string(read) + ": the rest was skipped");
      break;
    }
    ++read;
    if (static_cast<int>(out->embedded.size()) == limits.max_archive_members) {
      out->warnings.push_back("more than " +
                              std::to_string(limits.max_archive_members) +
                              " messages: the rest were skipped");
      break;
    }
    const char* subject = g_mime_message_get_subject(message.get());
    std::string name = "message-" + std::to_string(read);
    if (subject != nullptr && *subject != '\0')
      name += " " + std::string(subject);
    name += ".eml";
    std::string bytes = SerializeMessage(message.get());
    total += static_cast<long long>(bytes.size());
    if (total > limits.max_archive_bytes) {
      out->warnings.push_back("messages take more than " +
                              std::to_string(limits.max_archive_bytes) +
                              " bytes: " + name + " and the rest were skipped");
      break;
    }
    out->embedded.push_back(
        {"mbox_message", std::move(name), std::move(bytes)});
  }
  if (read == 0) return Status::Corrupt("not a readable mbox file");
  return Status::Ok();
}

}  // namespace intake
