#include "classifiers/pattern_prefix.h"

#include <optional>

namespace intake {
namespace {

bool IsAsciiAlnum(char16_t c) {
  return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
         (c >= u'0' && c <= u'9');
}

// Characters with a meaning of their own outside a class.
bool IsMeta(char16_t c) {
  return std::u16string_view(u"\\[](){}|?*+.^$").find(c) !=
         std::u16string_view::npos;
}

bool IsOptionalQuantifier(char16_t c) {
  return c == u'?' || c == u'*' || c == u'{';
}

// The index just past the element that starts at s[i] (a "(...)" group, a
// "[...]" class or an escape), or nullopt when it does not close.
std::optional<size_t> SkipElement(std::u16string_view s, size_t i) {
  if (s[i] == u'\\') {
    if (i + 1 >= s.size()) return std::nullopt;
    return i + 2;
  }
  if (s[i] == u'[') {
    int depth = 0;
    for (size_t j = i; j < s.size(); ++j) {
      if (s[j] == u'\\') {
        ++j;
      } else if (s[j] == u'[') {
        ++depth;
        // ICU reads a "]" first in a set ("[]a]", "[^]a]") as itself.
        if (j + 1 < s.size() && s[j + 1] == u'^') ++j;
        if (j + 1 < s.size() && s[j + 1] == u']') ++j;
      } else if (s[j] == u']' && --depth == 0) {
        return j + 1;
      }
    }
    return std::nullopt;
  }
  if (s[i] == u'(') {
    int depth = 0;
    for (size_t j = i; j < s.size(); ++j) {
      if (s[j] == u'\\' || s[j] == u'[') {
        std::optional<size_t> next = SkipElement(s, j);
        if (!next) return std::nullopt;
        j = *next - 1;
      } else if (s[j] == u'(') {
        ++depth;
      } else if (s[j] == u')' && --depth == 0) {
        return j + 1;
      }
    }
    return std::nullopt;
  }
  return i + 1;
}

// `s` split at its top-level "|"; nullopt when brackets do not balance.
std::optional<std::vector<std::u16string_view>> Alternatives(
    std::u16string_view s) {
  std::vector<std::u16string_view> out;
  size_t begin = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == u'|') {
      out.push_back(s.substr(begin, i - begin));
      begin = ++i;
      continue;
    }
    std::optional<size_t> next = SkipElement(s, i);
    if (!next) return std::nullopt;
    i = *next;
  }
  out.push_back(s.substr(begin));
  return out;
}

// Whether s[i] opens a lookaround group: "(?=", "(?!", "(?<=", "(?<!".
bool OpensLookaround(std::u16string_view s, size_t i) {
  std::u16string_view rest = s.substr(i);
  return rest.starts_with(u"(?=") || rest.starts_with(u"(?!") ||
         rest.starts_with(u"(?<=") || rest.starts_with(u"(?<!");
}

