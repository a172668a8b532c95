#include "pipeline/word_lists.h"

#include <filesystem>
#include <hunspell/hunspell.hxx>
#include <mutex>

namespace intake {
namespace {

// Hunspell keeps scratch state in the object: spell() is not safe to call
// from two threads at once. Lookups are rare (one per line-end hyphen),
// so one lock for all dictionaries costs nothing.
std::mutex& SpellMutex() {
  static std::mutex mu;
  return mu;
}

// Longer than any word of these languages: not worth a lookup, and keeps
// a hostile endless token away from Hunspell's affix search.
constexpr size_t kMaxWordBytes = 64;

struct Source {
  const char* lang;
  const char* name;     // file name without .aff / .dic
  const char* package;  // the Debian package that ships it
};

constexpr Source kSources[] = {
    {"en", "en_US", "hunspell-en-us"},
    {"en", "en_GB", "hunspell-en-gb"},
    {"es", "es_ES", "hunspell-es"},
    {"fr", "fr", "hunspell-fr"},
};

}  // namespace

Dictionary::Dictionary(std::vector<std::pair<std::string, std::string>> files)
    : files_(std::move(files)) {}

Dictionary::~Dictionary() = default;

bool Dictionary::IsWord(std::string_view word) const {
  if (word.empty() || word.size() > kMaxWordBytes) return false;
  std::string w(word);
  std::lock_guard<std::mutex> lock(SpellMutex());
  if (spellers_.empty()) {
    for (const auto& [aff, dic] : files_) {
      spellers_.push_back(std::make_unique<Hunspell>(aff.c_str(), dic.c_str()));
    }
  }
  for (const auto& speller : spellers_) {
    if (speller->spell(w)) return true;
  }
  return false;
}

Status WordLists::Load(const std::string& dir,
                       std::unique_ptr<const WordLists>* out) {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> files;
  for (const Source& source : kSources) {
    std::string base = dir + "/" + source.name;
    for (const char* ext : {".aff", ".dic"}) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(base + ext, ec)) {
        return Status::NotFound("word list " + base + ext +
                                " is missing: install the Debian package " +
                                source.package + " (scripts/install-deps)");
      }
    }
    files[source.lang].push_back({base + ".aff", base + ".dic"});
  }
  auto lists = std::unique_ptr<WordLists>(new WordLists);
  for (auto& [lang, list] : files) {
    lists->by_lang_[lang] = std::make_unique<Dictionary>(std::move(list));
  }
  *out = std::move(lists);
  return Status::Ok();
}

const Dictionary* WordLists::For(std::string_view lang) const {
  auto it = by_lang_.find(lang);
  return it == by_lang_.end() ? nullptr : it->second.get();
}

}  // namespace intake
