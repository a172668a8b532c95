// Running tests/browser/review_click_through.mjs on a review page: the
// one place tests start a browser.
#ifndef INTAKE_TESTS_REVIEW_BROWSER_H_
#define INTAKE_TESTS_REVIEW_BROWSER_H_

#include <nlohmann/json.hpp>
#include <string>

namespace intake::testing {

// Runs the click-through `spec` (see the script) on `page`; the saved
// decisions file goes to `saved`, the script's summary to *result. Adds a
// test failure that says what is missing and returns false when the
// browser could not be driven.
bool ClickThroughReviewPage(const std::string& page, const nlohmann::json& spec,
                            const std::string& saved, nlohmann::json* result);

}  // namespace intake::testing

#endif  // INTAKE_TESTS_REVIEW_BROWSER_H_
