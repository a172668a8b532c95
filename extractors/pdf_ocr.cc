#include "extractors/pdf_ocr.h"

#include <omp.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "extractors/ocr_scripts.h"
#include "pipeline/progress.h"

namespace intake {
namespace {

constexpr double kDpi = 300;
// A page larger than A0 is rendered at a lower resolution so that its
// image stays below this many pixels (A4 at 300 dpi is 8.7 million).
constexpr double kMaxPixels = 60e6;

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

std::string PdfOcr::PageLanguages() {
  int degrees = 0;
  float orientation_confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  if (!script_detector_->DetectOrientationScript(
          &degrees, &orientation_confidence, &script, &script_confidence) ||
      script == nullptr) {
    return languages_;  // too little text to tell
  }

  return OcrLanguagesForScript(script, script_confidence, languages_);
}

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
  const auto* pixels =
      reinterpret_cast<const unsigned char*>(image.const_data());
  out->languages = languages_;
  if (script_detector_) {
    script_detector_->SetImage(pixels, image.width(), image.height(), 1,
                               image.bytes_per_row());
    script_detector_->SetSourceResolution(static_cast<int>(dpi));
    out->languages = PageLanguages();
    script_detector_->Clear();
  }
  tesseract::TessBaseAPI* engine = EngineFor(out->languages);
  if (engine == nullptr && out->languages != languages_) {
    out->languages = languages_;  // that script's data is not installed
    engine = EngineFor(out->languages);
  }
  if (engine == nullptr) {
    return Status::Unsupported("OCR unavailable: no Tesseract data for " +
                               out->languages);
  }
  tesseract::TessBaseAPI& api = *engine;
  api.SetImage(pixels, image.width(), image.height(), /*bytes_per_pixel=*/1,
               image.bytes_per_row());
  api.SetSourceResolution(static_cast<int>(dpi));
  double points_per_pixel = 72.0 / dpi;
  Upright upright;
  upright.w = image.width();
  upright.h = image.height();
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
  double confidence_sum = 0;
  do {
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
    confidence_sum += w.ocr_confidence;
    out->words.push_back(std::move(w));
  } while (it->Next(tesseract::RIL_WORD));
  if (!out->words.empty()) {
    out->confidence = confidence_sum / static_cast<double>(out->words.size());
  }
  return Status::Ok();
}

}  // namespace intake
