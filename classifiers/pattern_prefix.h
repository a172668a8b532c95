// What every match of a rules pattern begins with, to skip the regex
// engine where a pattern cannot match.
//
// The patterns of a rules file mostly open with a word or a group of
// alternative words ("\b(request|requests|ask)\b ..."). ICU cannot use a
// leading \b to skip ahead, so without help it tries the whole pattern at
// every position of every passage; that was most of the classifier's time.
// LeadingLiterals reads the start of a pattern and returns literal texts
// such that every match starts with one of them; the matcher then tries the
// pattern only where one occurs.
//
// Conservative by design: anything it does not fully understand (inline
// flags, lookaround, a class with ranges or escapes, an optional first
// element, \w or \d first) gives an empty list, which means "try
// everywhere". It is not a regex parser and never decides a match.
#ifndef INTAKE_CLASSIFIERS_PATTERN_PREFIX_H_
#define INTAKE_CLASSIFIERS_PATTERN_PREFIX_H_

#include <string>
#include <string_view>
#include <vector>

namespace intake {

// Literal texts (non-empty, UTF-16, as the pattern spells them) one of which
// starts every match of the ICU regular expression `pattern` compiled
// without flags; empty when that cannot be told.
std::vector<std::u16string> LeadingLiterals(std::u16string_view pattern);

// Literal texts one of which occurs in every match of `pattern`, not
// necessarily at its start (the currency patterns open with \d but always
// hold "dollars", "$", "usd"...): a text without any of them cannot match.
// Empty when that cannot be told. The same conservative reading as
// LeadingLiterals; inline flags and escapes it does not know give up.
std::vector<std::u16string> RequiredLiterals(std::u16string_view pattern);

// Groups of literal texts such that every match of `pattern` holds at least
// one literal of each group: one group for each mandatory group, class or
// run of plain characters that gives any ("\b(request|ask)\b (\w+ ){0,4}
// (support|help)" -> {request, ask}, {" "}, {support, help}), and one
// for what a top-level lookahead looks for, which need not be in the
// match but must be in the text ("^(?=[^\n]* \| )" -> {" | "}). A text
// missing every literal of one group cannot match. Empty when nothing can
// be told; a pattern with top-level alternatives gives RequiredLiterals as
// its one group. The same conservative reading as RequiredLiterals.
std::vector<std::vector<std::u16string>> RequiredLiteralGroups(
    std::u16string_view pattern);

// The top-level alternatives of `pattern` ("a|b(c|d)|e" -> a, b(c|d), e),
// each a pattern that matches what that part of `pattern` matches; one
// element, the whole pattern, when it has none or they cannot be split
// safely (brackets that do not balance, back references, whose numbers
// would change, or inline flags, which would apply to the first part
// only).
std::vector<std::u16string_view> TopLevelAlternatives(
    std::u16string_view pattern);

// Whether every match of `pattern` starts where ICU's \b holds: each
// top-level alternative opens with "\b". False when that cannot be told.
bool StartsAtWordBoundary(std::u16string_view pattern);

// Whether every match of `pattern` starts at the start of the text: each
// top-level alternative opens with "^" and no inline flag ("(?m)") makes
// ^ match after a line break. False when that cannot be told.
bool AnchoredAtStart(std::u16string_view pattern);

// `pattern` with its capturing groups made non-capturing ("\b(a|b) c" ->
// "\b(?:a|b) c"): it matches the same spans, and the matcher reads only
// where a match starts and ends. ICU copies every capture slot at each
// place it may come back to, so unread groups cost: about a quarter of the
// rules' matching time. `pattern` unchanged when something may need its
// groups or text as written: back references, inline flags and comments,
// named groups, \Q...\E, brackets that do not balance.
std::u16string WithoutCaptures(std::u16string_view pattern);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_PATTERN_PREFIX_H_