// The leading literals of one alternative (no top-level "|"), or an empty
// list when there is none to be sure of.
std::vector<std::u16string> AlternativeLiterals(std::u16string_view s) {
  size_t i = 0;
  // Zero width, so what follows still starts the match: \b, and a
  // lookaround such as "(?<=\w(ais|anos)) (et|y) " (the word before it is
  // checked, the match starts at the literal).
  for (;;) {
    if (s.substr(i).starts_with(u"\\b")) {
      i += 2;
    } else if (i < s.size() && OpensLookaround(s, i)) {
      std::optional<size_t> end = SkipElement(s, i);
      if (!end) return {};
      // A quantified lookaround is odd enough not to be read.
      if (*end < s.size() &&
          (IsOptionalQuantifier(s[*end]) || s[*end] == u'+')) {
        return {};
      }
      i = *end;
    } else {
      break;
    }
  }
  if (i >= s.size()) return {};
  if (s[i] == u'(') {
    std::optional<size_t> end = SkipElement(s, i);
    if (!end) return {};
    if (*end < s.size() && IsOptionalQuantifier(s[*end])) return {};
    std::u16string_view inner = s.substr(i + 1, *end - i - 2);
    if (inner.starts_with(u"?:")) {
      inner.remove_prefix(2);
    } else if (inner.starts_with(u"?")) {
      return {};  // flags, lookaround, named groups
    }
    return LeadingLiterals(inner);
  }
  if (s[i] == u'[') {
    std::optional<size_t> end = SkipElement(s, i);
    if (!end) return {};
    if (*end < s.size() && IsOptionalQuantifier(s[*end])) return {};
    std::vector<std::u16string> out;
    for (size_t j = i + 1; j + 1 < *end; ++j) {
      char16_t c = s[j];
      // Negation, ranges, escapes, nested sets and surrogate pairs: give up.
      if (c == u'^' || c == u'-' || c == u'\\' || c == u'[' || c == u'&' ||
          c == u':' || (c >= 0xD800 && c <= 0xDFFF)) {
        return {};
      }
      out.emplace_back(1, c);
    }
    return out;
  }
  std::u16string literal;
  while (i < s.size()) {
    char16_t c = s[i];
    size_t next = i + 1;
    if (c == u'\\') {
      if (i + 1 >= s.size() || IsAsciiAlnum(s[i + 1])) break;  // \w, \d...
      c = s[i + 1];
      next = i + 2;
    } else if (IsMeta(c)) {
      break;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      break;  // keep to whole BMP characters
    }
    // A quantifier applies to this character: "?", "*" or "{0,...}" make it
    // optional, so the literal ends before it; "+" keeps one.
    if (next < s.size() && IsOptionalQuantifier(s[next])) break;
    literal += c;
    if (next < s.size() && s[next] == u'+') break;
    i = next;
  }
  if (literal.empty()) return {};
  return {literal};
}

// The index just past the quantifier at s[i] ("?", "*", "+", "{m,n}", each
// perhaps lazy or possessive), or i when there is none.
size_t SkipQuantifier(std::u16string_view s, size_t i) {
  if (i >= s.size()) return i;
  if (s[i] == u'{') {
    size_t close = s.find(u'}', i);
    if (close == s.npos) return i;
    i = close + 1;
  } else if (s[i] == u'?' || s[i] == u'*' || s[i] == u'+') {
    ++i;
  } else {
    return i;
  }
  if (i < s.size() && (s[i] == u'?' || s[i] == u'+')) ++i;
  return i;
}

// Escapes whose meaning RequiredLiterals can step over: zero-width or a
// class of one character, never a literal spelled in several units.
// \n, \t and \r stand for one character each, which the readers below
// take, like \w, as one of many: no literal, and the end of a run ("[^\n]"
// is how a rule says "on this line").
bool IsKnownEscape(char16_t c) {
  return std::u16string_view(u"bBwWdDsSntr").find(c) !=
             std::u16string_view::npos ||
         !IsAsciiAlnum(c);
}

// Whether the pattern holds something that changes how its literals match
// or how its elements split: inline flags, comments, \Q...\E, escapes
// spelling characters (\x41, \u0041, \N{...}), properties.
bool HasUnknownSyntax(std::u16string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == u'\\') {
      if (!IsKnownEscape(s[i + 1])) return true;
      ++i;
    } else if (s[i] == u'(' && s[i + 1] == u'?') {
      char16_t c = i + 2 < s.size() ? s[i + 2] : u'\0';
      // (?: groups, (?= (?! (?<= (?<! lookaround: zero width, stepped over.
      if (c != u':' && c != u'=' && c != u'!' && c != u'<') return true;
    }
  }
  return false;
}

std::vector<std::u16string> Required(std::u16string_view pattern);

