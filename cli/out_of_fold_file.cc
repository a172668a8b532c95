#include "cli/out_of_fold_file.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "classifiers/taxonomy.h"
#include "pipeline/output_files.h"

namespace intake {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> InTaxonomyOrder(std::string_view dimension,
                                         std::vector<std::string> codes) {
  std::stable_sort(codes.begin(), codes.end(),
                   [&](const std::string& a, const std::string& b) {
                     return TaxonomyRank(dimension, a) <
                            TaxonomyRank(dimension, b);
                   });
  return codes;
}

Json LabelsJson(const LabelSet& labels, bool with_stance) {
  Json j = {{"article14", InTaxonomyOrder(kArticle14, labels.article14)},
            {"activity", InTaxonomyOrder(kActivity, labels.activity)},
            {"theme", InTaxonomyOrder(kTheme, labels.theme)}};
  if (with_stance) j["stance"] = labels.stance;
  return j;
}

// Four decimals say all a probability is worth here and keep lines short.
double Rounded(double p) { return std::round(p * 1e4) / 1e4; }

}  // namespace

Status CheckOutOfFoldPath(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    return Status::InvalidArgument("--out-of-fold " + path + ": no folder " +
                                   folder.string());
  }
  if (access(folder.c_str(), W_OK) != 0) {
    return Status::InvalidArgument("--out-of-fold " + path +
                                   ": cannot write in " + folder.string());
  }
  return Status::Ok();
}

Status WriteOutOfFold(const std::string& path,
                      const std::vector<OutOfFoldLine>& lines,
                      const LinearModel& model) {
  std::string out;
  for (const OutOfFoldLine& line : lines) {
    Json probability = Json::object();
    for (size_t c = 0; c < model.labels.size(); ++c) {
      probability[model.labels[c].name] = Rounded(line.read->probability[c]);
    }
    Json j = {{"id", line.id},
              {"letter", line.letter},
              {"lang", line.lang},
              {"fold", line.passage->fold},
              {"copy", line.passage->copy},
              {"gold", LabelsJson(line.passage->gold, true)},
              {"rules", LabelsJson(line.passage->rules, false)},
              {"given", LabelsJson(line.read->given, true)},
              {"stance_confidence", Rounded(line.read->stance_confidence)},
              {"probability", std::move(probability)}};
    out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
    out += '\n';
  }
  return WriteFileAtomically(path, out);
}

}  // namespace intake
