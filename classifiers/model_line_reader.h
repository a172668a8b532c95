// Reading a model file's text line by line (docs/model.md, "File
// format"), naming the file and the line in every error: the head's
// lines, and format 6's weight lines. Words are split as `istream >>
// word` splits them.
#ifndef INTAKE_CLASSIFIERS_MODEL_LINE_READER_H_
#define INTAKE_CLASSIFIERS_MODEL_LINE_READER_H_

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace intake {

namespace model_text {

// from_chars, not strtod: the same correctly rounded value, without the
// locale and the copy to a C string, for the numbers of a model.
inline bool ParseDouble(std::string_view s, double* out) {
  if (s.starts_with('+')) s.remove_prefix(1);  // strtod took it
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

// What `istream >> word` splits at.
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}

// The first word of *rest, which is left after it; "" when none is left.
inline std::string_view NextWord(std::string_view* rest) {
  size_t at = 0;
  while (at < rest->size() && IsSpace((*rest)[at])) ++at;
  size_t end = at;
  while (end < rest->size() && !IsSpace((*rest)[end])) ++end;
  std::string_view word = rest->substr(at, end - at);
  rest->remove_prefix(end);
  return word;
}

}  // namespace model_text

// Reads the model text line by line, naming the line in every error.
class ModelLineReader {
 public:
  // `bytes` must outlive the reader and the words it gives.
  ModelLineReader(std::string_view bytes, std::string_view source)
      : rest_(bytes), size_(bytes.size()), source_(source) {}

  // The next line, without its newline; false at the end.
  bool NextLine(std::string_view* line) {
    if (rest_.empty()) return false;
    size_t newline = rest_.find('\n');
    *line = rest_.substr(0, newline);
    rest_.remove_prefix(newline == rest_.npos ? rest_.size() : newline + 1);
    ++line_;
    return true;
  }
  // The next line split into words at white space; false at the end.
  bool Next(std::vector<std::string_view>* words) {
    std::string_view line;
    if (!NextLine(&line)) return false;
    words->clear();
    for (std::string_view rest = line;;) {
      std::string_view word = model_text::NextWord(&rest);
      if (word.empty()) break;
      words->push_back(word);
    }
    return true;
  }
  // The next `size` bytes, whatever they are; false when fewer are left.
  bool Take(size_t size, std::string_view* bytes) {
    if (rest_.size() < size) return false;
    *bytes = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return true;
  }
  std::string_view rest() const { return rest_; }  // what is left to read
  size_t consumed() const { return size_ - rest_.size(); }  // bytes read
  bool Next(std::vector<std::string>* words) {
    std::vector<std::string_view> views;
    if (!Next(&views)) return false;
    words->assign(views.begin(), views.end());
    return true;
  }
  // The next line, which must start with `key` and have `count` words.
  Status Expect(const char* key, size_t count, std::vector<std::string>* w) {
    if (!Next(w)) return Error(std::string("ends before '") + key + "'");
    if (w->empty() || (*w)[0] != key || w->size() != count) {
      return Error(std::string("expected '") + key + "' with " +
                   std::to_string(count - 1) + " values");
    }
    return Status::Ok();
  }
  Status Error(const std::string& what) const {
    // Line 1 before any is read: an empty file's first line is missing.
    return Status::Corrupt(std::string(source_) + ": line " +
                           std::to_string(line_ > 0 ? line_ : 1) + ": " + what +
                           " (not an intake model file, or a damaged one; "
                           "retrain with 'intake train')");
  }

 private:
  std::string_view rest_;
  size_t size_;
  std::string source_;
  int line_ = 0;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_MODEL_LINE_READER_H_
