#include "pipeline/letter_furniture.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <regex>
#include <string>

#include "pipeline/unicode_text.h"

namespace intake {
namespace {

// Above this many words a passage is content even if it opens like
// furniture ("I have the honour to report that our centre trained...").
constexpr int kMaxTransmittalWords = 45;
// Except the paragraph that opens the letter by answering the addressee's
// letter: "I have the honour to refer to your letter of 20 May 2021 ... and
// to transmit herewith the submission of the Republic of ..." runs longer.
constexpr int kMaxOpeningWords = 80;
constexpr int kMaxLineWords = 14;
constexpr size_t kMaxFurnitureBytes = 600;
// A letterhead block holds a name, an address and contact lines.
constexpr int kMaxLetterheadWords = 40;

std::string ToLower(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

bool Search(std::string_view text, const std::regex& re) {
  return std::regex_search(text.begin(), text.end(), re);
}

const std::regex& Salutation() {
  static const std::regex re(
      R"(^(dear\b|excellenc|your excellenc|madam\b|sir\b|sirs\b|to whom it may concern|estimad|señor|señora|excelentísim|monsieur|madame|cher\b|chère).{0,80}$)",
      std::regex::icase | std::regex::optimize);
  return re;
}

const std::regex& Closing() {
  static const std::regex re(
      R"(^(yours (sincerely|faithfully|truly)|sincerely( yours)?|with (best|kind) regards|best regards|kind regards|respectfully( yours)?|atentamente|cordialmente|cordialement|sinc(e|è)rement|veuillez agr(é|e)er|je vous prie d'agr(é|e)er|(please )?accept,? .{0,80}(assurances?|consideration)|.{0,120}avails? (itself|himself|herself|myself) of this opportunity|.{0,80}(renew|renews) to .{0,80}assurances?|hago propicia|aprovecho la oportunidad|le saluda))",
      std::regex::icase | std::regex::optimize);
  return re;
}

const std::regex& DateLine() {
  static const std::regex re(
      R"(^([A-Z][A-Za-zéèüñç.'-]+,? ){0,3}(\d{1,2}(st|nd|rd|th)?\.? (de )?[A-Za-zéû]+,? (de )?\d{4}|[A-Za-z]+ \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\.?$)",
      std::regex::optimize);
  return re;
}

const std::regex& Reference() {
  static const std::regex re(
      R"(^((subject|re|objet|asunto|sujet)\s*:|(our|your) ref|ref\b|réf\b|reference\b|référence|referencia|n[o°º]\.? ?\d|nota n|note no|file no)[^\n]{0,100}$)",
      std::regex::icase | std::regex::optimize);
  return re;
}

const std::regex& Transmittal() {
  static const std::regex re(
      R"((i have the hono(u)?r to|has the hono(u)?r to|please find (attached|enclosed|herewith)|(attached|enclosed) (please find|herewith|is|are)|in (response|reply) to your (letter|note|request)|with reference to your (letter|note)|(i am|we are) (pleased|happy|glad) to (submit|transmit|provide|forward|share)|(has|have) the pleasure to|tengo el honor|tiene el honor|tengo el agrado|me complace|en atenci(o|ó)n a su (carta|nota)|adjunto|j'ai le plaisir|j'ai l'honneur|a l'honneur|veuillez trouver ci-joint))",
      std::regex::icase | std::regex::optimize);
  return re;
}

// The letter the writer answers: the secretariat's invitation to submit.
const std::regex& AddresseeLetter() {
  static const std::regex re(
      R"(\b(your|su|sus|votre|vos) (letters?|notes?|cartas?|lettres?|invitations?|invitaci(o|ó)n)\b)",
      std::regex::icase | std::regex::optimize);
  return re;
}

const std::regex& AnnexHeading() {
  static const std::regex re(
      R"(^(annex|annexe|anexo|appendix|enclosure|attachment)\b.{0,80}$)",
      std::regex::icase | std::regex::optimize);
  return re;
}

// Texts one of which every match of Closing() / Transmittal() contains (in
// lower case). Most passages have none, and a substring search is far
// cheaper than std::regex trying every alternative at every position: that
// was a tenth of a run (README, "Speed"). Keep in step with the patterns.
constexpr std::string_view kClosingWords[] = {"yours ",
                                              "sinc",
                                              "regards",
                                              "respectfully",
                                              "atentamente",
                                              "cordialmente",
                                              "cordialement",
                                              "agr",
                                              "accept",
                                              "of this opportunity",
                                              "assurance",
                                              "hago propicia",
                                              "aprovecho la oportunidad",
                                              "le saluda"};
constexpr std::string_view kTransmittalWords[] = {
    "the hono",        "please find", "attached ",       "enclosed ",
    " to your ",       "pleased to",  "happy to",        "glad to",
    "the pleasure to", "tengo el",    "tiene el honor",  "me complace",
    "en atenci",       "adjunto",     "j'ai le plaisir", "l'honneur",
    "veuillez trouver"};

template <size_t N>
bool ContainsAny(std::string_view text, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (text.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool IsShortLine(const Passage& p) {
  return CountWords(p.text) <= kMaxLineWords;
}

void MakeFurniture(Passage* p, std::string_view role) {
  p->kind = PassageKind::kFurniture;
  p->furniture = std::string(role);
}

bool IsMarkable(const Passage& p) {
  return p.kind == PassageKind::kParagraph || p.kind == PassageKind::kHeading;
}

// The first paragraph after the salutation is the letter's opening: a
// transmittal when it answers the addressee's letter in a transmittal's
// words, even beyond kMaxTransmittalWords.
void MarkOpening(std::vector<Passage>* passages, size_t salutation) {
  for (size_t i = salutation + 1; i < passages->size(); ++i) {
    Passage& p = (*passages)[i];
    if (p.kind == PassageKind::kHeaderFooter ||
        p.kind == PassageKind::kFootnote) {
      continue;
    }
    if (p.kind == PassageKind::kFurniture) {
      if (p.furniture == "transmittal") return;
      continue;  // a subject line under the salutation
    }
    if (!IsMarkable(p) || !p.number.empty() ||
        CountWords(p.text) > kMaxOpeningWords) {
      return;
    }
    std::string lower = ToLower(p.text);
    if (Search(lower, Transmittal()) && Search(lower, AddresseeLetter())) {
      MakeFurniture(&p, "transmittal");
    }
    return;
  }
}

}  // namespace

std::string_view FurnitureRoleOf(std::string_view text) {
  // Furniture is short. The cap also keeps std::regex, which recurses per
  // character, away from hostile long tokens.
  if (text.size() > kMaxFurnitureBytes) return "";
  int words = CountWords(text);
  // std::regex's icase knows ASCII only: "SEÑORA" is lowered by ICU first.
  std::string lower = ToLower(text);
  if (words <= kMaxLineWords && Search(lower, Salutation())) {
    return "salutation";
  }
  if (words <= 40 && ContainsAny(lower, kClosingWords) &&
      Search(lower, Closing())) {
    return "closing";
  }
  if (words <= 8 && Search(text, DateLine())) return "date";
  if (words <= kMaxLineWords && Search(lower, Reference())) return "reference";
  if (words <= kMaxLineWords && Search(lower, AnnexHeading())) {
    return "annex_heading";
  }
  if (words <= kMaxTransmittalWords && ContainsAny(lower, kTransmittalWords) &&
      Search(lower, Transmittal())) {
    return "transmittal";
  }
  return "";
}

void MarkLetterFurniture(std::vector<Passage>* passages) {
  std::vector<Passage>& ps = *passages;
  long salutation = -1;
  long closing = -1;
  bool content_seen = false;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (!ps[i].number.empty() || CountWords(ps[i].text) > kMaxLetterheadWords) {
      content_seen = true;
    }
    if (!IsMarkable(ps[i]) || !ps[i].number.empty()) continue;
    std::string_view role = FurnitureRoleOf(ps[i].text);
    if (role.empty()) continue;
    MakeFurniture(&ps[i], role);
    // The last salutation before the content: "Señora" heads the address
    // block, "Estimada Sra. Stankiewicz:" opens the letter.
    if (role == "salutation" && !content_seen) salutation = i;
    if (role == "closing") closing = i;
  }
  if (salutation >= 0) MarkOpening(passages, salutation);
  // Before the salutation: the letterhead, unless a line reads as content.
  for (long i = 0; i < salutation; ++i) {
    if (IsMarkable(ps[i]) && ps[i].number.empty() &&
        CountWords(ps[i].text) <= kMaxLetterheadWords) {
      MakeFurniture(&ps[i], "letterhead");
    }
  }
  // After the closing: the signature block, up to an annex.
  if (closing >= 0) {
    for (size_t i = closing + 1; i < ps.size(); ++i) {
      if (ps[i].furniture == "annex_heading") break;
      if (ps[i].kind == PassageKind::kHeaderFooter ||
          ps[i].kind == PassageKind::kFootnote) {
        continue;
      }
      if (!IsShortLine(ps[i]) || !ps[i].number.empty()) break;
      MakeFurniture(&ps[i], "signature");
    }
  }
}

}  // namespace intake
