#include "extractors/rtf_definitions.h"

#include "extractors/rtf_codepage.h"
#include "extractors/story_blocks.h"

namespace intake {
namespace {

// Fonts whose bytes are glyphs; writers do not always say so in \fcharset
// (LibreOffice gives OpenSymbol charset 128).
bool IsSymbolFontName(std::string_view name) {
  for (std::string_view prefix :
       {"Symbol", "OpenSymbol", "Wingdings", "Webdings", "StarSymbol"}) {
    if (name.starts_with(prefix)) return true;
  }
  return false;
}

// "heading 3" -> 3, the way Word names its built-in heading styles.
int LevelFromStyleName(std::string_view name) {
  constexpr std::string_view kHeading = "heading ";
  if (name.size() != kHeading.size() + 1) return 0;
  for (size_t i = 0; i < kHeading.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kHeading[i]) return 0;
  }
  char digit = name.back();
  return digit >= '1' && digit <= '9' ? digit - '0' : 0;
}

// Names longer than this are no font or style anyone uses; the cap keeps a
// hostile table from growing a buffer without end.
constexpr size_t kMaxName = 256;

}  // namespace

void RtfFontTable::Define(int font) {
  defining_ = font;
  fonts_[font];
  name_.clear();
}

void RtfFontTable::SetCharset(int charset) {
  fonts_[defining_].charset_code_page = CodePageOfCharset(charset);
}

void RtfFontTable::SetCodePage(int code_page) {
  if (code_page > 0) fonts_[defining_].code_page = code_page;
}

void RtfFontTable::AddNameBytes(std::string_view bytes) {
  for (char c : bytes) {
    if (c != ';') {
      if (name_.size() < kMaxName) name_ += c;
      continue;
    }
    if (IsSymbolFontName(Trim(name_))) fonts_[defining_].symbol = true;
    name_.clear();
  }
}

int RtfFontTable::CodePageOf(int font, int document_code_page) const {
  auto it = fonts_.find(font);
  if (it == fonts_.end()) return document_code_page;
  if (it->second.symbol) return kSymbolCodePage;
  if (it->second.code_page > 0) return it->second.code_page;
  if (it->second.charset_code_page > 0) return it->second.charset_code_page;
  return document_code_page;
}

void RtfStyleSheet::BeginEntry() {
  defining_ = 0;
  name_.clear();
}

void RtfStyleSheet::Define(int style) { defining_ = style; }

void RtfStyleSheet::SetOutlineLevel(int level) { outline_[defining_] = level; }

void RtfStyleSheet::AddNameText(std::string_view utf8) {
  for (char c : utf8) {
    if (c == ';') {
      EndName();
    } else if (name_.size() < kMaxName) {
      name_ += c;
    }
  }
}

void RtfStyleSheet::EndEntry() {
  if (!Trim(name_).empty()) EndName();
}

void RtfStyleSheet::EndName() {
  int level = LevelFromStyleName(Trim(name_));
  if (level == 0) {
    auto it = outline_.find(defining_);
    if (it != outline_.end() && it->second >= 0 && it->second < 9)
      level = it->second + 1;
  }
  if (level > 0) {
    levels_[defining_] = level;
  } else {
    levels_.erase(defining_);
  }
  name_.clear();
}

int RtfStyleSheet::HeadingLevel(int style) const {
  auto it = levels_.find(style);
  return it == levels_.end() ? 0 : it->second;
}

}  // namespace intake
