#include "pipeline/font_sizes.h"

#include <algorithm>

namespace intake {
namespace {

// Shorter blocks are headings, page numbers and signatures.
constexpr size_t kRunningTextBytes = 80;

}  // namespace

double BodyFontSize(const std::vector<Block>& blocks) {
  std::vector<double> sizes;
  for (const Block& b : blocks) {
    if (b.font_size > 0 && b.text.size() > kRunningTextBytes) {
      sizes.push_back(b.font_size);
    }
  }
  if (sizes.empty()) return 0;
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2,
                   sizes.end());
  return sizes[sizes.size() / 2];
}

}  // namespace intake
