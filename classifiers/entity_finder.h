// The entities a passage names (TAXONOMY.md section 5), each with its
// place in the passage: States and regional centres (the gazetteer's
// names in the six UN languages), organisations and programmes
// (gazetteer/organisations.tsv: names in any case, acronyms as written),
// references to articles ("article 14, paragraph 3", "art. 8", "artículo
// 7"), money amounts with their currency, years and dates in English,
// Spanish and French.
//
// A name found in lower case only ("a special programme", "turkey") is
// a common word, not a name, and is left out.
#ifndef INTAKE_CLASSIFIERS_ENTITY_FINDER_H_
#define INTAKE_CLASSIFIERS_ENTITY_FINDER_H_

#include <unicode/regex.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/entity_patterns.h"
#include "classifiers/gazetteer.h"
#include "pipeline/passage.h"

namespace intake {

class EntityFinder {
 public:
  // REQUIRES: gazetteer != nullptr.
  explicit EntityFinder(std::shared_ptr<const Gazetteer> gazetteer);
  ~EntityFinder();

  // In text order; where two overlap, the one that starts first (the
  // longer on a tie) stands. Thread-safe.
  std::vector<Entity> Find(std::string_view text) const;

 private:
  class Search;
  void FindNames(Search* search) const;
  void FindArticles(Search* search) const;
  void FindDates(Search* search) const;
  void FindAmountsAndYears(Search* search) const;
  static bool Capitalised(const Search& search, icu::RegexMatcher& m, int g);

  std::shared_ptr<const Gazetteer> gazetteer_;
  std::unique_ptr<icu::RegexPattern> article_;
  std::unique_ptr<icu::RegexPattern> money_;
  // Each date pattern and how its groups read (entity_finder.cc).
  std::vector<DateShape> date_shapes_;
  std::vector<std::unique_ptr<icu::RegexPattern>> dates_;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_ENTITY_FINDER_H_
