// The names of States and of the Basel and Stockholm regional centres, in
// the six UN languages where Debian's iso-codes package has them, and of
// organisations and programmes, for finding who wrote a letter and the
// entities a passage names.
//
// States come from iso-codes (/usr/share/iso-codes/json/iso_3166-1.json,
// with translations from the gettext catalogues iso_3166-1.mo for es, fr,
// ru, ar, zh_CN) and classifiers/gazetteer/state_names.tsv (names in use
// that iso-codes lacks: "Russia", "Turkey"); centres from
// classifiers/gazetteer/regional_centres.tsv.
// Matching is on case-folded, accent-free text and whole words.
#ifndef INTAKE_CLASSIFIERS_GAZETTEER_H_
#define INTAKE_CLASSIFIERS_GAZETTEER_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/status.h"

namespace intake {

struct GazetteerEntry {
  std::string code;  // ISO 3166-1 alpha-3 ("WSM"), centre or organisation id
  std::string name;  // the name used in records ("Samoa")
  // "state", "regional_centre", "organisation", "nationality" (a State's
  // adjectives: "Swedish", "japonesa") or "place" (never found)
  std::string kind;
  std::string alpha2;  // ISO 3166-1 alpha-2 of a State ("ws"), lower case
  // Acronyms of an organisation ("WHO", "OMS") or a State ("UK"), matched
  // as written: not variants, which match whatever the case
  // (entity_finder.h).
  std::vector<std::string> acronyms;
  // Where its acronyms were read ("organisations.tsv:12"), for messages;
  // "" when it has none.
  std::string source;
};

struct GazetteerHit {
  int entry = 0;        // index into entries()
  size_t position = 0;  // byte offset in the folded text of the first match
  size_t length = 0;    // bytes of the folded variant that matched
};

struct GazetteerSources {
  std::string iso_codes_json = "/usr/share/iso-codes/json/iso_3166-1.json";
  std::string locale_dir = "/usr/share/locale";
  std::string centres_tsv;        // required
  std::string places_tsv;         // optional: names that hide a State's name
  std::string organisations_tsv;  // optional: organisations and programmes
  std::string nationalities_tsv;  // optional: States' adjectives
  std::string state_names_tsv;    // optional: more names of States
};

class Gazetteer {
 public:
  // Fails with a message naming the file when a source is missing or bad.
  static Status Load(const GazetteerSources& sources,
                     std::unique_ptr<const Gazetteer>* out);

  const std::vector<GazetteerEntry>& entries() const { return entries_; }

  // The entries named in `text`, each once, in order of first appearance;
  // where two names overlap the longer wins ("Democratic Republic of the
  // Congo" over "Congo"). Thread-safe.
  std::vector<GazetteerHit> Find(std::string_view text) const;
  // Which names Find and FindAll look for besides States and centres:
  // none (who wrote a letter), States' adjectives too (what the model
  // masks: "the Swedish agency" says who wrote as "Sweden" does), or
  // organisations too (the entities of a passage: only kOrganisations
  // finds "World Bank"; the others find the State inside "Japan
  // International Cooperation Agency").
  enum class Names { kPlaces, kNationalities, kOrganisations };
  // Every occurrence, in text order (the same overlap rule), for masking
  // names wherever they stand. Thread-safe.
  std::vector<GazetteerHit> FindAll(std::string_view text,
                                    Names names = Names::kPlaces) const;
  // Whether FindAll(..., names) looks for entries of `kind`.
  static bool Looks(Names names, std::string_view kind);

  // The entry whose acronym `word` is, as written ("WHO", "UK"; not
  // "who"), or -1. Load refuses an acronym of two entries.
  int FindAcronym(std::string_view word) const;
  // Whether `word`, as written, is a State's acronym ("UK", "USA"), which
  // the model masks as it does the State's name.
  bool IsStateAcronym(std::string_view word) const {
    int entry = FindAcronym(word);
    return entry >= 0 && entries_[entry].kind == "state";
  }

  // The State whose country-code top-level domain is `tld` ("ws", "uk"),
  // or -1.
  int FindByDomain(std::string_view tld) const;

 private:
  struct Variant {
    std::string folded;
    int entry;
  };
  void AddEntry(GazetteerEntry entry, const std::vector<std::string>& names);

  std::vector<GazetteerEntry> entries_;
  std::vector<Variant> variants_;  // longest first
  // The first kHeadBytes bytes of each variant -> its variants_ indexes, in
  // order: a passage is scanned once, not once per variant.
  static constexpr size_t kHeadBytes = 4;
  std::unordered_map<uint32_t, std::vector<int>> by_head_;
  // Acronym as written -> entry; std::less<> so that a string_view finds
  // without a copy (the model looks up every word it reads).
  std::map<std::string, int, std::less<>> acronyms_;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_GAZETTEER_H_
