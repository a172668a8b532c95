#include "extractors/pdf_ocr.h"

#include <omp.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <vector>

#include "extractors/ocr_margins.h"
#include "extractors/ocr_scripts.h"
#include "pipeline/progress.h"

namespace intake {
namespace {

constexpr double kDpi = 300;
// A page larger than A0 is rendered at a lower resolution so that its
// image stays below this many pixels (A4 at 300 dpi is 8.7 million).
constexpr double kMaxPixels = 60e6;
// OSD's confidence in the orientation it reports, below which the page is
// read both as rendered and turned, and the better reading kept
// (Tesseract's own min_orientation_margin is 7; a full page of text
// scores far above it, a paragraph upside down about 2).
constexpr float kMinOrientationConfidence = 7.0f;

struct DeleteText {
  void operator()(char* text) const { delete[] text; }
};

// Word boxes come in the coordinates of the image as rendered; a page
// whose top points right, down or left is turned so that its top points
// up, as GroupLines expects lines to run left to right.
struct Upright {
  tesseract::Orientation orientation = tesseract::ORIENTATION_PAGE_UP;
  double w = 0, h = 0;  // the image as rendered

  void Map(double x, double y, double* ux, double* uy) const {
    switch (orientation) {
      case tesseract::ORIENTATION_PAGE_RIGHT:
        *ux = y, *uy = w - x;
        return;
      case tesseract::ORIENTATION_PAGE_DOWN:
        *ux = w - x, *uy = h - y;
        return;
      case tesseract::ORIENTATION_PAGE_LEFT:
        *ux = h - y, *uy = x;
        return;
      default:
        *ux = x, *uy = y;
        return;
    }
  }
  bool Sideways() const {
    return orientation == tesseract::ORIENTATION_PAGE_RIGHT ||
           orientation == tesseract::ORIENTATION_PAGE_LEFT;
  }
};

// A rendered page in 8-bit grey, packed rows.
struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> pixels;
};

// The image turned back by `degrees`, the clockwise rotation OSD found
// (90, 180 or 270). Tesseract's layout analysis turns sideways text lines
// itself, but reads an upside-down page as upside-down letters, with low
// confidence and half the words wrong; so the page is turned before it
// is read.
GrayImage TurnUpright(const unsigned char* in, int w, int h, int stride,
                      int degrees) {
  GrayImage out;
  bool sideways = degrees == 90 || degrees == 270;
  out.width = sideways ? h : w;
  out.height = sideways ? w : h;
  out.pixels.resize(static_cast<size_t>(w) * h);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y;
      if (degrees == 180) {
        sx = w - 1 - x, sy = h - 1 - y;
      } else if (degrees == 90) {
        sx = w - 1 - y, sy = x;
      } else if (degrees == 270) {
        sx = y, sy = h - 1 - x;
      }
      out.pixels[static_cast<size_t>(y) * out.width + x] =
          in[static_cast<size_t>(sy) * stride + sx];
    }
  }
  return out;
}

// Tesseract's LSTM runs its loops on OpenMP threads that spin while they
// wait: on a two-core machine that made OCR five times slower (29 s against
// 5.4 s for four pages). No parallel region may go wider than one thread;
// intake gains more from working on documents side by side. OMP_THREAD_LIMIT
// would do the same but must be set before the process starts.
void KeepOpenMpSerial() {
  static std::once_flag once;
  std::call_once(once, [] { omp_set_max_active_levels(0); });
}

}  // namespace

void PdfOcr::EndTesseract::operator()(tesseract::TessBaseAPI* api) const {
  api->End();
  delete api;
}

PdfOcr::PdfOcr(std::string languages) : languages_(std::move(languages)) {}

PdfOcr::~PdfOcr() = default;

tesseract::TessBaseAPI* PdfOcr::EngineFor(const std::string& languages) {
  auto found = engines_.find(languages);
  if (found != engines_.end()) return found->second.get();
  KeepOpenMpSerial();
  Engine api(new tesseract::TessBaseAPI());
  // Tesseract reports through tprintf to stderr; what matters reaches the
  // record as a status or a warning.
  api->SetVariable("debug_file", "/dev/null");
  if (api->Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return nullptr;
  }
  api->SetPageSegMode(tesseract::PSM_AUTO_OSD);
  return engines_.emplace(languages, std::move(api)).first->second.get();
}

