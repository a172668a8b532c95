// The weights' block of a model file (docs/model.md, "File format",
// format 7): the buckets and every label's weight for each, as
// little-endian binary, so that loading a model copies them instead of
// parsing millions of numbers. The text head around the block is
// model_file.h's.
#ifndef INTAKE_CLASSIFIERS_MODEL_WEIGHTS_H_
#define INTAKE_CLASSIFIERS_MODEL_WEIGHTS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "classifiers/linear_model.h"
#include "pipeline/status.h"

namespace intake {

// Weights smaller than this in size are written as 0: text features have
// values near 1/sqrt(features of the passage), some 0.05, so such a
// weight moves a score by less than 0.001.
inline constexpr double kSmallestWeight = 0.01;

// The block's size for `buckets` buckets of `labels` labels each.
// REQUIRES: buckets <= BucketsFitting(SIZE_MAX, labels).
size_t WeightsBlockSize(size_t buckets, size_t labels);
// How many buckets of `labels` labels each `bytes` bytes hold: a file
// that claims more is refused before anything is multiplied or allocated.
size_t BucketsFitting(size_t bytes, size_t labels);

// Appends model.buckets, then model.weights, to *out. REQUIRES:
// model.weights.size() == model.buckets.size() * model.labels.size().
void AppendWeightsBlock(const LinearModel& model, std::string* out);

// Reads a block of `buckets` buckets of model->labels.size() labels each
// into model->buckets and model->weights. Fails, saying what is wrong and
// where, on a block of another size, a bucket out of order or out of
// range and a weight that is not a finite number.
Status ReadWeightsBlock(std::string_view block, size_t buckets,
                        LinearModel* model);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_MODEL_WEIGHTS_H_
