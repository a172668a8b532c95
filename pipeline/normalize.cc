#include "pipeline/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "pipeline/footnotes.h"
#include "pipeline/language.h"
#include "pipeline/page_breaks.h"
#include "pipeline/page_furniture.h"
#include "pipeline/table_breaks.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

// Presentation-form ligatures that PDFs carry from the font (U+FB00..06).
const char16_t* Ligature(UChar32 c) {
  switch (c) {
    case 0xFB00:
      return u"ff";
    case 0xFB01:
      return u"fi";
    case 0xFB02:
      return u"fl";
    case 0xFB03:
      return u"ffi";
    case 0xFB04:
      return u"ffl";
    case 0xFB05:
      return u"st";
    case 0xFB06:
      return u"st";
  }
  return nullptr;
}

bool IsInvisible(UChar32 c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D ||
         c == 0x2060 || c == 0xFEFF;
}

bool IsLineBreak(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B ||
         c == 0x0C;
}

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Longer runs are not words; scans stop there so that a hostile line of
// one endless "a-a-a-..." token costs linear time.
constexpr size_t kMaxWordBytes = 64;

bool IsWordByte(char c) {
  return IsAsciiLetter(c) || c == '-' || (static_cast<unsigned char>(c) & 0x80);
}

// The letters and hyphens ending `text` ("capacity-" -> "capacity-").
std::string TrailingWord(std::string_view text) {
  size_t i = text.size();
  size_t stop = text.size() > kMaxWordBytes ? text.size() - kMaxWordBytes : 0;
  while (i > stop && IsWordByte(text[i - 1])) {
    --i;
  }
  return std::string(text.substr(i));
}

std::string LeadingWord(std::string_view text) {
  size_t i = 0;
  size_t stop = std::min(text.size(), kMaxWordBytes);
  while (i < stop && IsWordByte(text[i])) {
    ++i;
  }
  return std::string(text.substr(0, i));
}

std::string Lower(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()))
      .toLower()
      .toUTF8String(out);
  return out;
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i,
          static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_islower(c);
}

// Chinese and Japanese lines join without a space: the script writes none
// between words.
bool IsIdeographic(UChar32 c) {
  return c >= 0 &&
         (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
          (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF));
}

bool IdeographsMeet(std::string_view before, std::string_view after) {
  if (before.empty() || after.empty()) return false;
  UChar32 last = -1, first = -1;
  int32_t i = static_cast<int32_t>(before.size());
  U8_PREV(reinterpret_cast<const uint8_t*>(before.data()), 0, i, last);
  int32_t j = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(after.data()), j,
          static_cast<int32_t>(after.size()), first);
  return IsIdeographic(last) && IsIdeographic(first);
}

void AppendFolded(std::string_view piece, std::string* out) {
  for (char c : piece) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (space) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

// The part of a hyphenated run before its first hyphen ("free-trade" ->
// "free") or after its last ("small-scale" -> "scale").
std::string_view FirstPart(std::string_view word) {
  return word.substr(0, word.find('-'));
}
std::string_view LastPart(std::string_view word) {
  size_t dash = word.rfind('-');
  return dash == std::string_view::npos ? word : word.substr(dash + 1);
}

// Whether the hyphen ending `head` ("mercury-") before `tail` ("free") is
// the writer's own. The document writing the hyphenated word elsewhere
// says so; failing that, the dictionary: a broken word joins into a word
// ("envi" + "ronment"), while the halves of a compound are words of their
// own and their join is not ("mercury" + "free"). A word the dictionary
// does not know (a name, a term of art) is joined, as hyphenation is what
// usually breaks a word at a line end.
bool KeepsHyphen(std::string_view head, std::string_view tail,
                 const std::set<std::string>& hyphenated_words,
                 const Dictionary* dictionary) {
  if (hyphenated_words.count(Lower(std::string(head) + std::string(tail))) >
      0) {
    return true;
  }
  if (dictionary == nullptr) return false;
  std::string_view before = LastPart(head.substr(0, head.size() - 1));
  std::string_view after = FirstPart(tail);
  if (before.empty() || after.empty()) return false;
  if (dictionary->IsWord(std::string(before) + std::string(after))) {
    return false;
  }
  return dictionary->IsWord(after);
}

// The language of the text of `blocks` before lines are joined, to pick
// the dictionary that judges the joins.
std::string RawLanguage(const std::vector<Block>& blocks) {
  std::string text;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kHeaderFooter) continue;
    text += block.text;
    text += '\n';
    if (text.size() > (64 << 10)) break;  // plenty for CLD2
  }
  return DetectLanguage(text, "und");
}