// The required literals of the group s[i, end), or none when it is
// optional or a lookaround.
std::vector<std::u16string> GroupRequired(std::u16string_view s, size_t i,
                                          size_t end) {
  if (end < s.size() && IsOptionalQuantifier(s[end])) return {};
  std::u16string_view inner = s.substr(i + 1, end - i - 2);
  if (inner.starts_with(u"?:")) {
    inner.remove_prefix(2);
  } else if (inner.starts_with(u"?")) {
    return {};  // zero width: what it holds need not be in the match
  }
  return Required(inner);
}

// The literals of the first mandatory element of one alternative that has
// any: the element must match, so one of its literals is in the match.
std::vector<std::u16string> AlternativeRequired(std::u16string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    std::optional<size_t> next = SkipElement(s, i);
    if (!next) return {};
    std::vector<std::u16string> literals =
        s[i] == u'(' ? GroupRequired(s, i, *next)
                     : AlternativeLiterals(s.substr(i));
    if (!literals.empty()) return literals;
    i = SkipQuantifier(s, *next);
  }
  return {};
}

std::vector<std::u16string> Required(std::u16string_view pattern) {
  std::optional<std::vector<std::u16string_view>> alternatives =
      Alternatives(pattern);
  if (!alternatives) return {};
  std::vector<std::u16string> out;
  for (std::u16string_view alternative : *alternatives) {
    std::vector<std::u16string> literals = AlternativeRequired(alternative);
    if (literals.empty()) return {};  // this one could match without any
    for (std::u16string& l : literals) out.push_back(std::move(l));
  }
  return out;
}

}  // namespace

std::vector<std::u16string> RequiredLiterals(std::u16string_view pattern) {
  if (HasUnknownSyntax(pattern)) return {};
  return Required(pattern);
}

std::vector<std::vector<std::u16string>> RequiredLiteralGroups(
    std::u16string_view pattern) {
  if (HasUnknownSyntax(pattern)) return {};
  std::optional<std::vector<std::u16string_view>> alternatives =
      Alternatives(pattern);
  if (!alternatives) return {};
  if (alternatives->size() > 1) {
    std::vector<std::u16string> any = Required(pattern);
    if (any.empty()) return {};
    return {any};
  }
  std::u16string_view s = pattern;
  std::vector<std::vector<std::u16string>> groups;
  // Inside a run of plain characters already read (AlternativeLiterals
  // reads a whole run from its first character).
  bool in_run = false;
  size_t i = 0;
  while (i < s.size()) {
    std::optional<size_t> next = SkipElement(s, i);
    if (!next) return {};
    std::vector<std::u16string> literals;
    if (s[i] == u'(' && s.substr(i).starts_with(u"(?=") &&
        !(*next < s.size() && IsOptionalQuantifier(s[*next]))) {
      // A lookahead holds nothing of the match, but what it looks for must
      // stand in the text: "^(?=[^\n]* \| )" is only for table rows.
      literals = Required(s.substr(i + 3, *next - i - 4));
      in_run = false;
    } else if (s[i] == u'(') {
      literals = GroupRequired(s, i, *next);
      in_run = false;
    } else if (s[i] == u'[') {
      literals = AlternativeLiterals(s.substr(i));
      in_run = false;
    } else if (s[i] == u'\\' && (s[i + 1] == u'b' || s[i + 1] == u'B')) {
      // Zero width: neither ends a run nor starts one.
    } else if (s[i] == u'\\' && IsAsciiAlnum(s[i + 1])) {
      in_run = false;  // \w, \d, \s: one of many characters
    } else if (!IsMeta(s[i]) || s[i] == u'\\') {
      if (!in_run) literals = AlternativeLiterals(s.substr(i));
      in_run = true;
    } else {
      in_run = false;  // ".", "^", "$"
    }
    if (!literals.empty()) groups.push_back(std::move(literals));
    size_t after = SkipQuantifier(s, *next);
    if (after != *next) in_run = false;
    i = after;
  }
  return groups;
}

