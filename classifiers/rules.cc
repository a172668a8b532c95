#include "classifiers/rules.h"

#include <libxml/tree.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "classifiers/rules_xml.h"
#include "classifiers/taxonomy.h"
#include "pipeline/sha256.h"

namespace intake {
namespace {

using rules_xml::Attr;
using rules_xml::Content;
using rules_xml::Invalid;
using rules_xml::IsElement;
using rules_xml::Trim;

// Largest negation window a rules file may ask for, in words.
constexpr int kMaxNegationWindow = 50;

// xsd:decimal text (already schema-valid) to double, locale-independent.
bool ParseDecimal(std::string_view text, double* out) {
  std::string s = Trim(text);
  std::string_view v = s;
  if (v.starts_with('+')) v.remove_prefix(1);
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
  return ec == std::errc() && end == v.data() + v.size();
}

// A language of a term: ISO 639 in lower case, as the records write it
// ("EN" or "english" would never apply to a passage).
bool IsLanguageCode(const std::string& lang) {
  if (lang.size() < 2 || lang.size() > 3) return false;
  return std::all_of(lang.begin(), lang.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

// "<version attribute>+<first 12 hex digits of the file's SHA-256>".
std::string VersionOf(const xmlNode* root, std::string_view bytes) {
  return Attr(root, "version").value_or("") + "+" +
         Sha256Hex(bytes).substr(0, 12);
}

}  // namespace

// Turns a schema-valid document into Rules, checking what the schema cannot.
class RulesBuilder {
 public:
  explicit RulesBuilder(std::string_view source)
      : source_(source), rules_(new Rules()) {}

  Status Build(const xmlNode* root, std::string_view bytes,
               std::shared_ptr<const Rules>* out) {
    if (Trim(Attr(root, "version").value_or("")).empty()) {
      return Invalid(source_, xmlGetLineNo(root),
                     "the rules' version is blank: write one, such as the "
                     "date of the change (2026.11.30), so records say which "
                     "rules made them");
    }
    rules_->version_ = VersionOf(root, bytes);
    for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
      Status s = Status::Ok();
      if (IsElement(n, "negation")) {
        s = AddNegation(n);
      } else if (IsElement(n, "concept")) {
        s = AddConcept(n);
      } else if (IsElement(n, "label")) {
        s = AddLabel(n);
      }
      if (!s.ok()) return s;
    }
    Status s = AddIncludes();
    if (!s.ok()) return s;
    *out = std::move(rules_);
    return Status::Ok();
  }

 private:
  Status AddNegation(const xmlNode* node) {
    // Schema-valid (xsd:positiveInteger) but possibly huge: parsed as an
    // integer, never through a double.
    std::string text = Trim(Attr(node, "window").value_or(""));
    std::string_view digits = text;
    if (digits.starts_with('+')) digits.remove_prefix(1);
    int window = 0;
    auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), window);
    if (ec != std::errc() || end != digits.data() + digits.size() ||
        window < 1 || window > kMaxNegationWindow) {
      return Invalid(source_, xmlGetLineNo(node),
                     "negation window must be 1.." +
                         std::to_string(kMaxNegationWindow) + ", not \"" +
                         text + "\"");
    }
    rules_->matcher_.set_negation_window(window);
    if (auto except = Attr(node, "except")) {
      std::istringstream dimensions(*except);
      std::string dimension;
      while (dimensions >> dimension) not_negated_.insert(dimension);
    }
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (!IsElement(n, "term")) continue;
      Status lang = CheckLang(n);
      if (!lang.ok()) return lang;
      Status s = rules_->matcher_.AddNegation(Content(n),
                                              Attr(n, "lang").value_or(""));
      if (!s.ok()) return Invalid(source_, xmlGetLineNo(n), s.message());
    }
    return Status::Ok();
  }

  Status AddConcept(const xmlNode* node) {
    std::string id = Attr(node, "id").value_or("");
    auto [it, inserted] = concept_lines_.emplace(id, xmlGetLineNo(node));
    if (!inserted) {
      return Invalid(source_, xmlGetLineNo(node),
                     "concept \"" + id + "\" is already defined at line " +
                         std::to_string(it->second));
    }
    rules_->concepts_.push_back(id);
    RuleEntry entry;
    entry.concept_index = static_cast<int>(rules_->concepts_.size()) - 1;
    if (id == kTopicConcept) rules_->topic_concept_ = entry.concept_index;
    return AddEntries(node, entry);
  }

  Status AddLabel(const xmlNode* node) {
    const long line = xmlGetLineNo(node);
    LabelRule label;
    label.dimension = Attr(node, "dimension").value_or("");
    label.code = Attr(node, "code").value_or("");
    label.name = label.dimension + ":" + label.code;
    label.line = static_cast<int>(line);
    if (!IsKnownCode(label.dimension, label.code)) {
      return Invalid(source_, line,
                     "unknown code \"" + label.code + "\" for dimension \"" +
                         label.dimension + "\" (see TAXONOMY.md)");
    }
    auto dimensions = TaxonomyDimensions();
    label.dimension_index = static_cast<int>(
        std::find(dimensions.begin(), dimensions.end(), label.dimension) -
        dimensions.begin());
    label.rank = TaxonomyRank(label.dimension, label.code);
    auto [it, inserted] = label_lines_.emplace(label.name, line);
    if (!inserted) {
      return Invalid(source_, line,
                     "label " + label.name + " is already defined at line " +
                         std::to_string(it->second));
    }
    if (auto threshold = Attr(node, "threshold")) {
      if (!ParseDecimal(*threshold, &label.threshold) ||
          !(label.threshold > 0)) {
        return Invalid(source_, line, "bad threshold \"" + *threshold + "\"");
      }
    }
    if (auto requires_list = Attr(node, "requires")) {
      std::istringstream ids(*requires_list);
      std::string id;
      std::set<std::string> seen;
      while (ids >> id) {
        if (!seen.insert(id).second) {
          return Invalid(
              source_, line,
              "label " + label.name + " requires \"" + id + "\" twice");
        }
        auto c =
            std::find(rules_->concepts_.begin(), rules_->concepts_.end(), id);
        if (c == rules_->concepts_.end()) {
          return Invalid(source_, line,
                         "label " + label.name +
                             " requires unknown concept \"" + id + "\"");
        }
        label.required_concepts.push_back(
            static_cast<int>(c - rules_->concepts_.begin()));
      }
    }
    const int index = static_cast<int>(rules_->labels_.size());
    if (auto includes = Attr(node, "includes")) {
      std::istringstream codes(*includes);
      std::string code;
      std::set<std::string> seen;
      while (codes >> code) {
        if (!seen.insert(code).second) {
          return Invalid(source_, line,
                         "label " + label.name + " includes \"" + code +
                             "\" twice: its terms would count twice");
        }
        includes_.push_back({index, label.dimension + ":" + code, line});
      }
    }
    label_nodes_[label.name] = node;
    rules_->labels_.push_back(std::move(label));
    RuleEntry entry;
    entry.label = index;
    return AddEntries(node, entry);
  }

  // `includes="CODE"` on a label: the terms and patterns of that label of
  // the same dimension count for this one too, with their weights (every
  // obstacle to getting alternatives, 14.4c, is about technology transfer,
  // 14.3), so the rules file says it once. Done after every label was read:
  // the included label may come later in the file. A label included by
  // another may not include one itself, so what counts stays readable at
  // one place.
  Status AddIncludes() {
    for (const Include& include : includes_) {
      const LabelRule& label = rules_->labels_[include.label];
      auto node = label_nodes_.find(include.name);
      if (node == label_nodes_.end()) {
        return Invalid(
            source_, include.line,
            "label " + label.name + " includes unknown label " + include.name);
      }
      if (Attr(node->second, "includes").has_value()) {
        return Invalid(source_, include.line,
                       "label " + label.name + " includes " + include.name +
                           ", which includes labels itself");
      }
      RuleEntry entry;
      entry.label = include.label;
      Status s = AddEntries(node->second, entry, /*included=*/true);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  // Adds the <term> and <pattern> children of `node` as entries like
  // `entry`, each with its own weight. `included`: `node` is another
  // label's, included by `entry`'s (AddIncludes).
  Status AddEntries(const xmlNode* node, RuleEntry entry,
                    bool included = false) {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      const bool is_term = IsElement(n, "term");
      if (!is_term && !IsElement(n, "pattern")) continue;
      const long line = xmlGetLineNo(n);
      RuleEntry e = entry;
      if (auto weight = Attr(n, "weight")) {
        if (!ParseDecimal(*weight, &e.weight)) {
          return Invalid(source_, line, "bad weight \"" + *weight + "\"");
        }
      }
      Status lang_ok = CheckLang(n);
      if (!lang_ok.ok()) return lang_ok;
      std::string lang = Attr(n, "lang").value_or("");
      std::string text = Content(n);
      // Each distinct term or pattern counts once per passage
      // (docs/rules.md); one written twice in a label would count twice.
      // What a label includes is another label's and counts for both.
      const std::string owner =
          e.label >= 0 ? "label " + rules_->labels_[e.label].name
                       : "concept " + rules_->concepts_[e.concept_index];
      // Terms by the words they match, compared as bytes (never shown).
      std::string key =
          std::string(is_term ? "term " : "pattern ") + lang + "\x1f";
      std::u16string words;
      if (is_term && TermMatcher::TermKey(text, &words).ok()) {
        key.append(reinterpret_cast<const char*>(words.data()),
                   words.size() * sizeof(char16_t));
      } else {
        key += text;  // a pattern, or a term AddTerm refuses below
      }
      auto [first, added] = entry_lines_[owner].emplace(key, line);
      if (!added && !included) {
        return Invalid(
            source_, line,
            std::string(is_term ? "term" : "pattern") + " \"" + text + "\"" +
                (lang.empty() ? "" : " (lang " + lang + ")") +
                " is already in " + owner + " at line " +
                std::to_string(first->second) + ": it would count twice");
      }
      int id = 0;
      Status s = is_term ? rules_->matcher_.AddTerm(text, lang, &id)
                         : rules_->matcher_.AddPattern(text, lang, &id);
      if (!s.ok()) return Invalid(source_, line, s.message());
      // "Le Niger n'utilise pas de mercure" names the subject all the same.
      const bool topic =
          e.concept_index >= 0 && e.concept_index == rules_->topic_concept_;
      if (topic ||
          (e.label >= 0 &&
           not_negated_.count(rules_->labels_[e.label].dimension) > 0)) {
        rules_->matcher_.KeepWhenNegated(id);
      }
      if (static_cast<size_t>(id) != rules_->entries_.size()) {
        return Status::InvalidArgument("internal: entry ids out of step");
      }
      rules_->entries_.push_back(e);
    }
    return Status::Ok();
  }

  // A term's or a negation's lang: ISO 639 in lower case, or none.
  Status CheckLang(const xmlNode* n) const {
    auto lang = Attr(n, "lang");
    if (!lang || IsLanguageCode(*lang)) return Status::Ok();
    return Invalid(source_, xmlGetLineNo(n),
                   "lang \"" + *lang +
                       "\" is not a language code in lower case (en, es, "
                       "fr): such a term would never apply");
  }

  std::string source_;
  std::unique_ptr<Rules> rules_;
  // Per label or concept ("label theme:health"), the line of each term and
  // pattern read into it.
  std::map<std::string, std::map<std::string, long>> entry_lines_;
  std::map<std::string, long> concept_lines_;
  std::map<std::string, long> label_lines_;
  struct Include {
    int label = 0;     // the including label's index
    std::string name;  // "dimension:code" of the included one
    long line = 0;
  };
  std::vector<Include> includes_;
  std::map<std::string, const xmlNode*> label_nodes_;
  // Dimensions whose labels' matches a negation does not cancel.
  std::set<std::string> not_negated_;
};