PdfOcr::PageLook PdfOcr::LookAtPage() {
  PageLook look;
  look.languages = languages_;
  int degrees = 0;
  float orientation_confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  if (!script_detector_->DetectOrientationScript(
          &degrees, &orientation_confidence, &script, &script_confidence) ||
      script == nullptr) {
    return look;  // too little text to tell
  }
  if (degrees == 90 || degrees == 180 || degrees == 270) {
    look.degrees = degrees;
    look.sure = orientation_confidence >= kMinOrientationConfidence;
  }
  look.languages = OcrLanguagesForScript(script, script_confidence, languages_);
  return look;
}

namespace {

// Puts the paragraph numbers Tesseract dropped or misread (ocr_margins.h)
// before the first word of their lines. Only on upright pages: the strips
// are looked for left of lines in the image's own coordinates.
void AddMarginNumbers(tesseract::TessBaseAPI& api, const GrayPixels& image,
                      double dpi, const std::vector<PixelBox>& lines,
                      const std::vector<size_t>& line_starts,
                      const std::vector<PixelBox>& word_boxes, OcrPage* out) {
  std::vector<ReadWord> read;
  for (size_t i = 0; i < out->words.size(); ++i) {
    read.push_back({out->words[i].text, word_boxes[i]});
  }
  std::vector<MarginNumber> numbers = ReadMarginNumbers(
      api, {image.pixels, image.width, image.height, image.stride}, lines, read,
      dpi);
  if (numbers.empty()) return;
  const double points_per_pixel = 72.0 / dpi;
  std::vector<bool> replaced(out->words.size(), false);
  std::map<size_t, const MarginNumber*> before;  // word index -> number
  for (const MarginNumber& n : numbers) {
    for (int i : n.replaces) replaced[static_cast<size_t>(i)] = true;
    before[line_starts[static_cast<size_t>(n.line)]] = &n;
  }
  std::vector<PdfWord> words;
  for (size_t i = 0; i <= out->words.size(); ++i) {
    if (auto n = before.find(i); n != before.end()) {
      PdfWord w;
      w.text = n->second->text;
      w.x0 = n->second->box.left * points_per_pixel;
      w.x1 = n->second->box.right * points_per_pixel;
      w.y0 = n->second->box.top * points_per_pixel;
      w.y1 = n->second->box.bottom * points_per_pixel;
      w.font_size =
          i < out->words.size() ? out->words[i].font_size : w.y1 - w.y0;
      w.ocr_confidence = n->second->confidence;
      words.push_back(std::move(w));
    }
    if (i < out->words.size() && !replaced[i]) {
      words.push_back(std::move(out->words[i]));
    }
  }
  out->words = std::move(words);
}

// Reads `image` with `api` into out->words, out->confidence and the
// upright page size; the image is taken as it is.
Status ReadImage(tesseract::TessBaseAPI& api, const GrayPixels& image,
                 double dpi, OcrPage* out) {
  out->words.clear();
  out->confidence = -1;
  api.SetImage(image.pixels, image.width, image.height,
               /*bytes_per_pixel=*/1, image.stride);
  api.SetSourceResolution(static_cast<int>(dpi));
  double points_per_pixel = 72.0 / dpi;
  Upright upright;
  upright.w = image.width;
  upright.h = image.height;
  out->width = upright.w * points_per_pixel;
  out->height = upright.h * points_per_pixel;
  NoteProgress();
  if (api.Recognize(nullptr) != 0) {
    return Status::Corrupt("OCR failed on the rendered page");
  }
  NoteProgress();
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it || it->Empty(tesseract::RIL_WORD)) return Status::Ok();
  tesseract::WritingDirection direction;
  tesseract::TextlineOrder order;
  float deskew = 0;
  it->Orientation(&upright.orientation, &direction, &order, &deskew);
  if (upright.Sideways()) std::swap(out->width, out->height);
  std::vector<PixelBox> lines;       // as Tesseract found them
  std::vector<size_t> line_starts;   // each line's first word in out->words
  std::vector<PixelBox> word_boxes;  // out->words' boxes in the image
  do {
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      PixelBox line;
      if (it->BoundingBox(tesseract::RIL_TEXTLINE, &line.left, &line.top,
                          &line.right, &line.bottom)) {
        lines.push_back(line);
        line_starts.push_back(out->words.size());
      }
    }
    if (it->Empty(tesseract::RIL_WORD)) continue;
    std::unique_ptr<char[], DeleteText> text(
        it->GetUTF8Text(tesseract::RIL_WORD));
    int left = 0, top = 0, right = 0, bottom = 0;
    if (!text || text[0] == '\0' ||
        !it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom)) {
      continue;
    }
    double x0, y0, x1, y1;
    upright.Map(left, top, &x0, &y0);
    upright.Map(right, bottom, &x1, &y1);
    PdfWord w;
    w.text = text.get();
    w.x0 = std::min(x0, x1) * points_per_pixel;
    w.x1 = std::max(x0, x1) * points_per_pixel;
    w.y0 = std::min(y0, y1) * points_per_pixel;
    w.y1 = std::max(y0, y1) * points_per_pixel;
    // The row's fitted height, not the word's box: "on" and "The" on one
    // line must not look like two font sizes to GroupBlocks.
    float row_height = 0, descenders = 0, ascenders = 0;
    it->RowAttributes(&row_height, &descenders, &ascenders);
    w.font_size = row_height > 0 ? row_height * points_per_pixel : w.y1 - w.y0;
    w.ocr_confidence =
        std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
    out->words.push_back(std::move(w));
    word_boxes.push_back({left, top, right, bottom});
  } while (it->Next(tesseract::RIL_WORD));
  it.reset();
  if (upright.orientation == tesseract::ORIENTATION_PAGE_UP) {
    AddMarginNumbers(api, image, dpi, lines, line_starts, word_boxes, out);
  }
  double confidence_sum = 0;
  for (const PdfWord& w : out->words) confidence_sum += w.ocr_confidence;
  if (!out->words.empty()) {
    out->confidence = confidence_sum / static_cast<double>(out->words.size());
  }
  return Status::Ok();
}

}  // namespace

