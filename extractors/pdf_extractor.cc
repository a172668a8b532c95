#include "extractors/pdf_extractor.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <ctime>
#include <memory>
#include <mutex>

#include "extractors/pdf_columns.h"
#include "extractors/pdf_layout.h"
#include "extractors/pdf_note_marks.h"
#include "extractors/pdf_ocr.h"
#include "extractors/pdf_tables.h"
#include "extractors/pdf_text_quality.h"
#include "pipeline/progress.h"

namespace intake {
namespace {

// poppler's ustring::to_utf8() opens an iconv converter on every call,
// which cost more than the rest of our handling of a word (the profile in
// the README). Ordinary text is encoded here; anything odd (NUL,
// surrogates, U+FEFF and above) still goes through poppler, whose iconv
// has its own ways with those, so the bytes stay the same.
std::string Utf8(const poppler::ustring& s) {
  std::string out;
  out.reserve(s.size());
  for (const unsigned short unit : s) {
    const unsigned c = unit;
    if (c == 0 || (c >= 0xD800 && c < 0xE000) || c >= 0xFEFF) {
      poppler::byte_array bytes = s.to_utf8();
      return std::string(bytes.begin(), bytes.end());
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string IsoDate(time_t t) {
  if (t <= 0) return "";
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Poppler prints its complaints about damaged files to stderr; the record's
// status and error say what matters, so the noise is dropped.
//
// poppler-cpp builds its global settings (GlobalParams: the glyph name
// tables, the encoding directories scanned) when the first document opens
// and frees them when the last one closes, so a document at a time paid
// ~4 M instructions a file for them (4% of a PDF run, the README's third
// profile). A one-page document held open for the life of the process
// keeps them; pdftotext, too, builds them once per process.
void SetUpPoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {},
                                      nullptr);
    static const char kBlank[] =
        "%PDF-1.4\n"
        "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>>endobj\n"
        "trailer<</Root 1 0 R>>\n%%EOF\n";
    // Never closed: closing it would free the settings again, and at exit
    // the order of destruction across libraries is not ours to choose.
    static poppler::document* const keep =
        poppler::document::load_from_raw_data(
            kBlank, static_cast<int>(sizeof kBlank - 1));
    (void)keep;
  });
}

std::vector<PdfWord> PageWords(const poppler::page& page) {
  std::vector<PdfWord> words;
  for (const poppler::text_box& box : page.text_list()) {
    poppler::rectf r = box.bbox();
    PdfWord w;
    w.text = Utf8(box.text());
    w.x0 = r.left();
    w.y0 = r.top();
    w.x1 = r.right();
    w.y1 = r.bottom();
    // Poppler's get_font_size() reports the size before the text matrix
    // scales it (often 12 for everything); the box height is what the
    // reader sees.
    w.font_size = r.height();
    w.space_after = box.has_space_after();
    w.rotated = box.rotation() != 0;
    words.push_back(std::move(w));
  }
  return words;
}

std::string JoinWords(const std::vector<PdfWord>& words) {
  std::string text;
  for (const PdfWord& w : words) {
    if (!text.empty()) text += ' ';
    text += w.text;
  }
  return text;
}

// Pages whose text layer fails the gate go to OCR, as long as the limit
// allows and the engine works; the rest keep what Poppler found.
class OcrGate {
 public:
  OcrGate(const ExtractLimits& limits, Extraction* out)
      : limits_(limits), out_(out) {}

  // Replaces `words` (and `height`) with the OCR reading of `page` when
  // the text layer fails the gate and OCR reads more words.
  void Check(const poppler::page& page, int page_number,
             std::vector<PdfWord>* words, double* height) {
    std::string layer = JoinWords(*words);
    PageTextVerdict verdict = JudgePageText(layer);
    if (verdict == PageTextVerdict::kOk || !available_) return;
    if (attempted_ >= limits_.max_ocr_pages) {
      ++skipped_;
      return;
    }
    ++attempted_;
    OcrPage result;
    Status s = ocr_.ReadPage(page, &result);
    if (!s.ok()) {
      out_->warnings.push_back("page " + std::to_string(page_number) + ": " +
                               s.message());
      if (s.code() == Status::Code::kUnsupported) available_ = false;
      return;
    }
    if (CountWordLikeTokens(JoinWords(result.words)) <=
        CountWordLikeTokens(layer)) {
      return;
    }
    *words = std::move(result.words);
    *height = result.height;
    out_->meta.ocr_pages.push_back({page_number,
                                    std::string(PageTextVerdictName(verdict)),
                                    result.confidence});
  }

