#include "classifiers/gazetteer.h"

#include <gtest/gtest.h>

#include <fstream>

#include "classifiers/mo_file.h"
#include "classifiers/submitter_finder.h"
#include "tests/shipped_rules.h"
#include "tests/test_paths.h"

namespace intake {
namespace {

std::vector<std::string> Codes(const Gazetteer& g, const std::string& text) {
  std::vector<std::string> codes;
  for (const GazetteerHit& hit : g.Find(text)) {
    codes.push_back(g.entries()[hit.entry].code);
  }
  return codes;
}

struct NamesCase {
  const char* text;
  std::vector<std::string> codes;
};

// Each case's text gives its codes, in order, with the shipped gazetteer.
void ExpectCodes(const std::vector<NamesCase>& cases) {
  std::shared_ptr<const Gazetteer> g = testing::ShippedGazetteer();
  ASSERT_TRUE(g);
  for (const NamesCase& c : cases) {
    EXPECT_EQ(Codes(*g, c.text), c.codes) << c.text;
  }
}

TEST(GazetteerTest, NamesInTheSixLanguages) {
  ExpectCodes({
      {"GOVERNMENT OF SAMOA", {"WSM"}},
      {"REPÚBLICA DE HONDURAS", {"HND"}},
      {"Swiss Confederation", {"CHE"}},
      {"Confédération helvétique", {"CHE"}},
      {"Правительство: Швейцария", {"CHE"}},
      {"瑞士联邦环境部", {"CHE"}},
      {"سويسرا", {"CHE"}},
      {"Plurinational State of Bolivia", {"BOL"}},
      {"the Democratic Republic of the Congo", {"COD"}},
      {"Nigeria and Niger", {"NGA", "NER"}},
      {"BCRC-Caribbean, Port of Spain, Trinidad and Tobago",
       {"BCRC-Caribbean", "TTO"}},
      {"Côte d'Ivoire", {"CIV"}},
      {"no country here; Nigerian", {}},
  });
}

// Names letters use that iso-codes lacks (classifiers/gazetteer/
// state_names.tsv): its current names only ("Türkiye", "Russian
// Federation"), and for Cambodia in Chinese a spelling nobody writes.
TEST(GazetteerTest, NamesInUseBesideTheIsoOnes) {
  ExpectCodes({
      {"Russia and Turkey", {"RUS", "TUR"}},
      {"la Turquía y Rusia", {"TUR", "RUS"}},
      {"la Turquie", {"TUR"}},
      {"中国政府向柬埔寨提供了培训", {"CHN", "KHM"}},
      {"the Holy See", {"VAT"}},
      {"Great Britain", {"GBR"}},
      {"Türkiye and the Russian Federation", {"TUR", "RUS"}},
      {"los EE.UU. y EEUU", {"USA"}},
      {"Россия и Турция", {"RUS", "TUR"}},
      {"梵蒂冈", {"VAT"}},
      {"the East New Britain provincial office", {}},
  });
}

// A name for a code iso-codes lacks would silently name nothing.
TEST(GazetteerTest, AStateNameForAnUnknownCodeIsRefusedWithItsLine) {
  std::string dir = testing::MakeTempDir("gazetteer-state-names");
  std::ofstream(dir + "/c.tsv") << "BCRC-X\tCentre X\tCentre X\n";
  std::ofstream(dir + "/s.tsv") << "# comment\nRUS\ten\tRussia\n"
                                << "XYZ\ten\tNowhere Land\n"
                                << "AAA\ten\tElsewhere\n";
  std::ofstream(dir + "/bad.tsv") << "RUS\tRussia\n";
  GazetteerSources sources;
  sources.centres_tsv = dir + "/c.tsv";
  sources.state_names_tsv = dir + "/s.tsv";
  std::unique_ptr<const Gazetteer> g;
  Status s = Gazetteer::Load(sources, &g);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("s.tsv:3: XYZ is not an ISO 3166-1 alpha-3"),
            std::string::npos)
      << s.message();
  sources.state_names_tsv = dir + "/bad.tsv";
  s = Gazetteer::Load(sources, &g);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("bad.tsv:1"), std::string::npos) << s.message();
}

