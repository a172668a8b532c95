// Plain data for passages and their labels: what segment produces and
// classify fills in, and what the records writer serialises. No behaviour.
//
// Offsets are in Unicode code points. A passage's start/end index the
// document's body text (see docs/records.md); an Evidence's start/end index
// the passage's own text, so that `intake classify` (which has no document)
// reports them the same way.
#ifndef INTAKE_PIPELINE_PASSAGE_H_
#define INTAKE_PIPELINE_PASSAGE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace intake {

enum class PassageKind {
  kHeading,
  kParagraph,
  kListItem,
  kTableRow,
  kFootnote,
  kHeaderFooter,
  kFurniture,
};

// Stable names used in records: "heading", "paragraph", ...
std::string_view PassageKindName(PassageKind kind);
// The kind a record's name stands for; kParagraph for a name it does not
// know (records written by a later intake may know more kinds).
PassageKind PassageKindFromName(std::string_view name);

// One matched span that made a label fire.
struct Evidence {
  std::string label;  // "article14:14.2", "theme:asgm", "stance:need"
  int start = 0;      // code points into the passage text
  int end = 0;
  std::string text;  // the matched text as it stands in the passage
  // What raised the label: "rules" (a term or pattern matched) or "model"
  // (a feature among those that raised the learned model's score most).
  std::string source = "rules";
};

// A name, reference, amount or date a passage mentions (TAXONOMY.md
// section 5).
struct Entity {
  // "state", "regional_centre", "organisation", "article", "money", "year",
  // "date".
  std::string type;
  int start = 0;  // code points into the passage text
  int end = 0;
  std::string text;  // as it stands in the passage
  // What it names, where that can be said: a State's ISO 3166-1 alpha-3
  // code, a centre's or organisation's id, the article ("14", "14(3)",
  // "3,4"), the currency's ISO 4217 code, the year, the date as ISO 8601
  // ("2019-12-13", "2020-03"); "" otherwise.
  std::string id;
};

struct Labels {
  std::vector<std::string> article14;  // codes from TAXONOMY.md, sorted
  std::vector<std::string> activity;
  std::vector<std::string> theme;
  std::string stance = "other";
  // One entry per label given (and for the stance), keyed "dimension:code"
  // as in Evidence::label; values in [0, 1].
  std::map<std::string, double> confidence;
  std::vector<Evidence> evidence;
  bool needs_review = false;
  std::vector<std::string> review_reasons;  // reason codes, sorted
  std::vector<Entity> entities;             // in text order
  // The passage itself names the Convention's subject (a term of the
  // rules' concept "topic", classifiers/rules.h). Read by FlagOffTopic;
  // not written to records.
  bool on_topic = false;
};

struct Passage {
  PassageKind kind = PassageKind::kParagraph;
  // For kFurniture: letterhead, reference, date, salutation, closing,
  // signature, transmittal, annex_heading. Empty otherwise.
  std::string furniture;
  int page = 0;   // 1-based; 0 when the format has no pages
  int start = 0;  // code points into the document body text
  int end = 0;
  std::string number;  // "12.", "(b)", "(iii)" when the passage is numbered
  std::string text;    // normalised UTF-8, number included
  std::string lang;    // ISO 639-1 code or "und"
  // Lowest OCR confidence in [0, 1] of the blocks it was made from when
  // any was read by OCR; -1 when its text is the document's own.
  double ocr_confidence = -1;
  Labels labels;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_PASSAGE_H_
