// Pandoc as a second reader for the office extractors' cross-checks: run
// `pandoc -t plain` on a fixture and cut its output into the text chunks
// our blocks must contain. Test-only; skipped where pandoc is missing.
#ifndef INTAKE_TESTS_PANDOC_PLAIN_H_
#define INTAKE_TESTS_PANDOC_PLAIN_H_

#include <string>
#include <vector>

namespace intake::testing {

bool HavePandoc();
// `pandoc -t plain --wrap=none <path>`; "" when pandoc fails. `from`
// names the input format where the extension is not enough ("rtf": an
// older pandoc then fails rather than reading RTF as Markdown).
std::string RunPandoc(const std::string& path, const std::string& from = "");
// Runs of white space made one space, ends trimmed.
std::string Collapse(const std::string& text);
// Pandoc's paragraphs and table cells without what pandoc renders that is
// not text: its list markers, footnote marks ("[1]", "^()"), table rules,
// non-breaking and soft hyphens.
std::vector<std::string> PandocChunks(const std::string& plain);

}  // namespace intake::testing

#endif  // INTAKE_TESTS_PANDOC_PLAIN_H_
