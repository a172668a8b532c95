// scripts/translate-dev, which makes the machine-translated copies the
// shipped model is also trained on (docs/model.md, "Translated copies"):
// every passage in the two other languages, labels and letter kept, line
// by line and cell by cell, and unusable lines named and left out.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace intake {
namespace {

// Runs the script; its exit status, and standard error in `err`.
int TranslateDev(const std::string& args, const std::string& dir,
                 std::string* err) {
  const std::string command = testing::SourceDir() + "/scripts/translate-dev " +
                              args + " >/dev/null 2>" + dir + "/err.txt";
  int status = std::system(command.c_str());
  *err = testing::ReadFileOrDie(dir + "/err.txt");
  return status;
}

std::vector<nlohmann::json> ReadLines(const std::string& path) {
  std::vector<nlohmann::json> rows;
  std::istringstream in(testing::ReadFileOrDie(path));
  for (std::string line; std::getline(in, line);) {
    rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

TEST(TranslateDevTest, EveryPassageGoesIntoTheOtherTwoLanguages) {
  const std::string dir = testing::MakeTempDir("translate-dev");
  const std::string file = dir + "/labelled.jsonl";
  std::ofstream(file)
      << R"({"id": "en-1", "letter": "en-gh-2026", "lang": "en", )"
      << R"("text": "The regional centre trained customs officers on )"
      << R"(mercury imports.", "article14": ["14.1", "14.2"], )"
      << R"("activity": ["b.trade"], "theme": ["supply_trade"], )"
      << R"("stance": "provided"})"
      << "\n"
      << R"({"id": "en-2", "letter": "en-gh-2026", "lang": "en", )"
      << R"("text": "Yours sincerely,\nThe Director", "article14": [], )"
      << R"("activity": [], "theme": [], "stance": "other"})"
      << "\n"
      << R"({"id": "es-1", "letter": "es-pe-2026", "lang": "es", )"
      << R"("text": "Necesitamos equipos de laboratorio para medir el )"
      << R"(mercurio en peces.", "article14": ["14.1"], )"
      << R"("activity": ["e.monitoring_research"], )"
      << R"("theme": ["monitoring"], "stance": "need"})"
      << "\n";
  std::string err;
  ASSERT_EQ(TranslateDev(dir + "/out " + file, dir, &err), 0)
      << err << " (apertium missing? run scripts/install-deps)";

  const std::vector<nlohmann::json> en =
      ReadLines(dir + "/out/translated.en.jsonl");
  const std::vector<nlohmann::json> es =
      ReadLines(dir + "/out/translated.es.jsonl");
  const std::vector<nlohmann::json> fr =
      ReadLines(dir + "/out/translated.fr.jsonl");
  ASSERT_EQ(en.size(), 1u);  // from the Spanish passage
  ASSERT_EQ(es.size(), 2u);  // from the English letter
  ASSERT_EQ(fr.size(), 3u);  // from both

  EXPECT_EQ(es[0]["id"], "en-1~es");
  EXPECT_EQ(es[0]["letter"], "en-gh-2026");  // one fold with its original
  EXPECT_EQ(es[0]["lang"], "es");
  EXPECT_EQ(es[0]["article14"], nlohmann::json({"14.1", "14.2"}));
  EXPECT_EQ(es[0]["activity"], nlohmann::json({"b.trade"}));
  EXPECT_EQ(es[0]["theme"], nlohmann::json({"supply_trade"}));
  EXPECT_EQ(es[0]["stance"], "provided");
  const std::string spanish = es[0]["text"];
  EXPECT_NE(spanish.find("mercurio"), std::string::npos) << spanish;
  // The furniture's line break survives the trip.
  const std::string closing = es[1]["text"];
  EXPECT_NE(closing.find('\n'), std::string::npos) << closing;

  EXPECT_EQ(en[0]["id"], "es-1~en");
  EXPECT_EQ(en[0]["stance"], "need");
  const std::string english = en[0]["text"];
  EXPECT_NE(english.find("mercury"), std::string::npos) << english;
  // English to French passes through Spanish.
  const std::string french = fr[0]["text"];
  EXPECT_EQ(fr[0]["id"], "en-1~fr");
  EXPECT_NE(french.find("douane"), std::string::npos) << french;
}

// Apertium carries words across a single line break and reorders them
// across a cell bar; each line and cell must come back as itself.
TEST(TranslateDevTest, EachLineAndCellKeepsItsOwnWords) {
  const std::string dir = testing::MakeTempDir("translate-dev-units");
  const std::string file = dir + "/labelled.jsonl";
  std::ofstream(file)
      << R"({"id": "a", "letter": "L", "lang": "en", "text": "the red"})"
      << "\n"
      << R"({"id": "b", "letter": "L", "lang": "en", "text": "car"})"
      << "\n"
      << R"({"id": "c", "letter": "L", "lang": "en", )"
      << R"("text": "Item | Cost\r\nThe Kabwe zorglub"})"
      << "\n";
  std::string err;
  ASSERT_EQ(TranslateDev(dir + "/out " + file, dir, &err), 0) << err;
  const std::vector<nlohmann::json> es =
      ReadLines(dir + "/out/translated.es.jsonl");
  ASSERT_EQ(es.size(), 3u);
  const std::string red = es[0]["text"];
  const std::string car = es[1]["text"];
  const std::string table = es[2]["text"];
  EXPECT_EQ(red.find("coche"), std::string::npos) << red;
  EXPECT_EQ(car.find("roj"), std::string::npos) << car;
  // The cells stay in their order, the line break stays one.
  EXPECT_EQ(table.rfind("Elemento | Coste\n", 0), 0u) << table;
  // A word Apertium does not know comes through unmarked.
  EXPECT_NE(table.find("zorglub"), std::string::npos) << table;
  EXPECT_EQ(table.find('*'), std::string::npos) << table;
}

// Lines that cannot be translated are named on standard error and left
// out; the rest are translated (intake train judges the originals).
TEST(TranslateDevTest, UnusableLinesAreNamedAndLeftOut) {
  const std::string dir = testing::MakeTempDir("translate-dev-bad");
  const struct {
    const char* line;
    const char* reason;
  } cases[] = {
      {R"({"text": "no closing brace")", "not a JSON line"},
      {"\xff\xfe", "not a JSON line"},
      {R"(["a list"])", "needs text"},
      {R"({"letter": "L", "lang": "ar", "text": "تدريب"})", "needs text"},
      {R"({"letter": "L", "lang": "en", "text": 3})", "needs text"},
      {R"({"lang": "en", "text": "No letter, so no fold to share."})",
       "needs text"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.line);
    const std::string file = dir + "/bad.jsonl";
    std::ofstream(file) << R"({"letter": "L", "lang": "en", "text": "Fine."})"
                        << "\n"
                        << c.line << "\n";
    std::string err;
    EXPECT_EQ(TranslateDev(dir + "/out " + file, dir, &err), 0) << err;
    EXPECT_NE(err.find(file + ":2"), std::string::npos) << err;
    EXPECT_NE(err.find(c.reason), std::string::npos) << err;
    EXPECT_EQ(ReadLines(dir + "/out/translated.es.jsonl").size(), 1u);
  }
  std::string err;
  EXPECT_NE(TranslateDev(dir + "/out " + dir + "/missing.jsonl", dir, &err), 0);
  EXPECT_NE(err.find("missing.jsonl"), std::string::npos) << err;
}

}  // namespace
}  // namespace intake