Status ParseRules(std::string_view xml, std::string_view source_name,
                  std::shared_ptr<const Rules>* out) {
  rules_xml::DocPtr doc;
  const xmlNode* root = nullptr;
  Status s = rules_xml::Parse(xml, source_name, &doc, &root);
  if (!s.ok()) return s;
  // Checked before the schema so an old or new file gets a plain answer.
  std::string format = Attr(root, "format").value_or("");
  if (format != "1") {
    return Invalid(source_name, xmlGetLineNo(root),
                   "rules format \"" + format +
                       "\" is not supported (this intake reads format 1)");
  }
  // The schema says of a label without its code, or with a dimension it
  // does not know, only that it "failed to validate attributes", often
  // with no line: said here first, with one.
  for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
    if (!IsElement(n, "label")) continue;
    for (const char* name : {"dimension", "code"}) {
      if (Trim(Attr(n, name).value_or("")).empty()) {
        return Invalid(source_name, xmlGetLineNo(n),
                       std::string("a <label> needs a ") + name +
                           " attribute (dimension=\"activity\" "
                           "code=\"a.tools\", codes of TAXONOMY.md)");
      }
    }
    std::string dimension = Attr(n, "dimension").value_or("");
    auto known = TaxonomyDimensions();
    if (std::find(known.begin(), known.end(), dimension) == known.end()) {
      return Invalid(source_name, xmlGetLineNo(n),
                     "unknown dimension \"" + dimension +
                         "\" (article14, activity, theme or stance)");
    }
  }
  s = rules_xml::Validate(doc.get(), source_name);
  if (!s.ok()) return s;
  return RulesBuilder(source_name).Build(root, xml, out);
}

Status LoadRules(const std::string& path, std::shared_ptr<const Rules>* out) {
  std::string bytes;
  Status s = rules_xml::ReadFile(path, &bytes);
  if (!s.ok()) return s;
  return ParseRules(bytes, path, out);
}

Status ReadRulesVersion(const std::string& path, std::string* version) {
  std::string bytes;
  Status s = rules_xml::ReadFile(path, &bytes);
  if (!s.ok()) return s;
  rules_xml::DocPtr doc;
  const xmlNode* root = nullptr;
  s = rules_xml::Parse(bytes, path, &doc, &root);
  if (!s.ok()) return s;
  *version = VersionOf(root, bytes);
  return Status::Ok();
}

}  // namespace intake
