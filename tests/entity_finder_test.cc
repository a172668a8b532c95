// Entities (TAXONOMY.md section 5) found with their place in the passage,
// in English, Spanish and French, on the shipped gazetteer.
#include "classifiers/entity_finder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/shipped_rules.h"

namespace intake {
namespace {

// "type text id" per entity, in order.
std::vector<std::string> Found(std::string_view text) {
  static const EntityFinder* finder =
      new EntityFinder(testing::ShippedGazetteer());
  std::vector<std::string> out;
  for (const Entity& e : finder->Find(text)) {
    out.push_back(e.type + " " + e.text + " " + e.id);
  }
  return out;
}

TEST(EntityFinderTest, EnglishNamesReferencesAmountsAndDates) {
  EXPECT_EQ(Found("On 13 December 2019 the GEF and UNEP approved USD 2.5 "
                  "million for Ghana under article 14, paragraph 3."),
            (std::vector<std::string>{
                "date 13 December 2019 2019-12-13", "organisation GEF GEF",
                "organisation UNEP UNEP", "money USD 2.5 million USD",
                "state Ghana GHA", "article article 14, paragraph 3 14(3)"}));
}

TEST(EntityFinderTest, SpanishAndFrenchWordings) {
  EXPECT_EQ(Found("Con financiamiento del Fondo para el Medio Ambiente "
                  "Mundial y de la ONUDI, el 15 de marzo de 2021 Honduras "
                  "recibió 500 000 EUR (artículos 3 y 4)."),
            (std::vector<std::string>{
                "organisation Fondo para el Medio Ambiente Mundial GEF",
                "organisation ONUDI UNIDO",
                "date 15 de marzo de 2021 2021-03-15", "state Honduras HND",
                "money 500 000 EUR EUR", "article artículos 3 y 4 3,4"}));
  EXPECT_EQ(Found("Le Sénégal a reçu l'appui de l'Union européenne en mars "
                  "2020 (art. 8)."),
            (std::vector<std::string>{
                "state Sénégal SEN", "organisation Union européenne EU",
                "date mars 2020 2020-03", "article art. 8 8"}));
}

// The short forms letters use for States, as written only: "uk" and "usa"
// in lower case name nothing.
TEST(EntityFinderTest, StatesByTheirAcronymsAndNamesInUse) {
  EXPECT_EQ(Found("The UK and the USA supported Russia; uk and usa do not."),
            (std::vector<std::string>{"state UK GBR", "state USA USA",
                                      "state Russia RUS"}));
}

// Offsets are code points of the passage, as evidence's are.
TEST(EntityFinderTest, OffsetsAreCodePointsOfThePassage) {
  static const EntityFinder finder(testing::ShippedGazetteer());
  std::string text = "Côte d’Ivoire — Sénégal";
  std::vector<Entity> e = finder.Find(text);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].start, 0);
  EXPECT_EQ(e[0].end, 13);
  EXPECT_EQ(e[0].id, "CIV");
  EXPECT_EQ(e[1].start, 16);
  EXPECT_EQ(e[1].end, 23);
  EXPECT_EQ(e[1].text, "Sénégal");
}

// A name in lower case is a common word; an acronym counts only as
// written; a year inside a date is the date's.
TEST(EntityFinderTest, CommonWordsAreNotNames) {
  EXPECT_EQ(Found("Those who run a special programme in turkey farms."),
            std::vector<std::string>{});
  EXPECT_EQ(Found("The Special Programme and WHO, in 2024."),
            (std::vector<std::string>{
                "organisation Special Programme SPECIAL_PROGRAMME",
                "organisation WHO WHO", "year 2024 2024"}));
  EXPECT_EQ(Found("Held in May 2021 in Lima."),
            (std::vector<std::string>{"date May 2021 2021-05"}));
}

// Dates the calendar refuses are not dates; a bare "$" says no currency.
TEST(EntityFinderTest, ImpossibleDatesAndUnnamedCurrencies) {
  EXPECT_EQ(Found("Ref. 45/13/2020"),
            std::vector<std::string>{"year 2020 2020"});
  EXPECT_EQ(Found("It cost $ 40,000."),
            std::vector<std::string>{"money $ 40,000 "});
}

// Cases a review found: a currency after the number and each amount with
// its own; a paragraph in brackets; a count after an article is not an
// article; "may" and "mar" are months only as "May" and "Mar"; a heading in
// capitals is not an acronym.
TEST(EntityFinderTest, AmountsArticlesMonthsAndCapitals) {
  EXPECT_EQ(
      Found("We received $2,000, USD 1.5 million and 10 000 €."),
      (std::vector<std::string>{"money $2,000 ", "money USD 1.5 million USD",
                                "money 10 000 € EUR"}));
  EXPECT_EQ(Found("Under Article 14(3), article 7 and 2 experts."),
            (std::vector<std::string>{"article Article 14(3) 14(3)",
                                      "article article 7 7"}));
  EXPECT_EQ(Found("We may 2021 attend; la mar 2020; in Mar. 2020."),
            (std::vector<std::string>{"year 2021 2021", "year 2020 2020",
                                      "date Mar. 2020 2020-03"}));
  EXPECT_EQ(Found("WHO WE ARE. The WHO helped."),
            (std::vector<std::string>{"organisation WHO WHO"}));
}

// Hostile text: no name, nothing found, nothing broken.
TEST(EntityFinderTest, HostileTextFindsNothingAndDoesNotBreak) {
  static const EntityFinder finder(testing::ShippedGazetteer());
  EXPECT_TRUE(finder.Find("").empty());
  EXPECT_TRUE(finder.Find("\xFF\xFE article").empty());
  std::string long_text(200000, 'a');
  long_text += " Ghana";
  std::vector<Entity> e = finder.Find(long_text);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].start, 200001);
}

}  // namespace
}  // namespace intake
