#include "compile/submissions.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>

namespace intake {
namespace {

bool IsRead(const OutputDocument& d) {
  return d.status == "ok" || d.status == "ok_with_warnings";
}

// A container's members are documents of their own; an e-mail that
// carries attachments is the envelope of the letters attached.
bool IsEnvelope(const OutputDocument& d) {
  if (d.format == "zip" || d.format == "mbox") return true;
  return (d.format == "eml" || d.format == "msg") && d.embedded > 0;
}

bool SaysSomething(const OutputPassage& p) {
  return !p.article14.empty() || !p.activity.empty() || !p.theme.empty() ||
         p.stance != "other";
}

using DocumentsById = std::map<std::string, const OutputDocument*>;

// The document, then the message or archive it came out of, and so on
// outwards. Bounded by the number of documents, so a damaged store whose
// containers name each other cannot loop.
std::vector<const OutputDocument*> WithContainers(const OutputDocument& d,
                                                  const DocumentsById& by_id) {
  std::vector<const OutputDocument*> chain;
  for (const OutputDocument* at = &d;
       at != nullptr && chain.size() <= by_id.size();) {
    chain.push_back(at);
    auto it = by_id.find(at->container_id);
    at = it == by_id.end() ? nullptr : it->second;
  }
  return chain;
}

// Whether the document, or a message or archive it came in, names the
// Convention's subject: a letter attached to a mail whose subject line
// names the Convention is a submission even if the letter does not.
bool InSubjectNamingContainer(const OutputDocument& d,
                              const DocumentsById& by_id) {
  for (const OutputDocument* at : WithContainers(d, by_id)) {
    if (at->convention_subject == "named") return true;
  }
  return false;
}

// The submitter when one was found, else the From of the e-mail the
// document is or came in (such mail rarely names a State), else "".
std::string Sender(const OutputDocument& d, const DocumentsById& by_id) {
  if (!d.submitter_name.empty()) return d.submitter_name;
  for (const OutputDocument* at : WithContainers(d, by_id)) {
    if (!at->mail_from.empty()) return at->mail_from;
  }
  return "";
}

// A letter is set apart when none of its copies names the Convention's
// subject, nor the mail they came in, and no reviewer gave a passage of
// any copy a label or a direction of support (a reviewer who did read it
// as a submission; one who took every label away did not).
bool IsOffTopic(
    const std::vector<const OutputDocument*>& copies,
    const std::map<std::string, std::vector<const OutputPassage*>>& passages,
    const DocumentsById& by_id) {
  for (const OutputDocument* d : copies) {
    if (d->convention_subject != "not_named") return false;
    if (InSubjectNamingContainer(*d, by_id)) return false;
    auto it = passages.find(d->doc_id);
    if (it == passages.end()) continue;
    for (const OutputPassage* p : it->second) {
      if (p->labels_from == "reviewer" && SaysSomething(*p)) return false;
    }
  }
  return true;
}

// White space collapsed, so a PDF's line layout does not make two copies
// of one reference differ.
std::string Collapsed(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string SubmitterKey(const OutputDocument& d) {
  return d.submitter_name.empty() ? ""
                                  : d.submitter_kind + ":" + d.submitter_code;
}

bool SameLetter(const Submission& a, const Submission& b) {
  if (SubmitterKey(*a.document).empty() ||
      SubmitterKey(*a.document) != SubmitterKey(*b.document)) {
    return false;
  }
  if (!a.reference.empty() && !b.reference.empty()) {
    return a.reference == b.reference;
  }
  return !a.date.empty() && a.date == b.date;
}

// Word-processor files keep the author's text; a PDF's comes through a
// layout (hyphenation, page breaks) and is reproduced only when it is the
// only copy.
int FormatRank(const std::string& format) {
  if (format == "docx" || format == "odt" || format == "doc" ||
      format == "rtf") {
    return 0;
  }
  return format == "pdf" ? 2 : 1;
}

// A copy whose paragraphs carry the letter's numbers is the one a report
// can cite ("paragraph 6 of Cambodia's letter"). Word numbering in a .doc
// is not read yet, so without this its PDF, which prints the numbers,
// would lose to it. Headings do not count: their numbers ("II.") are
// often typed, so a .doc shows them when its paragraphs have none.
bool ShowsNumbers(const Submission& s) {
  return std::any_of(s.body.begin(), s.body.end(), [](const OutputPassage* p) {
    return p->kind != "heading" && !p->number.empty();
  });
}

Submission Candidate(const OutputDocument& d,
                     const std::vector<const OutputPassage*>& passages) {
  Submission s;
  s.document = &d;
  for (const OutputPassage* p : passages) {
    if (IsBodyPassage(*p)) s.body.push_back(p);
    if (p->furniture == "reference" && s.reference.empty()) {
      s.reference = Collapsed(p->text);
    }
    if (p->furniture == "date" && s.date.empty()) s.date = Collapsed(p->text);
  }
  return s;
}

// Moves the best copy of the letter to `document`, the rest to `copies`.
void ChooseCopy(Submission* s, std::vector<Submission>* copies) {
  auto better = [](const Submission& a, const Submission& b) {
    if (ShowsNumbers(a) != ShowsNumbers(b)) return ShowsNumbers(a);
    int ra = FormatRank(a.document->format),
        rb = FormatRank(b.document->format);
    if (ra != rb) return ra < rb;
    return a.body.size() > b.body.size();
  };
  for (Submission& c : *copies) {
    if (better(c, *s)) std::swap(c, *s);
  }
  for (Submission& c : *copies) s->copies.push_back(c.document);
  for (Submission& c : *copies) {
    for (const OutputDocument* more : c.copies) s->copies.push_back(more);
  }
}

// The review list shows the passages of every copy, so a reviewer may
// have corrected the PDF of a letter whose Word file is reproduced: the
// decision holds for the same text there, unless that copy has its own.
void TakeDecisionsFromCopies(
    const std::map<std::string, std::vector<const OutputPassage*>>& passages,
    Submission* s, std::deque<OutputPassage>* decided_on_copies) {
  std::map<std::string, const OutputPassage*> decided;  // by text
  for (const OutputDocument* copy : s->copies) {
    auto it = passages.find(copy->doc_id);
    if (it == passages.end()) continue;
    for (const OutputPassage* p : it->second) {
      if (p->labels_from == "reviewer") decided.emplace(Collapsed(p->text), p);
    }
  }
  for (const OutputPassage*& p : s->body) {
    if (p->labels_from == "reviewer") continue;
    auto it = decided.find(Collapsed(p->text));
    if (it == decided.end()) continue;
    OutputPassage labelled = *p;
    const OutputPassage& d = *it->second;
    labelled.article14 = d.article14;
    labelled.activity = d.activity;
    labelled.theme = d.theme;
    labelled.stance = d.stance;
    labelled.confidence = d.confidence;
    labelled.needs_review = d.needs_review;
    labelled.review_reasons = d.review_reasons;
    labelled.labels_from = d.labels_from;
    // Evidence spans count code points of the text they were found in.
    labelled.evidence =
        p->text == d.text ? d.evidence : std::vector<OutputEvidence>();
    decided_on_copies->push_back(std::move(labelled));
    p = &decided_on_copies->back();
  }
}

// Alphabetical in the way a reader expects across languages and accents
// ("Côte d'Ivoire" before "Cuba"); byte order when ICU cannot collate.
void SortByName(std::vector<Submitter>* submitters) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale::getRoot(), error));
  auto less = [&](const Submitter& a, const Submitter& b) {
    if (a.name.empty() != b.name.empty()) return b.name.empty();
    if (U_SUCCESS(error) && collator) {
      UErrorCode e = U_ZERO_ERROR;
      UCollationResult r = collator->compareUTF8(a.name, b.name, e);
      if (U_SUCCESS(e) && r != UCOL_EQUAL) return r == UCOL_LESS;
    }
    return a.name < b.name;
  };
  std::stable_sort(submitters->begin(), submitters->end(), less);
}

}  // namespace

