// Word automatic numbering and the paragraph styles that carry it.
//
// Word stores a list label ("3.", "(b)", "2.1") as a recipe in
// word/numbering.xml plus counters that only exist while the document is
// read in order. This module parses the recipes, resolves which numbering a
// paragraph uses (directly or through its style chain in word/styles.xml)
// and replays the counters to produce the label a reader sees. It does not
// read paragraph text and does not decide block kinds; docx_extractor does.
#ifndef INTAKE_EXTRACTORS_DOCX_NUMBERING_H_
#define INTAKE_EXTRACTORS_DOCX_NUMBERING_H_

#include <libxml/tree.h>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace intake {

enum class NumFormat {
  kDecimal,
  kDecimalZero,  // 01, 02, ... 10
  kLowerLetter,  // a..z, aa..zz (Word repeats the letter)
  kUpperLetter,
  kLowerRoman,
  kUpperRoman,
  kBullet,
  kNone,
};

inline constexpr int kNumLevels = 9;
// Longest w:lvlText accepted and longest label rendered, in bytes. Real
// recipes are a few bytes ("%1.%2."); more is a malformed or hostile file,
// and each paragraph renders its label afresh.
inline constexpr size_t kMaxLabelBytes = 64;
// Word's range for w:start and w:startOverride.
inline constexpr int kMaxStart = 32767;

struct NumLevel {
  int start = 1;
  NumFormat format = NumFormat::kDecimal;
  std::string text;       // w:lvlText, e.g. "%1." or "(%2)"; bullet glyph
  bool is_legal = false;  // w:isLgl: render every %N in decimal
};

struct AbstractNum {
  std::array<NumLevel, kNumLevels> levels;
};

struct NumInstance {
  int abstract_id = -1;
  // ilvl -> w:startOverride. A num with overrides is its own list.
  std::map<int, int> start_overrides;
};

struct NumberingDefs {
  std::map<int, AbstractNum> abstracts;  // by w:abstractNumId
  std::map<int, NumInstance> nums;       // by w:numId
  // What was malformed and how it was read, for Extraction::warnings.
  std::vector<std::string> warnings;
};

// Reads the w:numbering root of word/numbering.xml. Unknown formats fall
// back to decimal; malformed entries are skipped rather than failing. A
// w:lvlText longer than kMaxLabelBytes makes its level render no label
// (with a warning); starts are clamped to [0, kMaxStart].
NumberingDefs ParseNumbering(const xmlNode* numbering_root);

// Renders one value in a format: (4, kLowerRoman) -> "iv". Values a format
// cannot show (0 in roman) come out in decimal.
std::string FormatNumber(int value, NumFormat format);

// Replays Word's counters in document order. Not thread-safe; one per
// document.
class Numbering {
 public:
  explicit Numbering(NumberingDefs defs) : defs_(std::move(defs)) {}

  // Advances the counter of (num_id, ilvl) and returns the label: "3.",
  // "(b)", "•" for bullets, "" for format none or an unknown num_id. The
  // label is cut to at most kMaxLabelBytes (on a UTF-8 boundary); counters
  // saturate instead of overflowing.
  // Shallower levels advancing restart deeper ones; nums sharing an
  // abstractNum continue one list unless they carry a startOverride.
  std::string Next(int num_id, int ilvl);

 private:
  struct Counters {
    std::array<int, kNumLevels> value{};
    std::array<bool, kNumLevels> started{};
  };

  NumberingDefs defs_;
  // Keyed by abstractNumId for shared lists, by -1 - numId for nums with
  // overrides.
  std::map<int, Counters> counters_;
};

// A paragraph's numbering reference; num_id 0 means "no numbering".
struct NumRef {
  int num_id = 0;
  int ilvl = 0;
};

struct ParagraphStyle {
  std::string name;      // w:name, e.g. "heading 1"
  std::string based_on;  // styleId of the parent style
  bool has_num_id = false;
  int num_id = 0;
  bool has_ilvl = false;
  int ilvl = 0;
  int outline_level = -1;  // w:outlineLvl, 0-based; -1 when absent
};

struct DocxStyles {
  std::map<std::string, ParagraphStyle> by_id;  // paragraph styles only
  std::string default_id;                       // w:default="1" paragraph style
};

// Reads the w:styles root of word/styles.xml (paragraph styles only).
DocxStyles ParseStyles(const xmlNode* styles_root);

// Numbering of a paragraph whose w:pPr is `ppr` (may be null) and style is
// `style_id` (may be empty): the paragraph's own w:numPr wins, then the
// style chain through w:basedOn.
NumRef ResolveNumbering(const xmlNode* ppr, const std::string& style_id,
                        const DocxStyles& styles);

// Heading level 1..9 of a paragraph, or 0: "heading N" style names (and
// "Title", taken as level 1), else w:outlineLvl on the paragraph or its
// style chain.
int ResolveHeadingLevel(const xmlNode* ppr, const std::string& style_id,
                        const DocxStyles& styles);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_DOCX_NUMBERING_H_
