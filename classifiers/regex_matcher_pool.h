// ICU regex matchers kept from one passage to the next.
//
// A matcher made afresh for every pattern and passage cost more than most
// of the matching: its backtracking stack grows from nothing each time
// (ICU's UVector64::expandCapacity and realloc were a tenth of classify's
// instructions). A lease holds one matcher per pattern for the passage
// being read; a thread takes one and gives it back, so matchers are never
// shared between threads, and their stacks keep the size they grew to.
#ifndef INTAKE_CLASSIFIERS_REGEX_MATCHER_POOL_H_
#define INTAKE_CLASSIFIERS_REGEX_MATCHER_POOL_H_

#include <unicode/regex.h>

#include <memory>
#include <mutex>
#include <vector>

namespace intake {

class RegexMatcherPool {
 public:
  using Set = std::vector<std::unique_ptr<icu::RegexMatcher>>;

  // One passage's matchers, given back to the pool when it goes.
  class Lease {
   public:
    explicit Lease(RegexMatcherPool* pool);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    // The matcher of `pattern`, kept at `index` (one index per pattern,
    // always the same pattern), reset to read `input` from its start.
    // nullptr with *status set when ICU fails. `input` must outlive its use.
    icu::RegexMatcher* Reset(size_t index, const icu::RegexPattern& pattern,
                             const icu::UnicodeString& input,
                             UErrorCode* status);

   private:
    RegexMatcherPool* pool_;
    std::unique_ptr<Set> set_;
  };

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<Set>> free_;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_REGEX_MATCHER_POOL_H_
