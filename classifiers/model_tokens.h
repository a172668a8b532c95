// The words the learned model reads: the folded words of a passage with
// the names of States, their acronyms as written ("UK") and their
// adjectives ("Swedish", "japonesa"),
// years, numbers and money amounts replaced by placeholders
// ("<country>", "<year>", "<num>", "<money>").
//
// Masking is why the model learns what was written rather than who wrote
// it: a model that saw "Ghana" beside "received" in training would
// otherwise call every Ghanaian passage "received". Regional centres are
// not masked: naming one is how a passage names a channel (article 14.2).
// Not a normaliser for output: nothing here is written to a record.
#ifndef INTAKE_CLASSIFIERS_MODEL_TOKENS_H_
#define INTAKE_CLASSIFIERS_MODEL_TOKENS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "classifiers/gazetteer.h"
#include "classifiers/text_fold.h"

namespace intake {

inline constexpr char kMaskCountry[] = "<country>";
inline constexpr char kMaskYear[] = "<year>";
inline constexpr char kMaskNumber[] = "<num>";
inline constexpr char kMaskMoney[] = "<money>";

struct ModelToken {
  std::string text;   // folded UTF-8 word, or one of the placeholders
  int32_t start = 0;  // code points of the original passage text
  int32_t end = 0;
  bool masked = false;  // text is a placeholder
};

// The tokens of `folded` (made by FoldText from `original`) in text
// order. `gazetteer` may be null: then no State is masked. Thread-safe.
std::vector<ModelToken> ModelTokens(std::string_view original,
                                    const FoldedText& folded,
                                    const Gazetteer* gazetteer);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_MODEL_TOKENS_H_
