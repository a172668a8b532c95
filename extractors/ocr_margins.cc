#include "extractors/ocr_margins.h"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <memory>
#include <regex>

#include "pipeline/progress.h"

namespace intake {
namespace {

// A line starting this far right of the margin (inches) may have lost
// its number: numbers hang at least a tab's width before their text.
constexpr double kMinIndent = 0.2;
// Dark pixels (of 255) and how many make ink rather than speckle.
constexpr int kDark = 128;
constexpr int kMinInkPixels = 12;
// A page's lines get at most this many second looks (a page of indented
// table cells must not cost a page of OCR runs).
constexpr int kMaxLooks = 40;
// What a paragraph number is made of.
constexpr const char* kNumberChars = "0123456789.()abcdefghijklmnopqrstuvwxyz";
// Below this the strip's reading is a guess.
constexpr double kMinConfidence = 0.6;

struct DeleteText {
  void operator()(char* text) const { delete[] text; }
};

// The left edge of the page's text: that of the leftmost line at least a
// third of the widest line's width (a stray mark is no margin).
int TextMargin(const std::vector<PixelBox>& lines) {
  int widest = 0;
  for (const PixelBox& b : lines) widest = std::max(widest, b.right - b.left);
  int margin = -1;
  for (const PixelBox& b : lines) {
    if (3 * (b.right - b.left) < widest) continue;
    if (margin < 0 || b.left < margin) margin = b.left;
  }
  return margin;
}

int InkPixels(const GrayPixels& image, const PixelBox& box) {
  int ink = 0;
  for (int y = box.top; y < box.bottom; ++y) {
    const unsigned char* row =
        image.pixels + static_cast<long>(y) * image.stride;
    for (int x = box.left; x < box.right; ++x) ink += row[x] < kDark ? 1 : 0;
  }
  return ink;
}

// Reads the one word in `strip`; "" when there is none.
std::string ReadStrip(tesseract::TessBaseAPI& api, const PixelBox& strip,
                      double* confidence) {
  api.SetRectangle(strip.left, strip.top, strip.right - strip.left,
                   strip.bottom - strip.top);
  if (api.Recognize(nullptr) != 0) return "";
  std::unique_ptr<char[], DeleteText> text(api.GetUTF8Text());
  if (!text) return "";
  std::string word(text.get());
  word.erase(std::remove_if(word.begin(), word.end(),
                            [](char c) { return c == ' ' || c == '\n'; }),
             word.end());
  *confidence = std::clamp(api.MeanTextConf() / 100.0, 0.0, 1.0);
  return word;
}

// The box of the ink in `strip`, for the layout to place the word where it
// is printed. REQUIRES: the strip has ink.
PixelBox InkBox(const GrayPixels& image, const PixelBox& strip) {
  PixelBox ink{strip.right, strip.bottom, strip.left, strip.top};
  for (int y = strip.top; y < strip.bottom; ++y) {
    const unsigned char* row =
        image.pixels + static_cast<long>(y) * image.stride;
    for (int x = strip.left; x < strip.right; ++x) {
      if (row[x] >= kDark) continue;
      ink.left = std::min(ink.left, x);
      ink.right = std::max(ink.right, x + 1);
      ink.top = std::min(ink.top, y);
      ink.bottom = std::max(ink.bottom, y + 1);
    }
  }
  return ink;
}

// Whether the two boxes share pixels.
bool Overlap(const PixelBox& a, const PixelBox& b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom &&
         b.top < a.bottom;
}

// What Tesseract read in `strip`: false when a number already or real
// text (then nothing is added); else true, with the short misreadings
// that a number found there replaces.
bool MayHoldANumber(const PixelBox& strip, const std::vector<ReadWord>& words,
                    std::vector<int>* misread) {
  misread->clear();
  for (size_t i = 0; i < words.size(); ++i) {
    const PixelBox& box = words[i].box;
    int middle = (box.top + box.bottom) / 2;
    if (!Overlap(box, strip) || middle < strip.top || middle >= strip.bottom) {
      continue;
    }
    if (IsMarginNumber(words[i].text) || words[i].text.size() > 2) return false;
    misread->push_back(static_cast<int>(i));
  }
  return true;
}

}  // namespace

bool IsMarginNumber(std::string_view text) {
  // Letters of lists stop long before "y)": a lone late letter read in a
  // margin is more often a formula's variable than an item.
  static const std::regex kNumber(
      R"(^(\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-p]\)|\(?[ivx]{1,5}\)|[ivx]{1,5}\.)$)");
  return std::regex_match(text.begin(), text.end(), kNumber);
}

std::vector<MarginNumber> ReadMarginNumbers(tesseract::TessBaseAPI& api,
                                            const GrayPixels& image,
                                            const std::vector<PixelBox>& lines,
                                            const std::vector<ReadWord>& words,
                                            double dpi) {
  std::vector<MarginNumber> found;
  const int margin = TextMargin(lines);
  if (margin < 0) return found;
  const int indent = static_cast<int>(kMinIndent * dpi);
  const int gap = static_cast<int>(0.03 * dpi);
  const tesseract::PageSegMode mode = api.GetPageSegMode();
  bool set_up = false;
  int looks = 0;
  for (size_t i = 0; i < lines.size() && looks < kMaxLooks; ++i) {
    const PixelBox& line = lines[i];
    if (line.left - margin < indent) continue;
    const int height = line.bottom - line.top;
    PixelBox strip;
    strip.left = std::max(0, margin - static_cast<int>(0.1 * dpi));
    strip.right = line.left - gap;
    strip.top = std::max(0, line.top - height / 4);
    strip.bottom = std::min(image.height, line.bottom + height / 4);
    if (strip.right - strip.left < gap || strip.bottom <= strip.top) continue;
    std::vector<int> misread;
    if (!MayHoldANumber(strip, words, &misread)) continue;
    if (InkPixels(image, strip) < kMinInkPixels) continue;
    // On a skewed page two lines' strips can hold the same number.
    const PixelBox ink = InkBox(image, strip);
    if (std::any_of(found.begin(), found.end(), [&](const MarginNumber& n) {
          return Overlap(n.box, ink);
        })) {
      continue;
    }
    if (!set_up) {
      api.SetPageSegMode(tesseract::PSM_SINGLE_WORD);
      api.SetVariable("tessedit_char_whitelist", kNumberChars);
      set_up = true;
    }
    ++looks;
    NoteProgress();
    MarginNumber number;
    number.line = static_cast<int>(i);
    number.text = ReadStrip(api, strip, &number.confidence);
    if (number.confidence >= kMinConfidence && IsMarginNumber(number.text)) {
      number.box = ink;
      number.replaces = std::move(misread);
      found.push_back(std::move(number));
    }
  }
  if (set_up) {
    api.SetVariable("tessedit_char_whitelist", "");
    api.SetPageSegMode(mode);
    api.SetRectangle(0, 0, image.width, image.height);
  }
  return found;
}

}  // namespace intake