bool HasLineEndHyphen(const std::vector<Block>& blocks) {
  for (const Block& block : blocks) {
    if (block.text.find("-\n") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

// Works on UTF-8 throughout: the copy to UTF-16 and back, a call per
// character to append, cost 22 k instructions a block (2% of a PDF run, the
// README's third profile). normalize_test compares it with the UTF-16 way.
std::string CleanText(std::string_view raw) {
  std::string valid = ToValidUtf8(raw);
  std::string mapped;
  mapped.reserve(valid.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(valid.data());
  const int32_t length = static_cast<int32_t>(valid.size());
  for (int32_t i = 0; i < length;) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);  // valid: never negative
    if (const char16_t* lig = Ligature(c)) {
      for (; *lig != 0; ++lig) mapped += static_cast<char>(*lig);
    } else if (IsInvisible(c)) {
      continue;
    } else if (IsLineBreak(c)) {
      mapped += '\n';
    } else if (c == '\t' || u_charType(c) == U_SPACE_SEPARATOR) {
      mapped += ' ';
    } else if (u_iscntrl(c) || u_charType(c) == U_UNASSIGNED) {
      continue;
    } else {
      mapped.append(valid, begin, i - begin);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return mapped;
  std::string out;
  out.reserve(mapped.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, mapped, sink, nullptr, status);
  return U_SUCCESS(status) ? out : mapped;
}

std::string JoinLines(std::string_view text,
                      const std::set<std::string>& hyphenated_words,
                      const Dictionary* dictionary) {
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    // Trailing spaces would hide a hyphen at the end of the line.
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    AppendFolded(line, &out);
    if (nl == std::string_view::npos) break;
    std::string_view rest = text.substr(nl + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    bool hyphen_end = out.size() >= 2 && out.back() == '-' &&
                      out[out.size() - 2] != ' ' && !rest.empty() &&
                      rest.front() != ' ';
    if (hyphen_end && StartsLower(rest)) {
      if (!KeepsHyphen(TrailingWord(out), LeadingWord(rest), hyphenated_words,
                       dictionary)) {
        out.pop_back();
      }
    } else if (hyphen_end) {
      // "BCRC-" / "Caribbean", "2019-" / "2021": a compound or a range
      // that happened to break at its hyphen; keep it, without a space.
    } else if (!out.empty() && out.back() != ' ' &&
               !IdeographsMeet(out, rest)) {
      out.push_back(' ');
    }
    pos = nl + 1;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  size_t first = out.find_first_not_of(' ');
  return first == std::string::npos ? "" : out.substr(first);
}

std::set<std::string> CollectHyphenatedWords(const std::vector<Block>& blocks) {
  std::set<std::string> words;
  for (const Block& block : blocks) {
    const std::string& t = block.text;
    for (size_t i = 1; i + 1 < t.size(); ++i) {
      if (t[i] != '-' || t[i - 1] == ' ' || t[i - 1] == '\n') continue;
      if (t[i + 1] == '\n' || t[i + 1] == ' ') continue;
      size_t begin = i;
      size_t stop = i > kMaxWordBytes ? i - kMaxWordBytes : 0;
      while (begin > stop && t[begin - 1] != ' ' && t[begin - 1] != '\n') {
        --begin;
      }
      size_t end = i;
      size_t limit = std::min(t.size(), i + kMaxWordBytes);
      while (end < limit && t[end] != ' ' && t[end] != '\n') ++end;
      std::string word = TrailingWord(t.substr(begin, i - begin)) + "-" +
                         LeadingWord(t.substr(i + 1, end - i - 1));
      if (word.size() <= kMaxWordBytes) words.insert(Lower(word));
    }
  }
  return words;
}

std::vector<Block> NormalizeBlocks(std::vector<Block> blocks,
                                   const WordLists* words) {
  for (Block& block : blocks) {
    block.text = CleanText(block.text);
    block.number = CleanText(block.number);
  }
  MarkPageFurniture(&blocks);
  MarkFootnotes(&blocks);
  std::set<std::string> hyphenated = CollectHyphenatedWords(blocks);
  const Dictionary* dictionary = nullptr;
  if (words != nullptr && HasLineEndHyphen(blocks)) {
    dictionary = words->For(RawLanguage(blocks));
  }
  std::vector<Block> kept;
  kept.reserve(blocks.size());
  for (Block& block : blocks) {
    block.text = JoinLines(block.text, hyphenated, dictionary);
    block.number = JoinLines(block.number, hyphenated, dictionary);
    if (!block.text.empty()) kept.push_back(std::move(block));
  }
  return JoinAcrossPageBreaks(JoinRowsAcrossPageBreaks(std::move(kept)));
}

}  // namespace intake
