// Reading labelled passages: JSON Lines with "text" and the gold labels
// in "article14", "activity", "theme" and "stance" (the form `intake
// classify` writes and fixtures/dev/ holds), plus optional "id", "lang"
// and "letter" (the letter a passage comes from, which keeps a letter's
// passages together when data is split). For `intake train` and `intake
// eval --model`.
#ifndef INTAKE_CLI_LABELLED_PASSAGES_H_
#define INTAKE_CLI_LABELLED_PASSAGES_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/evaluation.h"
#include "pipeline/sha256.h"
#include "pipeline/status.h"

namespace intake {

struct LabelledPassage {
  std::string id;
  std::string letter;  // "" when the file does not say
  std::string text;    // valid UTF-8
  std::string lang;    // "und" when the file does not say
  LabelSet gold;
  // A reviewer's decision read from a store (cli/reviewed_passages.h): its
  // "letter" is its document, of which only the decided passages are read.
  bool decided = false;
};

// Appends the passages of `path` to *out and its bytes to *hash (when not
// null). A line that is not a JSON object with a "text" string and the
// four gold fields (lists of codes of TAXONOMY.md, [] when none applies,
// and a stance) is reported on `errors` as "path:line: why" and counted in
// *bad. Fails only when the file cannot be read, or is a folder.
Status ReadLabelled(const std::string& path, std::vector<LabelledPassage>* out,
                    Sha256* hash, std::ostream& errors, int* bad);

// Whether `id` is that of a machine-translated copy, as scripts/translate-dev
// names them: the original's id, "~" and the copy's language ("dev-0001~es").
bool IsTranslatedCopy(std::string_view id);

// The same for JSON Lines already in memory; `name` names them in errors.
void ParseLabelled(const std::string& name, const std::string& text,
                   std::vector<LabelledPassage>* out, std::ostream& errors,
                   int* bad);

}  // namespace intake

#endif  // INTAKE_CLI_LABELLED_PASSAGES_H_
