// The model file (docs/model.md): writing a LinearModel and reading it
// back, checked line by line, and the version line that tells a run which
// documents to redo without reading the weights. The weights' binary
// block is model_weights.h's.
#ifndef INTAKE_CLASSIFIERS_MODEL_FILE_H_
#define INTAKE_CLASSIFIERS_MODEL_FILE_H_

#include <memory>
#include <string>
#include <string_view>

#include "classifiers/linear_model.h"
#include "pipeline/status.h"

namespace intake {

// Version of the model file format written; a file of a format from
// kOldestModelFormat to this one is read, another refused.
inline constexpr int kModelFormat = 7;
inline constexpr int kOldestModelFormat = 6;  // weights as text lines

// The bytes of the model file (docs/model.md). Same model, same bytes.
std::string ModelFileBytes(const LinearModel& model);

// Writes the file atomically (path.tmp, then rename) and sets
// model->version.
Status SaveModel(const std::string& path, LinearModel* model);

// Reads a model file; refuses another format, a truncated file, unknown
// labels, with "path: line N: what". ParseModel checks the version line
// first; LoadModel and ParseModelFile, which read format 7's weights in
// pieces, check it last, so a file both damaged and changed by hand is
// refused for one reason or the other.
Status LoadModel(const std::string& path,
                 std::shared_ptr<const LinearModel>* out);
Status ParseModel(std::string_view bytes, std::string_view source_name,
                  LinearModel* out);

// A model file read and identified, its weights not parsed yet: the
// version is what decides which documents a run must redo, and a run with
// nothing to redo never needs the weights (their parsing is most of
// start-up).
struct ModelFile {
  std::string path;
  std::string version;        // as LinearModel::version
  std::string rules_version;  // as LinearModel::rules_version
};
// Reads the head of `path` (its format, version and rules_version lines);
// fails when it cannot be read or is not a model file of a format from
// kOldestModelFormat to kModelFormat.
Status ReadModelFile(const std::string& path, ModelFile* out);
// Reads and parses the whole file; fails when its version is no longer
// `file.version`.
Status ParseModelFile(const ModelFile& file,
                      std::shared_ptr<const LinearModel>* out);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_MODEL_FILE_H_
