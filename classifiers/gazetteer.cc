#include "classifiers/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "classifiers/mo_file.h"
#include "classifiers/text_fold.h"

namespace intake {
namespace {

// Shorter folded names ("uk") would match inside too much text.
constexpr size_t kMinVariantBytes = 4;

uint32_t HeadBytes(std::string_view s, size_t at) {
  uint32_t head;
  std::memcpy(&head, s.data() + at, sizeof head);
  return head;
}
// The UN languages other than English, as iso-codes names their catalogues.
const char* const kLocales[] = {"es", "fr", "ru", "ar", "zh_CN"};

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  *out = std::move(s).str();
  return Status::Ok();
}

// "Bolivia, Plurinational State of" -> also "Plurinational State of
// Bolivia" in *names and "Bolivia" in *heads: letters write names the
// natural way round, and often the head alone. A head may be another
// State's name ("Congo, The Democratic Republic of the": "Congo" is the
// Republic of the Congo), so LoadStates keeps it only where it is not.
void AddForms(const std::string& name, std::vector<std::string>* names,
              std::vector<std::string>* heads) {
  if (name.empty()) return;
  names->push_back(name);
  size_t comma = name.find(", ");
  if (comma == std::string::npos) return;
  heads->push_back(name.substr(0, comma));
  names->push_back(name.substr(comma + 2) + " " + name.substr(0, comma));
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// CJK text has no spaces between words: names there match anywhere.
bool IsCjk(const std::string& folded) {
  unsigned char lead = folded.empty() ? 0 : folded[0];
  return lead >= 0xE3 && lead <= 0xE9;
}

// The non-empty pieces of `s` between `separator`s.
std::vector<std::string> Split(const std::string& s, char separator) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string piece; std::getline(in, piece, separator);) {
    if (!piece.empty()) out.push_back(piece);
  }
  return out;
}

// Calls `row` with the line number and the tab-separated fields (empty ones
// kept) of every line of `path` that is neither blank nor a comment;
// returns its first error.
Status ForEachRow(
    const std::string& path,
    const std::function<Status(int, const std::vector<std::string>&)>& row) {
  std::string text;
  Status s = ReadFile(path, &text);
  if (!s.ok()) return s;
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream cols(line);
    for (std::string f; std::getline(cols, f, '\t');) fields.push_back(f);
    s = row(number, fields);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// "UK", "USA": too short to match whatever the case ("uk" is no State).
bool IsAcronym(const std::string& name) {
  return name.size() >= 2 && name.size() < kMinVariantBytes &&
         std::all_of(name.begin(), name.end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; });
}

// ALPHA3 <tab> LANG <tab> name, one name a line, into *names by code.
Status LoadStateNames(const std::string& path,
                      std::map<std::string, std::vector<std::string>>* names,
                      std::map<std::string, int>* line_of) {
  return ForEachRow(path, [&](int number,
                              const std::vector<std::string>& fields) {
    if (fields.size() != 3 || fields[0].size() != 3 || fields[2].empty()) {
      return Status::Corrupt(path + ":" + std::to_string(number) +
                             ": expected a State's alpha-3 code, a language "
                             "and a name, separated by tabs");
    }
    (*names)[fields[0]].push_back(fields[2]);
    line_of->emplace(fields[0], number);
    return Status::Ok();
  });
}

