#include "extractors/rtf_words.h"

#include <string_view>
#include <unordered_map>

namespace intake {
namespace {

struct Row {
  std::string_view name;
  RtfWordInfo info;
};

constexpr RtfWordInfo Skip{RtfWord::kSkipDestination};
constexpr RtfWordInfo Text{RtfWord::kTransparent};
constexpr RtfWordInfo Header{RtfWord::kHeader};
constexpr RtfWordInfo Footer{RtfWord::kFooter};
constexpr RtfWordInfo Par{RtfWord::kPar};
constexpr RtfWordInfo Chr(char32_t c) { return {RtfWord::kChar, c}; }

constexpr Row kWords[] = {
    // Destinations whose content is not text of the document. Writers mark
    // most with \* (skipped anyway when unknown); these are also written
    // without it, or matter inside a known destination.
    {"colortbl", Skip},
    {"pict", Skip},
    {"objdata", Skip},
    {"themedata", Skip},
    {"colorschememapping", Skip},
    {"datastore", Skip},
    {"xmlnstbl", Skip},
    {"xmlnsnp", Skip},
    {"generator", Skip},
    {"listtable", Skip},
    {"listoverridetable", Skip},
    {"rsidtbl", Skip},
    {"latentstyles", Skip},
    {"filetbl", Skip},
    {"revtbl", Skip},
    {"pgdsctbl", Skip},
    {"mmathPr", Skip},
    {"docvar", Skip},
    {"userprops", Skip},
    {"private", Skip},
    {"ftnsep", Skip},
    {"ftnsepc", Skip},
    {"ftncn", Skip},
    {"aftnsep", Skip},
    {"aftnsepc", Skip},
    {"aftncn", Skip},
    {"template", Skip},
    {"xe", Skip},
    {"tc", Skip},
    {"tcn", Skip},
    {"txe", Skip},
    {"bkmkstart", Skip},
    {"bkmkend", Skip},
    {"fldinst", Skip},
    {"pn", Skip},
    {"pntxta", Skip},
    {"pntxtb", Skip},
    {"listpicture", Skip},
    {"panose", Skip},
    {"falt", Skip},
    {"leveltext", Skip},
    {"levelnumbers", Skip},
    {"formfield", Skip},
    {"atnid", Skip},
    {"atnauthor", Skip},
    {"annotation", Skip},
    {"atndate", Skip},
    {"atnref", Skip},
    {"atnparent", Skip},
    {"atrfstart", Skip},
    {"atrfend", Skip},
    {"nonesttables", Skip},
    {"sp", Skip},
    {"shprslt", Skip},
    {"nonshppict", Skip},
    {"background", Skip},
    {"fontemb", Skip},
    {"fontfile", Skip},
    {"subject", Skip},
    {"keywords", Skip},
    {"doccomm", Skip},
    {"operator", Skip},
    {"company", Skip},
    {"manager", Skip},
    {"category", Skip},
    {"comment", Skip},
    {"hlinkbase", Skip},
    {"revtim", Skip},
    {"printim", Skip},
    {"buptim", Skip},
    {"nextfile", Skip},
    {"wgrffmtfilter", Skip},
    {"passwordhash", Skip},
    {"protusertbl", Skip},
    {"blipuid", Skip},
    {"picprop", Skip},
    {"factoidname", Skip},
    {"mhtmltag", Skip},
    {"htmltag", Skip},
    {"do", Skip},
    {"macrobind", Skip},
    {"stylesheet", {RtfWord::kStyleSheet}},
    {"fonttbl", {RtfWord::kFontTable}},
    {"info", {RtfWord::kInfo}},
    {"title", {RtfWord::kTitle}},
    {"author", {RtfWord::kAuthor}},
    {"creatim", {RtfWord::kCreated}},
    {"footnote", {RtfWord::kFootnote}},
    {"header", Header},
    {"headerl", Header},
    {"headerr", Header},
    {"headerf", Header},
    {"footer", Footer},
    {"footerl", Footer},
    {"footerr", Footer},
    {"footerf", Footer},
    {"listtext", {RtfWord::kNumberText}},
    {"pntext", {RtfWord::kNumberText}},
    {"fldrslt", Text},
    {"shpinst", Text},
    {"shptxt", Text},
    {"nesttableprops", Text},
    {"result", Text},
    {"field", Text},
    {"object", Text},
    {"shp", Text},
    {"shpgrp", Text},
    {"upr", {RtfWord::kUnicodePair}},
    {"ud", {RtfWord::kUnicodeText}},
    // Structure.
    {"par", Par},
    {"sect", Par},
    {"page", Par},
    {"line", {RtfWord::kLine}},
    {"tab", {RtfWord::kTab}},
    {"cell", {RtfWord::kCell}},
    {"nestcell", {RtfWord::kNestCell}},
    {"row", {RtfWord::kRow}},
    {"nestrow", {RtfWord::kNestRow}},
    // Characters.
    {"emdash", Chr(U'\u2014')},
    {"endash", Chr(U'\u2013')},
    {"lquote", Chr(U'\u2018')},
    {"rquote", Chr(U'\u2019')},
    {"ldblquote", Chr(U'\u201C')},
    {"rdblquote", Chr(U'\u201D')},
    {"bullet", Chr(U'\u2022')},
    {"enspace", Chr(U'\u2002')},
    {"emspace", Chr(U'\u2003')},
    {"qmspace", Chr(U'\u2005')},
    {"zwj", Chr(U'\u200D')},
    {"zwnj", Chr(U'\u200C')},
    {"ltrmark", Chr(0)},
    {"rtlmark", Chr(0)},
    {"chftn", Chr(0)},
    {"chftnsep", Chr(0)},
    {"chftnsepc", Chr(0)},
    {"chpgn", Chr(0)},
    // Formatting.
    {"pard", {RtfWord::kPard}},
    {"plain", {RtfWord::kPlain}},
    {"intbl", {RtfWord::kInTable}},
    {"itap", {RtfWord::kItap}},
    {"s", {RtfWord::kStyle}},
    {"outlinelevel", {RtfWord::kOutlineLevel}},
    {"f", {RtfWord::kFont}},
    {"deff", {RtfWord::kDefaultFont}},
    {"fcharset", {RtfWord::kCharset}},
    {"cpg", {RtfWord::kFontCodePage}},
    {"ansicpg", {RtfWord::kAnsiCodePage}},
    {"ansi", {RtfWord::kAnsi}},
    {"mac", {RtfWord::kMac}},
    {"pc", {RtfWord::kPc}},
    {"pca", {RtfWord::kPca}},
    {"v", {RtfWord::kHidden}},
    {"deleted", {RtfWord::kDeleted}},
    {"yr", {RtfWord::kYear}},
    {"mo", {RtfWord::kMonth}},
    {"dy", {RtfWord::kDay}},
    {"hr", {RtfWord::kHour}},
    {"min", {RtfWord::kMinute}},
    {"sec", {RtfWord::kSecond}},
};

}  // namespace

RtfWordInfo LookupRtfWord(std::string_view name) {
  static const auto* table = [] {
    auto* map = new std::unordered_map<std::string_view, RtfWordInfo>;
    for (const Row& row : kWords) map->emplace(row.name, row.info);
    return map;
  }();
  auto it = table->find(name);
  return it == table->end() ? RtfWordInfo{} : it->second;
}

bool IsDestination(RtfWord word) {
  return word >= RtfWord::kSkipDestination && word <= RtfWord::kUnicodeText;
}

}  // namespace intake
