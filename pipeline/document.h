// Plain data that the extract stage hands to normalize and segment.
//
// An extractor turns the bytes of one document into an Extraction: metadata
// and a list of Blocks in reading order. A Block is what the format itself
// says is one unit of text (a DOCX paragraph, a table row, a PDF text block
// found from the word boxes). Blocks carry no classification and no
// offsets: normalize and segment derive passages from them. No behaviour
// lives here.
#ifndef INTAKE_PIPELINE_DOCUMENT_H_
#define INTAKE_PIPELINE_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

namespace intake {

// The real type of a document, found from its bytes (identify stage).
enum class Format {
  kUnknown,
  kEmpty,
  kPdf,
  kDocx,
  kDoc,
  kOdt,
  kRtf,
  kEml,
  kMbox,
  kMsg,
  kZip,
  kText,
  kXml,  // XML that is no document format intake knows
  kHtml,
  kEncryptedOffice,  // an OOXML file wrapped in an encrypted CDF container
  kTnef,             // a winmail.dat on its own, outside its message
};

// Stable lowercase name used in records: "pdf", "docx", ...
std::string_view FormatName(Format format);

// What the format says about a block before any heuristics run.
enum class BlockKind {
  kBody,          // ordinary text; segment decides paragraph / list / furniture
  kHeading,       // the format marks it as a heading (DOCX heading style)
  kListItem,      // the format marks it as a list entry (bullet or numbering)
  kTableRow,      // one row of a table, cells separated by " | "
  kFootnote,      // footnote or endnote text, kept apart from the body
  kHeaderFooter,  // page header or footer text as the format declares it
};

struct Block {
  BlockKind kind = BlockKind::kBody;
  // 1-based page the block starts on; 0 when the format has no pages (DOCX).
  int page = 0;
  // UTF-8. May contain '\n' where the layout broke a line; normalize decides
  // whether a break is a hyphenated word, a soft wrap or a real break.
  std::string text;
  // The number a reader sees before the text ("3.", "(b)", "•"), when the
  // format renders it apart from the text (Word automatic numbering).
  std::string number;
  // 1..9 for headings whose level the format declares; 0 otherwise.
  int heading_level = 0;
  // Vertical extent as a fraction of the page height (0 = top), for PDFs;
  // negative when unknown. Used to find running headers and footers.
  double top = -1;
  double bottom = -1;
  // Font size in points of the block's first word when known (PDF), else 0.
  double font_size = 0;
  // For a table row found in a PDF: the left edge, in points, of each
  // cell's column, so that a row cut by a page break can be told from a
  // new one (pipeline/table_breaks.h). Empty otherwise.
  std::vector<double> cell_lefts;
  // Mean OCR word confidence in [0, 1] when the text was read by OCR
  // (a scanned PDF page); -1 when it came from the document's own text.
  double ocr_confidence = -1;
};

// The envelope of an e-mail message, decoded to UTF-8 (RFC 2047 words,
// address lists as "Name <addr>, ...").
struct MailHeaders {
  std::string from;
  std::string to;
  std::string cc;
  std::string date;  // ISO 8601 UTC, "" when absent or unreadable
  std::string subject;
  std::string message_id;
};

// A PDF page whose text was read by OCR, and why.
struct PageOcr {
  int page = 0;           // 1-based
  std::string reason;     // the gate's verdict: "no_text", "unmapped_glyphs",
                          // "not_words" (extractors/pdf_text_quality.h)
  double confidence = 0;  // mean OCR word confidence, [0, 1]
};

struct DocumentMeta {
  std::string title;
  std::string author;
  std::string created;     // ISO 8601 ("2021-05-20T10:31:00Z") or empty
  int pages = 0;           // 0 when the format has no pages
  std::string extraction;  // how the text was obtained, e.g. "poppler-text"
  std::vector<PageOcr> ocr_pages;  // in page order; empty when none
  bool is_mail = false;            // set by mail readers; then `mail` is filled
  MailHeaders mail;
};

// A document inside this one (a ZIP member, later an e-mail attachment),
// which the runner processes as a document of its own.
struct EmbeddedFile {
  std::string kind;  // how it was inside: "zip_member", "attachment", ...
  std::string name;  // its name there ("letters/samoa.pdf")
  std::string data;  // its bytes
};

struct Extraction {
  DocumentMeta meta;
  std::vector<Block> blocks;
  // For containers (archives, messages): what they hold, in their order.
  std::vector<EmbeddedFile> embedded;
  // Problems that did not stop extraction ("footnotes.xml unreadable").
  std::vector<std::string> warnings;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_DOCUMENT_H_
