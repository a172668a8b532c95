#include "classifiers/submitter_finder.h"

#include <cctype>
#include <string>
#include <string_view>

#include "classifiers/text_fold.h"

namespace intake {
namespace {

// Opening passages searched for the writer named in the text.
constexpr size_t kOpeningPassages = 12;
// How far before a State's name a "Government of" may stand (folded bytes).
constexpr size_t kWriterCueReach = 40;

bool NamesTheSecretariat(std::string_view folded) {
  for (std::string_view word :
       {"secretariat", "secretaria", "secretariado", "executive secretary",
        "secretaria ejecutiva", "secretaire executive", "minamata convention",
        "convenio de minamata", "convention de minamata", "geneva", "geneve",
        "ginebra", "chatelaine", "environment programme", "anemones"}) {
    if (folded.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// The best entry named in `texts`: a regional centre over a State (a
// centre's letterhead gives its host country's address too), else the
// first State.
Submitter Best(const Gazetteer& g, const std::vector<std::string>& texts,
               const char* found_by) {
  const GazetteerEntry* state = nullptr;
  for (const std::string& text : texts) {
    for (const GazetteerHit& hit : g.Find(text)) {
      const GazetteerEntry& e = g.entries()[hit.entry];
      if (e.kind == "regional_centre") {
        return {e.name, e.code, e.kind, found_by};
      }
      if (state == nullptr) state = &e;
    }
  }
  if (state == nullptr) return {};
  return {state->name, state->code, state->kind, found_by};
}

bool WriterCueBefore(std::string_view folded, size_t position) {
  size_t from = position > kWriterCueReach ? position - kWriterCueReach : 0;
  std::string_view before = folded.substr(from, position - from);
  for (std::string_view cue : {"government of",
                               "republic of",
                               "kingdom of",
                               "ministry",
                               "permanent mission of",
                               "gobierno de",
                               "mision permanente",
                               "gouvernement",
                               "mission permanente",
                               "state of",
                               "republica",
                               "republique",
                               "reino de",
                               "royaume",
                               "submission of",
                               "submission from",
                               "on behalf of",
                               "en nombre de",
                               "au nom de",
                               "contribucion de",
                               "contribution de"}) {
    if (before.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

// A government sender's address names its State in the domain:
// "focal@mnre.gov.ws", "x@ambiente.gob.ec", "y@ecologie.gouv.fr".
Submitter GovernmentDomain(const Gazetteer& g, const std::string& from) {
  size_t at = from.rfind('@');
  if (at == std::string::npos) return {};
  std::string domain;
  for (size_t i = at + 1; i < from.size(); ++i) {
    char c = from[i];
    if (c == '>' || c == ' ' || c == ',') break;
    domain += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  size_t dot = domain.rfind('.');
  if (dot == std::string::npos || domain.size() - dot != 3) return {};
  std::string labels = "." + domain.substr(0, dot) + ".";
  bool government = false;
  for (const char* label : {".gov.", ".gob.", ".gouv.", ".go.", ".govt.",
                            ".admin.", ".government."}) {
    if (labels.find(label) != std::string::npos) government = true;
  }
  if (!government) return {};
  int entry = g.FindByDomain(domain.substr(dot + 1));
  if (entry < 0) return {};
  const GazetteerEntry& e = g.entries()[entry];
  return {e.name, e.code, e.kind, "mail_sender"};
}

}  // namespace

Submitter GazetteerSubmitterFinder::Find(const std::vector<Passage>& passages,
                                         const DocumentMeta& meta) const {
  const Gazetteer& g = *gazetteer_;
  // The letterhead: before the reference, date and salutation, without the
  // addressee block.
  std::vector<std::string> letterhead, signature;
  bool head_done = false;
  for (const Passage& p : passages) {
    if (p.furniture == "reference" || p.furniture == "date" ||
        p.furniture == "salutation") {
      head_done = true;
    }
    if (p.furniture == "letterhead" && !head_done &&
        !NamesTheSecretariat(FoldToUtf8(p.text))) {
      letterhead.push_back(p.text);
    }
    if (p.furniture == "signature") signature.push_back(p.text);
  }
  Submitter s = Best(g, letterhead, "letterhead");
  if (s.found()) return s;
  s = Best(g, signature, "signature");
  if (s.found()) return s;
  // A Word letter often carries its letterhead in the page header.
  std::vector<std::string> page_head;
  for (const Passage& p : passages) {
    if (p.kind == PassageKind::kHeaderFooter &&
        !NamesTheSecretariat(FoldToUtf8(p.text))) {
      page_head.push_back(p.text);
    }
  }
  s = Best(g, page_head, "page_header");
  if (s.found()) return s;
  if (meta.is_mail) {
    s = Best(g, {meta.mail.from}, "mail_sender");
    if (s.found()) return s;
    s = GovernmentDomain(g, meta.mail.from);
    if (s.found()) return s;
  }
  for (size_t i = 0; i < passages.size() && i < kOpeningPassages; ++i) {
    const Passage& p = passages[i];
    if (p.kind == PassageKind::kHeaderFooter) continue;
    std::string folded = FoldToUtf8(p.text);
    for (const GazetteerHit& hit : g.Find(p.text)) {
      const GazetteerEntry& e = g.entries()[hit.entry];
      if (e.kind == "regional_centre" ||
          WriterCueBefore(folded, hit.position)) {
        return {e.name, e.code, e.kind, "text"};
      }
    }
  }
  return {};
}

}  // namespace intake