Status LoadStates(
    const GazetteerSources& sources,
    std::vector<std::pair<GazetteerEntry, std::vector<std::string>>>* out) {
  std::map<std::string, std::vector<std::string>> more_names;
  std::map<std::string, int> line_of;
  if (!sources.state_names_tsv.empty()) {
    Status s = LoadStateNames(sources.state_names_tsv, &more_names, &line_of);
    if (!s.ok()) return s;
  }
  std::string json_text;
  Status s = ReadFile(sources.iso_codes_json, &json_text);
  if (!s.ok()) return s;
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.contains("3166-1")) {
    return Status::Corrupt(sources.iso_codes_json +
                           ": not the iso-codes ISO 3166-1 list");
  }
  std::vector<std::map<std::string, std::string>> catalogues;
  for (const char* locale : kLocales) {
    std::string path =
        sources.locale_dir + "/" + locale + "/LC_MESSAGES/iso_3166-1.mo";
    std::string bytes;
    std::map<std::string, std::string> catalogue;
    // A missing translation only narrows matching; it is not an error.
    if (ReadFile(path, &bytes).ok()) {
      s = ParseMoFile(bytes, &catalogue);
      if (!s.ok()) return Status::Corrupt(path + ": " + s.message());
    }
    catalogues.push_back(std::move(catalogue));
  }
  const size_t first_state = out->size();
  std::vector<std::vector<std::string>> heads_of;  // per State, in order
  for (const nlohmann::json& country : doc["3166-1"]) {
    GazetteerEntry entry;
    entry.code = country.value("alpha_3", "");
    entry.name = country.value("common_name", country.value("name", ""));
    entry.kind = "state";
    for (char c : country.value("alpha_2", std::string())) {
      entry.alpha2 += static_cast<char>(std::tolower(c));
    }
    std::vector<std::string> english;
    for (const char* field : {"name", "common_name", "official_name"}) {
      if (country.contains(field)) english.push_back(country[field]);
    }
    std::vector<std::string> names;
    std::vector<std::string>& heads = heads_of.emplace_back();
    for (const std::string& n : english) {
      AddForms(n, &names, &heads);
      for (const auto& catalogue : catalogues) {
        auto t = catalogue.find(n);
        if (t != catalogue.end()) AddForms(t->second, &names, &heads);
      }
    }
    auto more = more_names.find(entry.code);
    if (more != more_names.end()) {
      for (const std::string& name : more->second) {
        (IsAcronym(name) ? entry.acronyms : names).push_back(name);
      }
      if (!entry.acronyms.empty()) {
        entry.source = sources.state_names_tsv + ":" +
                       std::to_string(line_of.at(entry.code));
      }
      more_names.erase(more);
    }
    out->push_back({std::move(entry), std::move(names)});
  }
  std::set<std::string> whole_names;
  for (size_t i = first_state; i < out->size(); ++i) {
    whole_names.insert((*out)[i].second.begin(), (*out)[i].second.end());
  }
  for (size_t i = 0; i < heads_of.size(); ++i) {
    for (const std::string& head : heads_of[i]) {
      if (!whole_names.contains(head)) {
        (*out)[first_state + i].second.push_back(head);
      }
    }
  }
  // A code iso-codes does not have would add names to nothing.
  if (!more_names.empty()) {
    // The first in the file, where the programme officer reads from.
    std::string code = more_names.begin()->first;
    for (const auto& [unknown, names] : more_names) {
      if (line_of.at(unknown) < line_of.at(code)) code = unknown;
    }
    return Status::Corrupt(sources.state_names_tsv + ":" +
                           std::to_string(line_of.at(code)) + ": " + code +
                           " is not an ISO 3166-1 alpha-3 code");
  }
  return Status::Ok();
}

// id <tab> name <tab> forms separated by | [<tab> acronyms separated by |].
Status LoadNameList(
    const std::string& path, const char* kind,
    std::vector<std::pair<GazetteerEntry, std::vector<std::string>>>* out) {
  return ForEachRow(
      path, [&](int number, const std::vector<std::string>& fields) {
        if (fields.size() < 3 || fields.size() > 4 || fields[0].empty() ||
            fields[1].empty()) {
          return Status::Corrupt(path + ":" + std::to_string(number) +
                                 ": expected id, name, forms and optionally "
                                 "acronyms, separated by tabs");
        }
        GazetteerEntry entry{fields[0], fields[1], kind, "", {}, ""};
        if (fields.size() == 4) {
          entry.acronyms = Split(fields[3], '|');
          entry.source = path + ":" + std::to_string(number);
        }
        out->push_back({std::move(entry), Split(fields[2], '|')});
        return Status::Ok();
      });
}

