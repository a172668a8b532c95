#include "classifiers/regex_matcher_pool.h"

namespace intake {

RegexMatcherPool::Lease::Lease(RegexMatcherPool* pool) : pool_(pool) {
  std::lock_guard<std::mutex> lock(pool_->mu_);
  if (pool_->free_.empty()) {
    set_ = std::make_unique<Set>();
  } else {
    set_ = std::move(pool_->free_.back());
    pool_->free_.pop_back();
  }
}

RegexMatcherPool::Lease::~Lease() {
  std::lock_guard<std::mutex> lock(pool_->mu_);
  pool_->free_.push_back(std::move(set_));
}

icu::RegexMatcher* RegexMatcherPool::Lease::Reset(
    size_t index, const icu::RegexPattern& pattern,
    const icu::UnicodeString& input, UErrorCode* status) {
  if (index >= set_->size()) set_->resize(index + 1);
  std::unique_ptr<icu::RegexMatcher>& m = (*set_)[index];
  if (m == nullptr) {
    m.reset(pattern.matcher(input, *status));
    if (U_FAILURE(*status)) m.reset();
    return m.get();
  }
  m->reset(input);
  return m.get();
}

}  // namespace intake