Status PdfOcr::ReadPage(const poppler::page& page, OcrPage* out) {
  *out = OcrPage{};
  if (!script_detector_ && !script_detector_failed_) {
    KeepOpenMpSerial();
    script_detector_.reset(new tesseract::TessBaseAPI());
    script_detector_->SetVariable("debug_file", "/dev/null");
    // osd.traineddata has only the legacy engine's model.
    if (script_detector_->Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) !=
        0) {
      script_detector_.reset();
      script_detector_failed_ = true;
    } else {
      script_detector_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    }
  }
  poppler::rectf box = page.page_rect(poppler::media_box);
  double inches = box.width() * box.height() / (72.0 * 72.0);
  double dpi = kDpi;
  if (inches * dpi * dpi > kMaxPixels) dpi = std::sqrt(kMaxPixels / inches);
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (!image.is_valid() || image.format() != poppler::image::format_gray8 ||
      image.width() <= 0 || image.height() <= 0) {
    return Status::Corrupt("page could not be rendered for OCR");
  }
  const GrayPixels rendered{
      reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
      image.height(), image.bytes_per_row()};
  PageLook look;
  look.languages = languages_;
  if (script_detector_) {
    script_detector_->SetImage(rendered.pixels, rendered.width, rendered.height,
                               1, rendered.stride);
    script_detector_->SetSourceResolution(static_cast<int>(dpi));
    look = LookAtPage();
    script_detector_->Clear();
  }
  out->languages = look.languages;
  tesseract::TessBaseAPI* engine = EngineFor(out->languages);
  if (engine == nullptr && out->languages != languages_) {
    out->languages = languages_;  // that script's data is not installed
    engine = EngineFor(out->languages);
  }
  if (engine == nullptr) {
    return Status::Unsupported("OCR unavailable: no Tesseract data for " +
                               out->languages);
  }
  if (look.degrees == 0) return ReadImage(*engine, rendered, dpi, out);
  GrayImage turned =
      TurnUpright(rendered.pixels, rendered.width, rendered.height,
                  rendered.stride, look.degrees);
  Status s = ReadImage(
      *engine,
      {turned.pixels.data(), turned.width, turned.height, turned.width}, dpi,
      out);
  if (!s.ok() || look.sure) return s;
  // OSD was unsure: the page as rendered may read better.
  OcrPage as_rendered = *out;
  s = ReadImage(*engine, rendered, dpi, &as_rendered);
  if (s.ok() && as_rendered.confidence > out->confidence) {
    *out = std::move(as_rendered);
  }
  return Status::Ok();
}

}  // namespace intake