// An acronym is matched as written and names one entry: a second owner
// would silently lose to the first loaded.
TEST(GazetteerTest, AnAcronymOfTwoEntriesIsRefused) {
  std::string dir = testing::MakeTempDir("gazetteer-acronyms");
  std::ofstream(dir + "/c.tsv") << "BCRC-X\tCentre X\tCentre X\n";
  std::ofstream(dir + "/o.tsv")
      << "UKO\tUnited Knitters\tUnited Knitters\tUK\n";
  std::ofstream(dir + "/s.tsv") << "GBR\ten\tUK\n";
  GazetteerSources sources;
  sources.centres_tsv = dir + "/c.tsv";
  sources.organisations_tsv = dir + "/o.tsv";
  sources.state_names_tsv = dir + "/s.tsv";
  std::unique_ptr<const Gazetteer> g;
  Status s = Gazetteer::Load(sources, &g);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("the acronym UK names both United Knitters "
                             "(UKO, " +
                             dir + "/o.tsv:1) and United Kingdom"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("(GBR, " + dir + "/s.tsv:1)"), std::string::npos)
      << s.message();
  std::ofstream(dir + "/o.tsv")
      << "UKO\tUnited Knitters\tUnited Knitters\tUK|UKN\n";
  // One State may list its acronym in several languages.
  std::ofstream(dir + "/s.tsv") << "USA\ten\tUSA\nUSA\tfr\tUSA\n";
  ASSERT_TRUE(Gazetteer::Load(sources, &g).ok());
  EXPECT_TRUE(g->IsStateAcronym("USA"));
  EXPECT_FALSE(g->IsStateAcronym("usa"));
  EXPECT_FALSE(g->IsStateAcronym("UK"));  // the organisation's here
}

TEST(GazetteerTest, BadCentresFileNamesLine) {
  std::string dir = testing::MakeTempDir("gazetteer");
  std::ofstream(dir + "/c.tsv") << "# comment\nonly-one-field\n";
  GazetteerSources sources;
  sources.centres_tsv = dir + "/c.tsv";
  std::unique_ptr<const Gazetteer> g;
  Status s = Gazetteer::Load(sources, &g);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("c.tsv:2"), std::string::npos) << s.message();
}

// Organisations have acronyms in a fourth column; more columns, or a line
// without its name, is refused with the file and line. Organisations are
// found only when asked: who wrote a letter is a State or a centre.
TEST(GazetteerTest, OrganisationsFile) {
  std::string dir = testing::MakeTempDir("gazetteer-orgs");
  std::ofstream(dir + "/c.tsv") << "BCRC-X\tA centre\tA Regional Centre\n";
  std::ofstream(dir + "/o.tsv")
      << "# organisations\nWB\tWorld Bank\tWorld Bank|Banco Mundial\tIBRD\n";
  GazetteerSources sources;
  sources.centres_tsv = dir + "/c.tsv";
  sources.organisations_tsv = dir + "/o.tsv";
  std::unique_ptr<const Gazetteer> g;
  ASSERT_TRUE(Gazetteer::Load(sources, &g).ok());
  std::string text = "El Banco Mundial y Ghana";
  auto all = g->FindAll(text, Gazetteer::Names::kOrganisations);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(g->entries()[all[0].entry].code, "WB");
  EXPECT_EQ(g->entries()[all[0].entry].acronyms,
            std::vector<std::string>{"IBRD"});
  EXPECT_EQ(Codes(*g, text), std::vector<std::string>{"GHA"});

  std::ofstream(dir + "/o.tsv") << "WB\tWorld Bank\tWorld Bank\tIBRD\textra\n";
  Status s = Gazetteer::Load(sources, &g);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("o.tsv:1"), std::string::npos) << s.message();
  std::ofstream(dir + "/o.tsv") << "WB\t\tWorld Bank\n";
  EXPECT_EQ(Gazetteer::Load(sources, &g).code(), Status::Code::kCorrupt);
}