namespace {

// Whether each top-level alternative of `pattern` opens with `opening`;
// false when that cannot be told. Inline flags ("(?m)") would change what
// an opening means, so they give up.
bool EveryAlternativeOpensWith(std::u16string_view pattern,
                               std::u16string_view opening) {
  if (HasUnknownSyntax(pattern)) return false;
  std::optional<std::vector<std::u16string_view>> alternatives =
      Alternatives(pattern);
  if (!alternatives) return false;
  for (std::u16string_view alternative : *alternatives) {
    if (!alternative.starts_with(opening)) return false;
  }
  return true;
}

}  // namespace

bool StartsAtWordBoundary(std::u16string_view pattern) {
  return EveryAlternativeOpensWith(pattern, u"\\b");
}

bool AnchoredAtStart(std::u16string_view pattern) {
  return EveryAlternativeOpensWith(pattern, u"^");
}

std::vector<std::u16string> LeadingLiterals(std::u16string_view pattern) {
  std::optional<std::vector<std::u16string_view>> alternatives =
      Alternatives(pattern);
  if (!alternatives) return {};
  std::vector<std::u16string> out;
  for (std::u16string_view alternative : *alternatives) {
    std::vector<std::u16string> literals = AlternativeLiterals(alternative);
    if (literals.empty()) return {};  // this one could start anywhere
    for (std::u16string& l : literals) out.push_back(std::move(l));
  }
  return out;
}

namespace {

// Whether `pattern` reads a group back (\1 to \9, \k<name>): renaming its
// groups or splitting it at its alternatives would change what it matches.
bool ReadsAGroupBack(std::u16string_view pattern) {
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] != u'\\') continue;
    const char16_t next = pattern[i + 1];
    if ((next >= u'1' && next <= u'9') || next == u'k') return true;
    ++i;
  }
  return false;
}

}  // namespace

std::u16string WithoutCaptures(std::u16string_view pattern) {
  const std::u16string unchanged(pattern);
  if (ReadsAGroupBack(pattern)) return unchanged;
  std::u16string out;
  size_t i = 0;
  while (i < pattern.size()) {
    const char16_t c = pattern[i];
    // \Q quotes brackets that open nothing.
    if (c == u'\\' && i + 1 < pattern.size() && pattern[i + 1] == u'Q') {
      return unchanged;
    }
    if (c == u'(' && pattern.substr(i).starts_with(u"(?")) {
      // Only non-capturing and atomic groups and lookaround are stepped
      // into: "(?i)", "(?#...)" and "(?<name>" keep the pattern as written.
      const std::u16string_view rest = pattern.substr(i);
      if (!rest.starts_with(u"(?:") && !rest.starts_with(u"(?>") &&
          !OpensLookaround(pattern, i)) {
        return unchanged;
      }
      out += u"(?";
      i += 2;
      continue;
    }
    if (c == u'(') {
      out += u"(?:";
      ++i;
      continue;
    }
    // An escape or a class is copied whole: "\(" and "[(]" open nothing.
    std::optional<size_t> next = SkipElement(pattern, i);
    if (!next) return unchanged;
    out.append(pattern.substr(i, *next - i));
    i = *next;
  }
  return out;
}

std::vector<std::u16string_view> TopLevelAlternatives(
    std::u16string_view pattern) {
  const std::vector<std::u16string_view> whole = {pattern};
  if (ReadsAGroupBack(pattern)) return whole;
  if (pattern.find(u"(?i") != std::u16string_view::npos ||
      pattern.find(u"(?x") != std::u16string_view::npos ||
      pattern.find(u"(?s") != std::u16string_view::npos ||
      pattern.find(u"(?m") != std::u16string_view::npos ||
      pattern.find(u"(?w") != std::u16string_view::npos) {
    return whole;
  }
  std::optional<std::vector<std::u16string_view>> parts = Alternatives(pattern);
  if (!parts || parts->size() < 2) return whole;
  for (std::u16string_view part : *parts) {
    if (part.empty()) return whole;  // "a|" also matches the empty text
  }
  return *parts;
}

}  // namespace intake