bool IsBodyPassage(const OutputPassage& passage) {
  return passage.kind != "furniture" && passage.kind != "header_footer";
}

Compilation CompileSubmissions(const OutputRecords& records) {
  std::map<std::string, std::vector<const OutputPassage*>> passages;
  for (const OutputPassage& p : records.passages) {
    passages[p.doc_id].push_back(&p);
  }
  Compilation compilation;
  // Each letter with the other copies found of it, in output order.
  std::vector<std::pair<Submission, std::vector<Submission>>> letters;
  for (const OutputDocument& d : records.documents) {
    if (!IsRead(d)) {
      compilation.not_read.push_back(&d);
      continue;
    }
    if (IsEnvelope(d)) continue;
    Submission candidate = Candidate(d, passages[d.doc_id]);
    auto same = std::find_if(letters.begin(), letters.end(), [&](auto& l) {
      return SameLetter(l.first, candidate);
    });
    if (same == letters.end()) {
      letters.push_back({candidate, {}});
    } else {
      same->second.push_back(candidate);
    }
  }
  DocumentsById by_id;
  for (const OutputDocument& d : records.documents) by_id.emplace(d.doc_id, &d);
  std::map<std::string, size_t> by_key;
  for (auto& [letter, copies] : letters) {
    std::vector<const OutputDocument*> all = {letter.document};
    for (const Submission& c : copies) all.push_back(c.document);
    if (IsOffTopic(all, passages, by_id)) {
      for (const OutputDocument* d : all) {
        compilation.off_topic.push_back({d, Sender(*d, by_id)});
      }
      continue;
    }
    ChooseCopy(&letter, &copies);
    TakeDecisionsFromCopies(passages, &letter, &compilation.decided_on_copies);
    const OutputDocument& d = *letter.document;
    std::string key = SubmitterKey(d);
    auto [it, added] = by_key.emplace(key, compilation.submitters.size());
    if (added) {
      compilation.submitters.push_back(
          {d.submitter_name, d.submitter_code, d.submitter_kind, {}});
    }
    compilation.submitters[it->second].submissions.push_back(letter);
  }
  SortByName(&compilation.submitters);
  return compilation;
}

}  // namespace intake
