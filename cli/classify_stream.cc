#include "cli/classify_stream.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/labelled_letters.h"
#include "pipeline/classify_document.h"
#include "pipeline/json_records.h"
#include "pipeline/language.h"
#include "pipeline/progress.h"
#include "pipeline/unicode_text.h"

namespace intake {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// `object` as one line, each of `fields` (key, JSON text) replacing the
// member of that key where it stands or, when absent, added at the end in
// order: what setting them on the object and dumping it writes.
std::string ObjectWithFields(
    const Json& object,
    const std::vector<std::pair<std::string_view, std::string>>& fields) {
  std::string out = "{";
  std::vector<char> written(fields.size(), 0);
  auto member = [&](const std::string& key, const std::string& value_text) {
    if (out.size() > 1) out += ',';
    out += Dump(key);
    out += ':';
    out += value_text;
  };
  for (auto it = object.begin(); it != object.end(); ++it) {
    auto field = std::find_if(fields.begin(), fields.end(), [&](const auto& f) {
      return f.first == it.key();
    });
    if (field == fields.end()) {
      member(it.key(), Dump(*it));
    } else {
      member(it.key(), field->second);
      written[field - fields.begin()] = 1;
    }
  }
  for (size_t f = 0; f < fields.size(); ++f) {
    if (!written[f]) member(std::string(fields[f].first), fields[f].second);
  }
  out += '}';
  return out;
}

std::string StringField(const Json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>()
                                               : std::string();
}

// An input line read and checked, waiting to be classified.
struct InputLine {
  Json object;
  std::string text;  // valid UTF-8
  std::string lang;
  // The document it belongs to: "doc_id", as `intake run` writes passages,
  // else "letter", as labelled files group them; "" for neither.
  std::string document;
  bool kind_given = false;  // the line says its "kind"
  PassageKind kind = PassageKind::kParagraph;
};

// Reads one line; returns false with `error` set when the line is bad.
bool ReadLine(const std::string& line, InputLine* out, std::string* error) {
  Json object;
  try {
    object = Json::parse(line);
  } catch (const Json::parse_error& e) {
    // e.what() reads "[json.exception.parse_error.101] parse error at ...".
    std::string what = e.what();
    size_t detail = what.find("] ");
    *error = "not valid JSON: " +
             (detail == std::string::npos ? what : what.substr(detail + 2));
    return false;
  }
  if (!object.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  auto text = object.find("text");
  if (text == object.end() || !text->is_string()) {
    *error = "no \"text\" string field";
    return false;
  }
  out->text = ToValidUtf8(text->get<std::string>());
  out->lang = StringField(object, "lang");
  if (out->lang.empty()) {
    out->lang = DetectLanguage(out->text, "und");
    object["lang"] = out->lang;
  }
  auto kind = object.find("kind");
  out->kind_given = kind != object.end() && kind->is_string();
  if (out->kind_given)
    out->kind = PassageKindFromName(kind->get<std::string>());
  out->document = StringField(object, "doc_id");
  if (out->document.empty()) out->document = StringField(object, "letter");
  out->object = std::move(object);
  return true;
}

// Classifies lines and writes them out in input order. Consecutive lines
// of one document are read together, with what stands above each, as
// `intake run` reads a document. When none of them says its "kind" (a
// labelled file's letter) they are first segmented together, as `intake
// eval` and `intake train` read them: the letterhead, date, salutation or
// signature is furniture and left unlabelled, a line under a lead-in is a
// list item, and the kind found is written out. Lines that say their kind
// (passages `intake run` wrote) keep it. A line with no document is read
// alone, with no document-wide flag (minority_direction, off_topic).
class LineClassifier {
 public:
  LineClassifier(const Classifier& classifier, std::ostream& out)
      : classifier_(classifier), out_(out) {}

  void Add(InputLine line) {
    if (line.document.empty() || line.document != document_) Flush();
    if (line.document.empty()) {
      // Read as it is, and not as a document: a passage alone neither goes
      // against its letter's direction nor shows that the rest of its
      // document never names the Convention's subject.
      NoteProgress();
      Write(line, line.kind, line.text, "", /*add_kind=*/false,
            classifier_.Classify(line.text, line.lang, line.kind));
      return;
    }
    document_ = line.document;
    lines_.push_back(std::move(line));
  }

  // Classifies and writes the document read so far.
  void Flush() {
    if (lines_.empty()) return;
    bool kinds_given =
        std::any_of(lines_.begin(), lines_.end(),
                    [](const InputLine& l) { return l.kind_given; });
    std::vector<Passage> seen;
    if (kinds_given) {
      for (const InputLine& line : lines_) {
        Passage p;
        p.kind = line.kind;
        p.text = line.text;
        seen.push_back(std::move(p));
      }
    } else {
      std::vector<std::string> texts;
      for (const InputLine& line : lines_) texts.push_back(line.text);
      seen = SegmentLetterLines(texts);
    }
    for (size_t i = 0; i < seen.size(); ++i) seen[i].lang = lines_[i].lang;
    ClassifyDocument(classifier_, &seen);
    for (size_t i = 0; i < seen.size(); ++i) {
      const Passage& p = seen[i];
      Write(lines_[i], p.kind, p.text, p.furniture,
            /*add_kind=*/!kinds_given, p.labels);
    }
    lines_.clear();
    document_.clear();
  }

 private:
  void Write(const InputLine& line, PassageKind kind, std::string_view text,
             const std::string& furniture, bool add_kind,
             const Labels& labels) {
    std::vector<std::pair<std::string_view, std::string>> fields;
    if (add_kind) {
      // The text read, as the segmenter left it (a bullet dropped, the
      // space after an item number closed up): evidence and entity
      // offsets point into it.
      fields.emplace_back("text", Dump(std::string(text)));
      fields.emplace_back("kind", Dump(std::string(PassageKindName(kind))));
      if (!furniture.empty()) fields.emplace_back("furniture", Dump(furniture));
    }
    for (auto& field : LabelsJsonFields(labels)) fields.push_back(field);
    fields.emplace_back("rules_version", Dump(classifier_.Version()));
    fields.emplace_back("model_version", Dump(classifier_.ModelVersion()));
    out_ << ObjectWithFields(line.object, fields) << '\n';
  }

  const Classifier& classifier_;
  std::ostream& out_;
  std::string document_;  // of the lines read so far
  std::vector<InputLine> lines_;
};

}  // namespace

int ClassifyStream(std::istream& in, std::ostream& out, std::ostream& errors,
                   const Classifier& classifier) {
  std::string line;
  LineClassifier lines(classifier, out);
  long line_number = 0;
  int bad = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    InputLine read;
    std::string error;
    if (!ReadLine(line, &read, &error)) {
      errors << "intake: standard input line " << line_number << ": " << error
             << "; line skipped\n";
      ++bad;
      continue;
    }
    lines.Add(std::move(read));
  }
  lines.Flush();
  out.flush();
  return bad > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace intake
