// The words of the languages intake reads at full quality (English,
// Spanish, French), from Debian's Hunspell dictionaries, so that normalize
// can tell a word broken at a line end ("envi-\nronment") from a compound
// that broke at its own hyphen ("mercury-\nfree"). Hunspell rather than a
// plain word list: its affix rules know plurals, conjugations and feminine
// forms ("submissions", "nationales"), which plain lists mostly lack.
//
// Set up once per run by cli/wiring and borrowed by every document; a
// dictionary takes ~0.1 s and ~10 MB to load, so each is loaded on its
// first lookup (a run with nothing new, or only English letters, loads
// none or one). Not a spelling corrector and
// not language identification (pipeline/language.h).
#ifndef INTAKE_PIPELINE_WORD_LISTS_H_
#define INTAKE_PIPELINE_WORD_LISTS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/status.h"

class Hunspell;

namespace intake {

// The dictionaries of one language (English has two: US and British
// spellings, since UN texts use British ones).
class Dictionary {
 public:
  // The .aff and .dic files of each speller, read on the first lookup.
  explicit Dictionary(std::vector<std::pair<std::string, std::string>> files);
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // Whether `word` (UTF-8, one word, any case) is a word of the language.
  // False for "" and for anything longer than a word can be. Thread-safe.
  bool IsWord(std::string_view word) const;

 private:
  std::vector<std::pair<std::string, std::string>> files_;
  // Empty until the first lookup; guarded by the lookup lock.
  mutable std::vector<std::unique_ptr<Hunspell>> spellers_;
};

class WordLists {
 public:
  // Where Debian's hunspell-* packages put their dictionaries.
  static constexpr const char* kDebianDir = "/usr/share/hunspell";

  // Loads en (en_US + en_GB), es (es_ES) and fr (fr) from `dir`. Fails,
  // naming the missing file and the Debian package that has it, when one
  // is missing.
  static Status Load(const std::string& dir,
                     std::unique_ptr<const WordLists>* out);

  // The dictionary of ISO 639-1 `lang`, or null when there is none.
  const Dictionary* For(std::string_view lang) const;

 private:
  std::map<std::string, std::unique_ptr<Dictionary>, std::less<>> by_lang_;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_WORD_LISTS_H_
