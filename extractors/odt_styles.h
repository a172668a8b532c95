// OpenDocument list styles and the counters that turn them into labels.
//
// An ODT list keeps no numbers: a reader sees "3." or "(b)" because a list
// style (text:list-style, or the outline style for headings) says how each
// level is rendered and the lists are read in order. This module reads
// those styles from office:styles / office:automatic-styles and replays the
// counters. It does not walk the document or decide block kinds: odt_body
// does, and odt_extractor decides which style containers apply where.
#ifndef INTAKE_EXTRACTORS_ODT_STYLES_H_
#define INTAKE_EXTRACTORS_ODT_STYLES_H_

#include <libxml/tree.h>

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace intake {

// ODF allows ten list levels.
inline constexpr int kOdtListLevels = 10;

struct OdtLevelStyle {
  enum class Kind {
    kNone,    // level not defined, or style:num-format=""
    kNumber,  // text:list-level-style-number / text:outline-level-style
    kBullet,  // text:list-level-style-bullet or -image
  };
  Kind kind = Kind::kNone;
  std::string format;        // style:num-format: "1", "a", "A", "i", "I"
  bool letter_sync = false;  // style:num-letter-sync: aa, bb instead of aa, ab
  std::string prefix;        // style:num-prefix
  std::string suffix;        // style:num-suffix
  int start = 1;             // text:start-value
  int display_levels = 1;  // text:display-levels: how many levels "1.2.3" shows
};

struct OdtListStyle {
  std::array<OdtLevelStyle, kOdtListLevels> levels;
};

// The list-related styles visible from one part of the document.
class OdtStyles {
 public:
  // Reads the text:list-style, text:outline-style and paragraph style
  // children of `container` (office:styles or office:automatic-styles; null
  // is ignored). A name already known keeps its first definition, so add
  // the container that wins (the part's own automatic styles) first.
  void AddContainer(const xmlNode* container);

  // The list style named `name` (the outline style is found by its name
  // too), or nullptr.
  const OdtListStyle* FindList(std::string_view name) const;
  // The outline style that numbers headings, or nullptr.
  const OdtListStyle* Outline() const;
  // The style:list-style-name of a paragraph style or of its nearest
  // parent that has one; "" when none does.
  std::string ListStyleOfParagraph(std::string_view paragraph_style) const;

 private:
  struct ParagraphStyle {
    std::string parent;
    std::string list_style;
  };
  std::map<std::string, OdtListStyle, std::less<>> lists_;
  std::optional<OdtListStyle> outline_;
  std::map<std::string, ParagraphStyle, std::less<>> paragraphs_;
};

// One value in an ODF number format: (4, "i") -> "iv", (28, "a") -> "ab",
// (28, "a", sync) -> "bb". Unknown formats and values a format cannot show
// come out in decimal.
std::string FormatOdtNumber(int value, std::string_view format,
                            bool letter_sync);

// The counters of one list (a text:list and the lists that continue it) as
// a reader follows it. Not thread-safe; one per list per document.
class OdtListCounters {
 public:
  // Counts one item at `level` (1-based; clamped to 1..10) and returns its
  // label: prefix, the displayed levels joined by ".", suffix; "•" for
  // bullets; "" when `style` is null or the level has no number format.
  // `start_value` > 0 restarts the level there (text:start-value on an
  // item). Counting a level restarts every deeper one.
  std::string Next(const OdtListStyle* style, int level, int start_value);

 private:
  std::array<int, kOdtListLevels> value_{};
  std::array<bool, kOdtListLevels> started_{};
};

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_ODT_STYLES_H_
