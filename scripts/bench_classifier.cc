// Benchmark of the rule classifier: passages per second on one core.
//
// Synthetic on purpose (no corpus needed): a rules file of 300 terms and 10
// patterns over 40 labels, and 2,000 passages of 60 words drawn from a
// vocabulary that contains the terms, with accents and punctuation. Compare
// with `fasttext predict` on the same passages. Not part of the test binary.
//
// Build and run: scripts/build bench_classifier && build/bench_classifier
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "classifiers/rule_classifier.h"
#include "classifiers/rules.h"
#include "classifiers/taxonomy.h"

namespace {

std::string PseudoWord(std::mt19937& rng) {
  static const char* kSyllables[] = {"ca",  "pa", "ci",   "ty", "tra", "in",
                                     "mer", "cu", "ry",   "ré", "gio", "nal",
                                     "for", "ma", "tion", "dé", "ve",  "lo"};
  std::uniform_int_distribution<int> count(2, 4);
  std::uniform_int_distribution<int> pick(0, std::size(kSyllables) - 1);
  std::string w;
  for (int i = count(rng); i > 0; --i) w += kSyllables[pick(rng)];
  return w;
}

}  // namespace

int main(int argc, char** argv) {
  // bench_classifier [PASSAGES [PATTERNS]]: PATTERNS 0 leaves them out.
  const int passages = argc > 1 ? std::atoi(argv[1]) : 2000;
  const bool with_patterns = argc > 2 ? std::atoi(argv[2]) != 0 : true;
  std::mt19937 rng(42);
  std::vector<std::string> vocabulary;
  for (int i = 0; i < 2000; ++i) vocabulary.push_back(PseudoWord(rng));

  // 40 labels (article14, activity and theme codes, then the stances).
  std::vector<std::pair<std::string, std::string>> labels;
  for (std::string_view d :
       {intake::kArticle14, intake::kActivity, intake::kTheme}) {
    for (std::string_view c : intake::TaxonomyCodes(d)) {
      if (labels.size() < 37) labels.emplace_back(d, c);
    }
  }
  for (const char* c : {"need", "provided", "received"}) {
    labels.emplace_back("stance", c);
  }
  std::string xml =
      "<rules format=\"1\" version=\"bench\">\n<negation window=\"4\">"
      "<term>no</term><term>not</term><term>without</term></negation>\n"
      "<concept id=\"support\"><term>technical assistance</term>"
      "<term>train*</term></concept>\n";
  std::vector<std::string> terms;
  std::uniform_int_distribution<int> word(0, vocabulary.size() - 1);
  std::uniform_int_distribution<int> length(1, 3);
  int pattern_count = 0;
  for (size_t l = 0; l < labels.size(); ++l) {
    xml += "<label dimension=\"" + labels[l].first + "\" code=\"" +
           labels[l].second + "\" threshold=\"1.5\"" +
           (l % 5 == 0 ? " requires=\"support\"" : "") + ">\n";
    const int n = l < 20 ? 8 : 7;  // 20*8 + 20*7 = 300 terms
    for (int t = 0; t < n; ++t) {
      std::string term;
      for (int k = length(rng); k > 0; --k) {
        if (!term.empty()) term += ' ';
        term += vocabulary[word(rng)];
      }
      terms.push_back(term);
      if (t % 4 == 0) term += '*';
      xml += "  <term weight=\"" + std::to_string(0.5 + (t % 3) * 0.5) + "\">" +
             term + "</term>\n";
    }
    if (with_patterns && l % 4 == 0) {
      ++pattern_count;
      xml += "  <pattern weight=\"1\">\\b" + vocabulary[word(rng)] +
             "s? (of|for) \\w+</pattern>\n";
    }
    xml += "</label>\n";
  }
  xml += "</rules>\n";

  std::shared_ptr<const intake::Rules> rules;
  intake::Status s = intake::ParseRules(xml, "bench", &rules);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  intake::RuleClassifier classifier(rules);

  std::vector<std::string> texts;
  std::uniform_int_distribution<int> coin(0, 9);
  std::uniform_int_distribution<int> which(0, terms.size() - 1);
  for (int p = 0; p < passages; ++p) {
    std::string text;
    int words = 0;
    while (words < 60) {
      if (!text.empty()) text += coin(rng) == 0 ? ", " : " ";
      if (coin(rng) == 0) {
        text += terms[which(rng)];
        words += 2;
      } else if (coin(rng) == 0) {
        text += "not";
        ++words;
      } else {
        text += vocabulary[word(rng)];
        ++words;
      }
      if (coin(rng) == 0) text += ".";
    }
    texts.push_back(text + ".");
  }

  size_t labels_given = 0;
  size_t evidence = 0;
  double best = 1e9;
  for (int round = 0; round < 5; ++round) {
    auto start = std::chrono::steady_clock::now();
    for (const std::string& t : texts) {
      intake::Labels l =
          classifier.Classify(t, "fr", intake::PassageKind::kParagraph);
      labels_given += l.article14.size() + l.activity.size() + l.theme.size();
      evidence += l.evidence.size();
    }
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    best = std::min(best, d.count());
  }
  std::printf(
      "%zu terms, %d patterns, %zu labels; %d passages of ~60 words\n"
      "best of 5: %.3f s = %.0f passages/s (avg %.2f labels, %.2f evidence "
      "per passage)\n",
      terms.size(), pattern_count, labels.size(), passages, best,
      passages / best, labels_given / (5.0 * passages),
      evidence / (5.0 * passages));
  return 0;
}
