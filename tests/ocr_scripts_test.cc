#include "extractors/ocr_scripts.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TEST(OcrScriptsTest, ScriptPicksLanguages) {
  struct Case {
    const char* script;
    float confidence;
    const char* languages;
  } cases[] = {
      {"Latin", 9.0f, "eng+spa+fra"},
      {"Arabic", 100.0f, "ara+eng"},
      {"Cyrillic", 5.0f, "rus+eng"},
      {"Han", 0.9f, "chi_sim+eng"},
      {"HanS", 3.0f, "chi_sim+eng"},
      {"HanT", 3.0f, "chi_sim+eng"},
      // A guess on a page of a few marks: the usual languages.
      {"Arabic", 0.2f, "eng+spa+fra"},
      // Scripts of no UN language in our set, and nonsense.
      {"Greek", 9.0f, "eng+spa+fra"},
      {"Devanagari", 9.0f, "eng+spa+fra"},
      {"", 9.0f, "eng+spa+fra"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(OcrLanguagesForScript(c.script, c.confidence, "eng+spa+fra"),
              c.languages)
        << c.script << " " << c.confidence;
  }
}

}  // namespace
}  // namespace intake
