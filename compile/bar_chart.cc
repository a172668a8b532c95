#include "compile/bar_chart.h"

#include <algorithm>

#include "compile/markup_escape.h"

namespace intake {
namespace {

constexpr int kWidth = 640;
constexpr int kLabelWidth = 250;  // room for "d.biodiversity_climate"
constexpr int kBarArea = 330;
constexpr int kRow = 22;
constexpr int kTop = 30;

}  // namespace

std::string BarChartSvg(const std::string& title,
                        const std::vector<Bar>& bars) {
  long long most = 1;
  for (const Bar& b : bars) most = std::max(most, b.value);
  int height = kTop + static_cast<int>(bars.size()) * kRow + 8;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(kWidth) + "\" height=\"" +
                    std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(kWidth) + " " + std::to_string(height) +
                    "\" font-family=\"sans-serif\" font-size=\"12\">";
  svg += "<title>" + EscapeMarkup(title) + "</title>";
  svg += "<text x=\"0\" y=\"16\" font-weight=\"bold\">" + EscapeMarkup(title) +
         "</text>";
  int y = kTop;
  for (const Bar& b : bars) {
    long long length = b.value * kBarArea / most;
    std::string baseline = std::to_string(y + 15);
    svg += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" +
           baseline + "\" text-anchor=\"end\">" + EscapeMarkup(b.label) +
           "</text>";
    if (length > 0) {
      svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" +
             std::to_string(y + 3) + "\" width=\"" + std::to_string(length) +
             "\" height=\"" + std::to_string(kRow - 6) +
             "\" fill=\"#3a6ea5\"/>";
    }
    svg += "<text x=\"" + std::to_string(kLabelWidth + length + 6) + "\" y=\"" +
           baseline + "\">" + std::to_string(b.value) + "</text>";
    y += kRow;
  }
  svg += "</svg>";
  return svg;
}

}  // namespace intake
