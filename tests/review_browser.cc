#include "tests/review_browser.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/test_paths.h"

namespace intake::testing {

bool ClickThroughReviewPage(const std::string& page, const nlohmann::json& spec,
                            const std::string& saved, nlohmann::json* result) {
  std::string browser_dir = SourceDir() + "/tests/browser";
  if (!std::filesystem::exists(browser_dir + "/node_modules/playwright-core")) {
    ADD_FAILURE() << "playwright-core is not installed in " << browser_dir
                  << ": run scripts/install-deps";
    return false;
  }
  std::string spec_path = saved + ".spec.json";
  std::ofstream(spec_path) << spec.dump();
  std::string summary = saved + ".summary.json";
  std::string command = "cd '" + browser_dir +
                        "' && node review_click_through.mjs '" + page + "' '" +
                        spec_path + "' '" + saved + "' > '" + summary + "'";
  int status = std::system(command.c_str());
  if (status != 0) {
    ADD_FAILURE() << "the browser click-through failed (" << command << ")";
    return false;
  }
  *result = nlohmann::json::parse(ReadFileOrDie(summary));
  return true;
}

}  // namespace intake::testing
