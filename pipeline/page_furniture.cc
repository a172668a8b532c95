#include "pipeline/page_furniture.h"

#include <map>
#include <regex>
#include <set>

namespace intake {
namespace {

// Fraction of the page height at top and bottom where running heads live.
constexpr double kMarginZone = 0.12;
// A header candidate must stand on at least this share of the pages.
constexpr double kMinPageShare = 0.5;
// Longer blocks are body text even when they sit in the margin zone.
constexpr size_t kMaxHeaderBytes = 200;

bool InMarginZone(const Block& b, bool first_on_page, bool last_on_page) {
  if (b.top >= 0 && b.bottom >= 0) {
    return b.bottom <= kMarginZone || b.top >= 1.0 - kMarginZone;
  }
  return first_on_page || last_on_page;
}

}  // namespace

bool IsPageNumber(std::string_view text) {
  static const std::regex kPattern(
      R"(^\s*(page|p\.|pag\.|página|pagina)?\s*(?:-|–|—)?\s*([0-9]{1,4}|[ivxlc]{1,6})\s*(?:-|–|—)?\s*((of|/|de|sur)\s*[0-9]{1,4})?\s*$)",
      std::regex::icase | std::regex::optimize);
  if (text.size() > 40) return false;
  return std::regex_match(text.begin(), text.end(), kPattern);
}

std::string RepeatSignature(std::string_view text) {
  std::string sig;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (sig.empty() || sig.back() != '#') sig.push_back('#');
    } else if (c == ' ' || c == '\n' || c == '\t') {
      if (!sig.empty() && sig.back() != ' ') sig.push_back(' ');
    } else if (c >= 'A' && c <= 'Z') {
      sig.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      sig.push_back(c);
    }
  }
  while (!sig.empty() && sig.back() == ' ') sig.pop_back();
  return sig;
}

void MarkPageFurniture(std::vector<Block>* blocks) {
  std::vector<Block>& b = *blocks;
  std::set<int> pages;
  std::vector<bool> first(b.size()), last(b.size()), candidate(b.size());
  for (size_t i = 0; i < b.size(); ++i) {
    if (b[i].page <= 0) continue;
    pages.insert(b[i].page);
    first[i] = i == 0 || b[i - 1].page != b[i].page;
    last[i] = i + 1 == b.size() || b[i + 1].page != b[i].page;
  }
  if (pages.empty()) return;

  // Pages on which each signature stands in a margin zone.
  std::map<std::string, std::set<int>> seen_on;
  for (size_t i = 0; i < b.size(); ++i) {
    if (b[i].page <= 0 || b[i].kind != BlockKind::kBody) continue;
    if (b[i].text.size() > kMaxHeaderBytes) continue;
    if (!InMarginZone(b[i], first[i], last[i])) continue;
    candidate[i] = true;
    seen_on[RepeatSignature(b[i].text)].insert(b[i].page);
  }
  size_t min_pages = std::max<size_t>(
      2, static_cast<size_t>(kMinPageShare * pages.size() + 0.5));
  for (size_t i = 0; i < b.size(); ++i) {
    if (!candidate[i]) continue;
    bool repeated = seen_on[RepeatSignature(b[i].text)].size() >= min_pages;
    if (repeated || IsPageNumber(b[i].text)) {
      b[i].kind = BlockKind::kHeaderFooter;
    }
  }
}

}  // namespace intake
