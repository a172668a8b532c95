#include "pipeline/letter_furniture.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TEST(FurnitureRoleOfTest, Table) {
  struct Case {
    const char* text;
    const char* role;
  } cases[] = {
      {"Dear Ms. Stankiewicz,", "salutation"},
      {"Excellency,", "salutation"},
      {"Estimada Sra. Secretaria Ejecutiva:", "salutation"},
      {"Madame la Secrétaire exécutive,", "salutation"},
      {"SEÑORA SECRETARIA EJECUTIVA:", "salutation"},
      {"Yours sincerely,", "closing"},
      {"Please accept, Madam, the assurances of my highest consideration.",
       "closing"},
      {"The Permanent Mission of Chile avails itself of this opportunity to "
       "renew to the Secretariat the assurances of its highest consideration.",
       "closing"},
      {"Atentamente,", "closing"},
      {"Veuillez agréer, Madame, l'expression de ma haute considération.",
       "closing"},
      {"20 May 2021", "date"},
      {"Phnom Penh, 27 September 2021", "date"},
      {"May 20, 2021", "date"},
      {"2021-05-20", "date"},
      {"Ref.: MOE/CHEM/2021/117", "reference"},
      {"Our ref: 2021/44", "reference"},
      {"Subject: Submission on decision MC-3/8", "reference"},
      {"Annex I", "annex_heading"},
      {"I have the honour to transmit herewith the submission of Samoa.",
       "transmittal"},
      {"Please find attached the information requested.", "transmittal"},
      {"Tengo el honor de dirigirme a usted para remitir la información.",
       "transmittal"},
      // Content, not furniture:
      {"In 2020 the centre trained 40 customs officers from five countries "
       "on the trade provisions of the Convention.",
       ""},
      {"I have the honour to report that in 2020 our regional centre trained "
       "forty customs officers from Fiji, Samoa, Tonga and Vanuatu on the "
       "trade provisions of the Convention with funding from the Specific "
       "International Programme, and that it will repeat the course in 2022 "
       "for the remaining Pacific island countries.",
       ""},
      {"Dear colleagues in the region have asked for training on mercury "
       "waste and on the Basel technical guidelines, which we could not "
       "provide.",
       ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FurnitureRoleOf(c.text), c.role) << c.text;
  }
}

Passage P(const char* text, PassageKind kind = PassageKind::kParagraph) {
  Passage p;
  p.text = text;
  p.kind = kind;
  return p;
}

TEST(MarkLetterFurnitureTest, WholeLetter) {
  std::vector<Passage> ps = {
      P("MINISTRY OF ENVIRONMENT", PassageKind::kHeading),
      P("Apia, Samoa"),
      P("Ref.: MNRE/2021/7"),
      P("20 May 2021"),
      P("Dear Ms. Stankiewicz,"),
      P("1. Samoa lacks laboratory capacity to monitor mercury in fish and "
        "would welcome technical assistance."),
      P("Yours sincerely,"),
      P("Jane Doe"),
      P("Chief Executive Officer"),
      P("Annex", PassageKind::kHeading),
      P("Table of needs"),
  };
  ps[5].number = "1.";
  MarkLetterFurniture(&ps);
  const char* roles[] = {"letterhead",
                         "letterhead",
                         "reference",
                         "date",
                         "salutation",
                         "",
                         "closing",
                         "signature",
                         "signature",
                         "annex_heading",
                         ""};
  for (size_t i = 0; i < ps.size(); ++i) {
    EXPECT_EQ(ps[i].furniture, roles[i]) << ps[i].text;
    EXPECT_EQ(ps[i].kind == PassageKind::kFurniture, *roles[i] != '\0')
        << ps[i].text;
  }
}

// The opening that answers the addressee's letter is a transmittal even
// when it is long (mauritius-transmittal, bcrc-caribbean-training and
// honduras-mia-nap in fixtures/letters); a long paragraph that reports
// content in a transmittal's words is not, nor is one further down.
TEST(MarkLetterFurnitureTest, LongOpeningThatAnswersTheLetter) {
  const char* mauritius =
      "I have the honour to refer to your letter dated 20 May 2021 "
      "concerning decision MC-3/8 and to transmit herewith the submission of "
      "the Republic of Mauritius on the capacity-building and technical "
      "assistance provided and received for the implementation of the "
      "Minamata Convention on Mercury, for compilation by the secretariat.";
  const char* report =
      "I have the honour to report that in 2020 our regional centre trained "
      "forty customs officers from Fiji, Samoa, Tonga and Vanuatu on the "
      "trade provisions of the Convention with funding from the Specific "
      "International Programme, and that it will repeat the course in 2022 "
      "for the remaining Pacific island countries.";
  struct Case {
    std::vector<const char*> body;  // after "Excellency,"
    std::vector<const char*> roles;
  } cases[] = {
      {{mauritius, "Please accept the assurances of my highest consideration."},
       {"transmittal", "closing"}},
      {{"Subject: Submission on decision MC-3/8", mauritius},
       {"reference", "transmittal"}},
      {{report}, {""}},
      {{"Mauritius has no mercury-added products industry.", mauritius},
       {"", ""}},
  };
  for (const Case& c : cases) {
    std::vector<Passage> ps = {P("Excellency,")};
    for (const char* text : c.body) ps.push_back(P(text));
    MarkLetterFurniture(&ps);
    for (size_t i = 0; i < c.roles.size(); ++i) {
      EXPECT_EQ(ps[i + 1].furniture, c.roles[i]) << ps[i + 1].text;
    }
  }
}

TEST(MarkLetterFurnitureTest, ReportWithoutSalutationKeepsItsOpening) {
  std::vector<Passage> ps = {P("Capacity-building activities of the centre"),
                             P("The centre held three workshops in 2020.")};
  MarkLetterFurniture(&ps);
  EXPECT_EQ(ps[0].kind, PassageKind::kParagraph);
  EXPECT_EQ(ps[1].kind, PassageKind::kParagraph);
}

}  // namespace
}  // namespace intake
