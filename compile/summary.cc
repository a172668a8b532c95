#include "compile/summary.h"

#include <map>
#include <set>

#include "classifiers/taxonomy.h"

namespace intake {
namespace {

std::vector<CodeCount> ZeroCounts(std::string_view dimension) {
  std::vector<CodeCount> counts;
  for (std::string_view code : TaxonomyCodes(dimension)) {
    counts.push_back({std::string(code), 0, 0});
  }
  return counts;
}

// Adds one passage's codes; `seen` holds the codes this submitter already
// counted, so each submitter counts once per code (null: a passage of no
// known submitter, which counts only as a passage).
void Add(const std::vector<std::string>& codes, std::vector<CodeCount>* counts,
         std::set<std::string>* seen) {
  std::set<std::string> once(codes.begin(), codes.end());
  for (CodeCount& c : *counts) {
    if (!once.count(c.code)) continue;
    ++c.passages;
    if (seen && seen->insert(c.code).second) ++c.submitters;
  }
}

std::vector<std::string> Groups(const std::vector<std::string>& items) {
  std::vector<std::string> groups;
  for (const std::string& item : items) {
    groups.push_back(item.substr(0, item.find('.')));
  }
  return groups;
}

void Count(const OutputPassage& p, SubmitterStances* stances) {
  StanceCount* count = p.stance == "need"       ? &stances->need
                       : p.stance == "provided" ? &stances->provided
                       : p.stance == "received" ? &stances->received
                                                : nullptr;
  if (count == nullptr) return;
  ++count->passages;
  if (p.needs_review && p.labels_from != "reviewer") ++count->to_review;
}

}  // namespace

std::string CodeName(const std::string& dimension, const std::string& code) {
  static const std::map<std::string, std::string> kNames = {
      {"article14:14.1", "capacity-building and technical assistance"},
      {"article14:14.2", "delivery: centres, agencies, partnerships"},
      {"article14:14.3", "technology transfer"},
      {"article14:14.4a", "initiatives and progress on alternatives"},
      {"article14:14.4b", "needs for alternative technologies"},
      {"article14:14.4c", "challenges in technology transfer"},
      {"article14:14.5", "recommendations to enhance support"},
      {"group:a", "tools, materials and e-learning"},
      {"group:b", "training and advice"},
      {"group:c", "expert advice and meetings"},
      {"group:d", "partnerships and linkages"},
      {"group:e", "support reported by submitters"},
      {"theme:supply_trade", "supply and trade (art. 3)"},
      {"theme:products", "mercury-added products (art. 4)"},
      {"theme:processes", "manufacturing processes (art. 5)"},
      {"theme:asgm", "artisanal and small-scale gold mining (art. 7)"},
      {"theme:emissions", "emissions (art. 8)"},
      {"theme:releases", "releases (art. 9)"},
      {"theme:storage", "interim storage (art. 10)"},
      {"theme:waste", "mercury wastes (art. 11)"},
      {"theme:contaminated_sites", "contaminated sites (art. 12)"},
      {"theme:finance", "financial resources (art. 13)"},
      {"theme:health", "health (art. 16)"},
      {"theme:information", "information and awareness (arts. 17-18)"},
      {"theme:monitoring", "research and monitoring (art. 19)"},
      {"theme:implementation_plans", "implementation plans (art. 20)"},
      {"theme:reporting", "reporting (art. 21)"},
  };
  auto it = kNames.find(dimension + ":" + code);
  return it == kNames.end() ? "" : it->second;
}

CompilationSummary Summarize(const Compilation& compilation) {
  CompilationSummary s;
  s.not_read = static_cast<long long>(compilation.not_read.size());
  s.off_topic = static_cast<long long>(compilation.off_topic.size());
  s.article14 = ZeroCounts(kArticle14);
  s.themes = ZeroCounts(kTheme);
  for (const char* g : {"a", "b", "c", "d", "e"}) {
    s.activity_groups.push_back({g, 0, 0});
  }
  for (const Submitter& submitter : compilation.submitters) {
    long long letters = static_cast<long long>(submitter.submissions.size());
    s.submissions += letters;
    if (submitter.name.empty()) {
      s.unattributed += letters;
    } else {
      ++s.submitters;
      (submitter.kind == "state" ? s.parties : s.others)
          .push_back(submitter.name);
    }
    std::set<std::string> seen_a14, seen_group, seen_theme;
    bool named = !submitter.name.empty();
    SubmitterStances stances{submitter.name, {}, {}, {}};
    for (const Submission& letter : submitter.submissions) {
      s.documents += 1 + static_cast<long long>(letter.copies.size());
      for (const OutputPassage* p : letter.body) {
        // A heading names what the passages under it say ("Needs and
        // challenges"); they are counted, it would count them twice.
        if (p->kind == "heading") continue;
        Count(*p, &stances);
        Add(p->article14, &s.article14, named ? &seen_a14 : nullptr);
        Add(Groups(p->activity), &s.activity_groups,
            named ? &seen_group : nullptr);
        Add(p->theme, &s.themes, named ? &seen_theme : nullptr);
      }
    }
    if (!named) continue;
    if (stances.need.passages > 0) s.need.push_back(submitter.name);
    if (stances.provided.passages > 0) s.provided.push_back(submitter.name);
    if (stances.received.passages > 0) s.received.push_back(submitter.name);
    s.stances.push_back(stances);
  }
  return s;
}

}  // namespace intake