// ALPHA3 <tab> LANG <tab> form, one form a line: one "nationality" entry
// per State, with all its forms.
Status LoadNationalities(
    const std::string& path,
    std::vector<std::pair<GazetteerEntry, std::vector<std::string>>>* out) {
  std::map<std::string, std::vector<std::string>> forms;
  Status s = ForEachRow(path, [&](int number,
                                  const std::vector<std::string>& fields) {
    if (fields.size() != 3 || fields[0].size() != 3 || fields[2].empty()) {
      return Status::Corrupt(path + ":" + std::to_string(number) +
                             ": expected a State's alpha-3 code, a language "
                             "and an adjective, separated by tabs");
    }
    forms[fields[0]].push_back(fields[2]);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  for (auto& [code, names] : forms) {
    out->push_back({GazetteerEntry{code, code, "nationality", "", {}, ""},
                    std::move(names)});
  }
  return Status::Ok();
}

// An acronym is matched as written and names one entry: were "UK" both a
// State and an organisation, the entity finder would silently take the
// first loaded.
Status CheckAcronymsUnique(
    const std::vector<std::pair<GazetteerEntry, std::vector<std::string>>>&
        all) {
  std::map<std::string, const GazetteerEntry*> owner;
  for (const auto& [entry, names] : all) {
    for (const std::string& a : entry.acronyms) {
      auto [it, added] = owner.emplace(a, &entry);
      if (added || it->second == &entry) continue;
      return Status::Corrupt(
          "the acronym " + a + " names both " + it->second->name + " (" +
          it->second->code + ", " + it->second->source + ") and " + entry.name +
          " (" + entry.code + ", " + entry.source +
          "): an acronym is matched as written and must name one entry, "
          "so remove it from one of them");
    }
  }
  return Status::Ok();
}

}  // namespace

Status Gazetteer::Load(const GazetteerSources& sources,
                       std::unique_ptr<const Gazetteer>* out) {
  std::vector<std::pair<GazetteerEntry, std::vector<std::string>>> all;
  Status s = LoadNameList(sources.centres_tsv, "regional_centre", &all);
  if (!s.ok()) return s;
  if (!sources.places_tsv.empty()) {
    s = LoadNameList(sources.places_tsv, "place", &all);
    if (!s.ok()) return s;
  }
  if (!sources.organisations_tsv.empty()) {
    s = LoadNameList(sources.organisations_tsv, "organisation", &all);
    if (!s.ok()) return s;
  }
  if (!sources.nationalities_tsv.empty()) {
    s = LoadNationalities(sources.nationalities_tsv, &all);
    if (!s.ok()) return s;
  }
  s = LoadStates(sources, &all);
  if (!s.ok()) return s;
  s = CheckAcronymsUnique(all);
  if (!s.ok()) return s;
  auto g = std::unique_ptr<Gazetteer>(new Gazetteer());
  for (auto& [entry, names] : all) g->AddEntry(std::move(entry), names);
  std::stable_sort(g->variants_.begin(), g->variants_.end(),
                   [](const Variant& a, const Variant& b) {
                     return a.folded.size() > b.folded.size();
                   });
  static_assert(kHeadBytes == sizeof(uint32_t) &&
                kHeadBytes <= kMinVariantBytes);
  for (size_t v = 0; v < g->variants_.size(); ++v) {
    g->by_head_[HeadBytes(g->variants_[v].folded, 0)].push_back(
        static_cast<int>(v));
  }
  *out = std::move(g);
  return Status::Ok();
}

void Gazetteer::AddEntry(GazetteerEntry entry,
                         const std::vector<std::string>& names) {
  int index = static_cast<int>(entries_.size());
  for (const std::string& a : entry.acronyms) acronyms_.emplace(a, index);
  entries_.push_back(std::move(entry));
  std::set<std::string> seen;
  for (const std::string& name : names) {
    std::string folded = FoldToUtf8(name);
    if (folded.size() < kMinVariantBytes || !seen.insert(folded).second) {
      continue;
    }
    variants_.push_back({std::move(folded), index});
  }
}

int Gazetteer::FindByDomain(std::string_view tld) const {
  // The one ccTLD that is not the alpha-2 code.
  if (tld == "uk") tld = "gb";
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (!entries_[i].alpha2.empty() && entries_[i].alpha2 == tld) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int Gazetteer::FindAcronym(std::string_view word) const {
  auto it = acronyms_.find(word);
  return it == acronyms_.end() ? -1 : it->second;
}

bool Gazetteer::Looks(Names names, std::string_view kind) {
  if (kind == "organisation") return names == Names::kOrganisations;
  if (kind == "nationality") return names == Names::kNationalities;
  return true;
}

std::vector<GazetteerHit> Gazetteer::FindAll(std::string_view text,
                                             Names names) const {
  std::string folded = FoldToUtf8(text);
  // Every occurrence of every variant, as (variant, byte offset), overlaps
  // included: what a search per variant would find, in one pass.
  std::vector<std::pair<int, size_t>> found;
  for (size_t at = 0; at + kHeadBytes <= folded.size(); ++at) {
    auto head = by_head_.find(HeadBytes(folded, at));
    if (head == by_head_.end()) continue;
    for (int v : head->second) {
      if (!Looks(names, entries_[variants_[v].entry].kind)) continue;
      if (std::string_view(folded).substr(at).starts_with(
              variants_[v].folded)) {
        found.push_back({v, at});
      }
    }
  }
  // Longest variant first, each in text order: the longer name wins.
  std::sort(found.begin(), found.end());
  std::vector<char> taken(folded.size(), 0);
  std::vector<GazetteerHit> hits;
  for (const auto& [index, at] : found) {
    const Variant& v = variants_[index];
    size_t end = at + v.folded.size();
    bool bounded =
        IsCjk(v.folded) || ((at == 0 || !IsWordByte(folded[at - 1])) &&
                            (end == folded.size() || !IsWordByte(folded[end])));
    if (!bounded || std::any_of(taken.begin() + at, taken.begin() + end,
                                [](char c) { return c != 0; })) {
      continue;
    }
    std::fill(taken.begin() + at, taken.begin() + end, 1);
    if (entries_[v.entry].kind != "place") {
      hits.push_back({v.entry, at, v.folded.size()});
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const GazetteerHit& a, const GazetteerHit& b) {
              return a.position < b.position;
            });
  return hits;
}

std::vector<GazetteerHit> Gazetteer::Find(std::string_view text) const {
  std::vector<GazetteerHit> hits;
  std::set<int> seen;
  for (const GazetteerHit& hit : FindAll(text)) {
    if (seen.insert(hit.entry).second) hits.push_back(hit);
  }
  return hits;
}

}  // namespace intake