  // After the last page: the warning for pages past the limit.
  void Finish() {
    if (skipped_ > 0) {
      out_->warnings.push_back(
          std::to_string(skipped_) + " pages without usable text were not " +
          "OCRed (limit of " + std::to_string(limits_.max_ocr_pages) +
          " pages)");
    }
  }

 private:
  const ExtractLimits& limits_;
  Extraction* out_;
  PdfOcr ocr_;
  bool available_ = true;
  int attempted_ = 0;
  int skipped_ = 0;
};

}  // namespace

Status ExtractPdf(std::string_view data, const ExtractLimits& limits,
                  Extraction* out) {
  SetUpPoppler();
  if (data.size() > static_cast<size_t>(INT_MAX)) {
    return Status::LimitExceeded("PDF larger than 2 GiB");
  }
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      data.data(), static_cast<int>(data.size())));
  if (!doc) {
    return Status::Corrupt("not a readable PDF (damaged or truncated)");
  }
  if (doc->is_locked()) {
    return Status::Encrypted("PDF is password protected");
  }
  int pages = doc->pages();
  if (pages > limits.max_pages) {
    return Status::LimitExceeded("PDF has " + std::to_string(pages) +
                                 " pages, more than the limit of " +
                                 std::to_string(limits.max_pages));
  }
  out->meta.pages = pages;
  out->meta.title = Utf8(doc->info_key("Title"));
  out->meta.author = Utf8(doc->info_key("Author"));
  out->meta.created = IsoDate(doc->info_date_t("CreationDate"));
  out->meta.extraction = "poppler-text";
  std::vector<std::vector<PdfLine>> lines(pages);
  std::vector<double> heights(pages);
  OcrGate gate(limits, out);
  for (int i = 0; i < pages; ++i) {
    NoteProgress();
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      out->warnings.push_back("page " + std::to_string(i + 1) +
                              " could not be read");
      continue;
    }
    heights[i] = page->page_rect(poppler::media_box).height();
    std::vector<PdfWord> words = PageWords(*page);
    gate.Check(*page, i + 1, &words, &heights[i]);
    DropNoteMarks(&words);
    // Columns first, so that lines never run across the gutter.
    std::vector<std::vector<PdfWord>> groups = SplitColumns(words);
    for (const std::vector<PdfWord>& group : groups) {
      std::vector<PdfLine> group_lines = GroupLinesAndTables(group);
      // In a column a line is short against the column, not the page.
      double column_right = 0;
      if (groups.size() > 1) {
        std::vector<double> rights;
        for (const PdfLine& line : group_lines) rights.push_back(line.x1);
        std::sort(rights.begin(), rights.end());
        if (!rights.empty()) column_right = rights[rights.size() * 9 / 10];
      }
      for (PdfLine& line : group_lines) {
        line.column_right = column_right;
        lines[i].push_back(std::move(line));
      }
    }
  }
  gate.Finish();
  if (!out->meta.ocr_pages.empty()) {
    out->meta.extraction = static_cast<int>(out->meta.ocr_pages.size()) == pages
                               ? "ocr"
                               : "poppler-text+ocr";
  }
  TextGeometry geometry = MeasureText(lines);
  for (int i = 0; i < pages; ++i) {
    for (Block& b : GroupBlocks(lines[i], i + 1, heights[i], geometry)) {
      out->blocks.push_back(std::move(b));
    }
  }
  return Status::Ok();
}

}  // namespace intake
