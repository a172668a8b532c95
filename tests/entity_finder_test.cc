// Entities (TAXONOMY.md section 5) found with their place in the passage,
// in English, Spanish and French, on the shipped gazetteer.
#include "classifiers/entity_finder.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
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

// Found wanting by an independent audit (session 27): the paragraph named
// before its article, the United States dollar by name in the three
// languages, the two Congos, and a capital named after its State.
TEST(EntityFinderTest, ParagraphFirstDollarsByNameCongosAndCapitals) {
  EXPECT_EQ(
      Found("Under paragraph 3 of article 14 of the Convention."),
      (std::vector<std::string>{"article paragraph 3 of article 14 14(3)"}));
  EXPECT_EQ(
      Found("Conforme al párrafo 2 del artículo 14 del Convenio."),
      (std::vector<std::string>{"article párrafo 2 del artículo 14 14(2)"}));
  EXPECT_EQ(
      Found("Au titre du paragraphe 3 de l’article 14."),
      (std::vector<std::string>{"article paragraphe 3 de l’article 14 14(3)"}));
  EXPECT_EQ(Found("We received 2.3 million United States dollars."),
            (std::vector<std::string>{
                "money 2.3 million United States dollars USD"}));
  EXPECT_EQ(Found("Recibimos 1,5 millones de dólares estadounidenses."),
            (std::vector<std::string>{
                "money 1,5 millones de dólares estadounidenses USD"}));
  EXPECT_EQ(
      Found("Nous avons reçu 50 000 dollars des États-Unis."),
      (std::vector<std::string>{"money 50 000 dollars des États-Unis USD"}));
  // An amount after an article is not one more article.
  EXPECT_EQ(
      Found("Au titre du paragraphe 1 de l’article 14, 50 000 dollars "
            "des États-Unis."),
      (std::vector<std::string>{"article paragraphe 1 de l’article 14 14(1)",
                                "money 50 000 dollars des États-Unis USD"}));
  EXPECT_EQ(Found("Conforme al artículo 14, 1,5 millones de dólares."),
            (std::vector<std::string>{"article artículo 14 14",
                                      "money 1,5 millones de dólares "}));
  EXPECT_EQ(Found("Under article 14, 2 million USD; articles 3, 4 and 5."),
            (std::vector<std::string>{"article article 14 14",
                                      "money 2 million USD USD",
                                      "article articles 3, 4 and 5 3,4,5"}));
  EXPECT_EQ(Found("We spent 40 dollars used for fuel."),
            (std::vector<std::string>{"money 40 dollars "}));
  EXPECT_EQ(Found("The Congo and the Democratic Republic of the Congo."),
            (std::vector<std::string>{
                "state Congo COG",
                "state the Democratic Republic of the Congo COD"}));
  EXPECT_EQ(Found("Le Congo a reçu un appui."),
            (std::vector<std::string>{"state Congo COG"}));
  EXPECT_EQ(Found("Our office in San Salvador, El Salvador."),
            (std::vector<std::string>{"state El Salvador SLV"}));
}

// The regional centres by their names in full, in the three languages,
// and not only by their short forms.
TEST(EntityFinderTest, RegionalCentresByTheirNamesInFull) {
  const std::pair<const char*, const char*> cases[] = {
      {"The Basel Convention Regional Centre for South America trained us.",
       "BCRC-Argentina"},
      {"The Basel Convention Regional Centre for Central America and Mexico "
       "trained us.",
       "BCRC-CAM"},
      {"The Stockholm Convention Regional Centre for Capacity-building and "
       "the Transfer of Technology in Asia and the Pacific trained us.",
       "SCRC-China"},
      {"El Centro Regional del Convenio de Estocolmo en México nos capacitó.",
       "SCRC-Mexico"},
      {"Le Centre régional de la Convention de Stockholm au Sénégal nous a "
       "formés.",
       "SCRC-Senegal"},
      {"Le Centre régional de la Convention de Bâle pour l'Asie et le "
       "Pacifique nous a formés.",
       "BCRC-China"},
  };
  for (const auto& [text, id] : cases) {
    std::vector<std::string> found = Found(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].substr(0, 16), "regional_centre ") << text;
    EXPECT_TRUE(found[0].ends_with(std::string(" ") + id)) << found[0];
  }
}

// The main UN bodies and the GEF in the other UN languages, where letters
// the rules cannot read are labelled from their entities.
TEST(EntityFinderTest, OrganisationsInRussianChineseAndArabic) {
  EXPECT_EQ(Found("ЮНЕП и Глобальный экологический фонд"),
            (std::vector<std::string>{
                "organisation ЮНЕП UNEP",
                "organisation Глобальный экологический фонд GEF"}));
  EXPECT_EQ(
      Found("中国通过环境署提供了援助"),
      (std::vector<std::string>{"state 中国 CHN", "organisation 环境署 UNEP"}));
  EXPECT_EQ(Found("قدم برنامج الأمم المتحدة للبيئة الدعم"),
            (std::vector<std::string>{
                "organisation برنامج الأمم المتحدة للبيئة UNEP"}));
}

// A zero-width space or a soft hyphen beside a name folds to nothing; the
// entity's text does not carry it.
TEST(EntityFinderTest, InvisibleCharactersBesideANameAreLeftOut) {
  EXPECT_EQ(
      Found("Ghana\u200b received support from \u00adUNEP\u00ad."),
      (std::vector<std::string>{"state Ghana GHA", "organisation UNEP UNEP"}));
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

// Amounts in Russian, Chinese and Arabic, so that a passage in those
// languages, which the rules do not read, is labelled finance by its
// entities (entity_labels.h); and words that only start like a currency.
TEST(EntityFinderTest, AmountsInRussianChineseAndArabic) {
  struct Case {
    const char* text;
    std::vector<std::string> found;
  };
  const Case cases[] = {
      {"Выделено 2 млн. долларов США и 1,5 миллиона евро.",
       {"money 2 млн. долларов США USD", "money 1,5 миллиона евро EUR"}},
      {"Бюджет: 500 000 рублей, 300 тыс. швейцарских франков.",
       {"money 500 000 рублей RUB", "money 300 тыс. швейцарских франков CHF"}},
      {"Выделено 40 долларов.", {"money 40 долларов "}},  // whose dollar?
      {"提供了200万美元，另有50万欧元和3000人民币。",
       {"money 200万美元 USD", "money 50万欧元 EUR", "money 3000人民币 CNY"}},
      {"قدم 2 مليون دولار أمريكي و 500 ألف يورو.",
       {"money 2 مليون دولار أمريكي USD", "money 500 ألف يورو EUR"}},
      // Not amounts: a year before "European", numbers before words that
      // start as a currency's name does.
      {"В 2020 европейские страны; 5 рубежей.", {"year 2020 2020"}},
      {"Проект 12 франкофонных стран.", {}},
      // Found by a review: 人民币 alone, a date before 元旦 (New Year's
      // Day), a championship, an amount after a comma.
      {"提供了3000万人民币。", {"money 3000万人民币 CNY"}},
      {"2021年1月1日元旦期间。", {}},
      {"Евро 2024 прошёл в Германии.", {"year 2024 2024"}},
      {"资金,200万美元。", {"money 200万美元 USD"}},
      {"1,200万美元。", {"money 1,200万美元 USD"}},
      {"Получено 300 долларов США.", {"money 300 долларов США USD"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Found(c.text), c.found) << c.text;
  }
}

}  // namespace
}  // namespace intake