TEST(MoFileTest, RejectsWhatIsNotACatalogue) {
  std::map<std::string, std::string> t;
  EXPECT_EQ(ParseMoFile("", &t).code(), Status::Code::kCorrupt);
  EXPECT_EQ(ParseMoFile(std::string("\xde\x12\x04\x95\0\0\0\0\xff\xff\xff\x7f"
                                    "\x00\x01\0\0\x00\x02\0\0",
                                    20),
                        &t)
                .code(),
            Status::Code::kCorrupt);
}

Passage P(const char* text, const char* furniture = "") {
  Passage p;
  p.text = text;
  p.furniture = furniture;
  p.kind = *furniture ? PassageKind::kFurniture : PassageKind::kParagraph;
  return p;
}

Passage Header(const char* text) {
  Passage p;
  p.text = text;
  p.kind = PassageKind::kHeaderFooter;
  return p;
}

TEST(SubmitterFinderTest, Table) {
  GazetteerSubmitterFinder finder(testing::ShippedGazetteer());
  DocumentMeta no_mail;
  DocumentMeta mail;
  mail.is_mail = true;
  mail.mail.from = "Ministerio de Ambiente del Ecuador <focal@ambiente.gob.ec>";
  DocumentMeta gov_mail;
  gov_mail.is_mail = true;
  gov_mail.mail.from = "Chemicals Unit <chemicals.unit@mnre.gov.ws>";
  DocumentMeta private_mail;
  private_mail.is_mail = true;
  private_mail.mail.from = "Consultant <someone@example.ws>";
  struct Case {
    const char* name;
    std::vector<Passage> passages;
    const DocumentMeta* meta;
    const char* code;
    const char* found_by;
  } cases[] = {
      {"letterhead, secretariat address ignored",
       {P("GOVERNMENT OF SAMOA", "letterhead"), P("Ref.: 1", "reference"),
        P("Secretariat of the Minamata Convention", "letterhead"),
        P("Geneva, Switzerland", "letterhead")},
       &no_mail,
       "WSM",
       "letterhead"},
      {"address block alone is not the writer",
       {P("Executive Secretary", "letterhead"),
        P("Geneva, Switzerland", "letterhead"),
        P("The Government of Chile has the honour to submit its views.")},
       &no_mail,
       "CHL",
       "text"},
      {"centre over its host country",
       {P("BCRC-Caribbean", "letterhead"),
        P("Port of Spain, Trinidad and Tobago", "letterhead")},
       &no_mail,
       "BCRC-Caribbean",
       "letterhead"},
      {"signature",
       {P("Ministry of Environment", "letterhead"),
        P("Minister of Environment of Mongolia", "signature")},
       &no_mail,
       "MNG",
       "signature"},
      {"government mail domain",
       {P("Please find our submission attached.")},
       &gov_mail,
       "WSM",
       "mail_sender"},
      {"private mail domain says nothing",
       {P("Please find our submission attached.")},
       &private_mail,
       "",
       ""},
      {"mail sender",
       {P("Please find our submission attached.")},
       &mail,
       "ECU",
       "mail_sender"},
      {"a State named without a cue is not the writer",
       {P("We trained officers from Fiji and Tonga.")},
       &no_mail,
       "",
       ""},
      {"letterhead in a Word page header",
       {Header("RÉPUBLIQUE DU SÉNÉGAL\nMinistère de l'Environnement"),
        P("Dakar, le 3 mai 2021", "date"), P("Madame,", "salutation"),
        P("Nous avons l'honneur de vous transmettre nos informations.")},
       &no_mail,
       "SEN",
       "page_header"},
      {"a footer with the secretariat's address is not the writer",
       {Header("Secretariat of the Minamata Convention, Geneva, Switzerland"),
        P("We trained officers from Fiji and Tonga.")},
       &no_mail,
       "",
       ""},
      {"a cover message naming the submission's party",
       {P("Please find attached the submission of Samoa on decision "
          "MC-3/8.")},
       &private_mail,
       "WSM",
       "text"},
  };
  for (const Case& c : cases) {
    Submitter s = finder.Find(c.passages, *c.meta);
    EXPECT_EQ(s.code, c.code) << c.name;
    EXPECT_EQ(s.found_by, c.found_by) << c.name;
  }
}

}  // namespace
}  // namespace intake
