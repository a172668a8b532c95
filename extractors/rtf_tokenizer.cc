#include "extractors/rtf_tokenizer.h"

#include <limits>
#include <string>

namespace intake {
namespace {

bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

RtfToken Token(RtfTokenKind kind) {
  RtfToken t;
  t.kind = kind;
  return t;
}

// A backslash before a line end is an old spelling of \par.
constexpr std::string_view kPar = "par";

}  // namespace

RtfTokenizer::RtfTokenizer(std::string_view data, int max_depth)
    : data_(data), max_depth_(max_depth), uc_{1} {}

RtfToken RtfTokenizer::Next() {
  for (;;) {
    RtfToken t = Lex();
    if (skip_ == 0) return t;
    switch (t.kind) {
      case RtfTokenKind::kEnd:
      case RtfTokenKind::kGroupStart:
      case RtfTokenKind::kGroupEnd:
        skip_ = 0;
        return t;
      case RtfTokenKind::kText:
        if (static_cast<int64_t>(t.text.size()) > skip_) {
          t.text.remove_prefix(static_cast<size_t>(skip_));
          skip_ = 0;
          return t;
        }
        skip_ -= static_cast<int64_t>(t.text.size());
        break;
      case RtfTokenKind::kUnicode:
        // A \u inside the fallback of another: the writer disagrees with
        // its own \uc; trust the newer code unit.
        return t;
      default:
        --skip_;  // a control word, symbol, \'hh or \bin counts as one
        break;
    }
  }
}

RtfToken RtfTokenizer::Lex() {
  while (pos_ < data_.size()) {
    char c = data_[pos_];
    if (c == '\r' || c == '\n') {
      ++pos_;
      continue;
    }
    if (c == '{') {
      ++pos_;
      if (depth_ >= max_depth_) {
        status_ = Status::LimitExceeded("RTF groups nested deeper than " +
                                        std::to_string(max_depth_));
        pos_ = data_.size();
        return {};
      }
      ++depth_;
      uc_.push_back(uc_.back());
      return Token(RtfTokenKind::kGroupStart);
    }
    if (c == '}') {
      ++pos_;
      if (depth_ > 0) {
        --depth_;
        uc_.pop_back();
      }
      return Token(RtfTokenKind::kGroupEnd);
    }
    if (c == '\\') return LexControl();
    return LexText();
  }
  return {};
}

RtfToken RtfTokenizer::LexText() {
  size_t begin = pos_;
  while (pos_ < data_.size()) {
    char c = data_[pos_];
    if (c == '\\' || c == '{' || c == '}' || c == '\r' || c == '\n') break;
    ++pos_;
  }
  RtfToken t = Token(RtfTokenKind::kText);
  t.text = data_.substr(begin, pos_ - begin);
  return t;
}

RtfToken RtfTokenizer::LexControl() {
  ++pos_;  // the backslash
  if (pos_ >= data_.size()) return {};
  char c = data_[pos_];
  if (!IsLetter(c)) {
    ++pos_;
    if (c == '\r' || c == '\n') {
      RtfToken t = Token(RtfTokenKind::kControlWord);
      t.text = kPar;
      return t;
    }
    if (c == '\'') {
      int hi = pos_ < data_.size() ? HexValue(data_[pos_]) : -1;
      int lo = pos_ + 1 < data_.size() ? HexValue(data_[pos_ + 1]) : -1;
      RtfToken t = Token(RtfTokenKind::kControlSymbol);
      t.symbol = '\'';  // a broken escape: the caller shows nothing
      if (hi < 0 || lo < 0) return t;
      pos_ += 2;
      t.kind = RtfTokenKind::kByte;
      t.param = hi * 16 + lo;
      return t;
    }
    RtfToken t = Token(RtfTokenKind::kControlSymbol);
    t.symbol = c;
    return t;
  }

  size_t begin = pos_;
  while (pos_ < data_.size() && IsLetter(data_[pos_])) ++pos_;
  RtfToken t = Token(RtfTokenKind::kControlWord);
  t.text = data_.substr(begin, pos_ - begin);
  bool negative =
      pos_ + 1 < data_.size() && data_[pos_] == '-' && IsDigit(data_[pos_ + 1]);
  if (negative) ++pos_;
  int64_t value = 0;
  while (pos_ < data_.size() && IsDigit(data_[pos_])) {
    t.has_param = true;
    // Saturate rather than overflow: an endless digit run stays linear
    // and ends as the largest value.
    if (value <= std::numeric_limits<int32_t>::max())
      value = value * 10 + (data_[pos_] - '0');
    ++pos_;
  }
  if (value > std::numeric_limits<int32_t>::max())
    value = std::numeric_limits<int32_t>::max();
  t.param = static_cast<int32_t>(negative ? -value : value);
  if (pos_ < data_.size() && data_[pos_] == ' ') ++pos_;  // the delimiter

  if (t.text == "bin") {
    size_t want = t.param > 0 ? static_cast<size_t>(t.param) : 0;
    size_t have = data_.size() - pos_;
    if (want > have) {
      binary_truncated_ = true;
      want = have;
    }
    RtfToken bin = Token(RtfTokenKind::kBinary);
    bin.text = data_.substr(pos_, want);
    pos_ += want;
    return bin;
  }
  if (t.text == "uc" && t.has_param) {
    uc_.back() = t.param < 0 ? 0 : t.param;
  } else if (t.text == "u" && t.has_param) {
    // Writers put code units above 32767 as negative numbers.
    int32_t unit = t.param < 0 ? t.param + 65536 : t.param;
    RtfToken u = Token(RtfTokenKind::kUnicode);
    u.param = unit >= 0 && unit <= 0xFFFF ? unit : 0xFFFD;
    skip_ = uc_.back();
    return u;
  }
  return t;
}

}  // namespace intake
