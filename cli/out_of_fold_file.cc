#include "cli/out_of_fold_file.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "pipeline/output_files.h"

namespace intake {
namespace {

using Json = nlohmann::ordered_json;

Json LabelsJson(const LabelSet& labels, bool with_stance) {
  Json j = {{"article14", labels.article14},
            {"activity", labels.activity},
            {"theme", labels.theme}};
  if (with_stance) j["stance"] = labels.stance;
  return j;
}

// Four decimals say all a probability is worth here and keep lines short.
double Rounded(double p) { return std::round(p * 1e4) / 1e4; }

}  // namespace

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
