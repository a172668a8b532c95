// The weights of a model file (docs/model.md, "File format"): format 7's
// binary block (the buckets and every label's weight for each, as
// little-endian binary, so that loading a model copies them instead of
// parsing millions of numbers), and format 6's text lines, still read.
// The text head around them is model_file.h's.
#ifndef INTAKE_CLASSIFIERS_MODEL_WEIGHTS_H_
#define INTAKE_CLASSIFIERS_MODEL_WEIGHTS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "classifiers/linear_model.h"
#include "classifiers/model_line_reader.h"
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

// Reads a block into a model's buckets and weights piece by piece, so
// that a file can be read in pieces without holding its bytes and the
// weights at once. Fails, saying what is wrong and where, on a bucket out
// of order or out of range and a weight that is not a finite number.
class WeightsBlockReader {
 public:
  // Sizes model->buckets and model->weights for `buckets` buckets of
  // model->labels.size() labels, which must not change until done().
  // REQUIRES: buckets <= BucketsFitting(SIZE_MAX, labels).
  WeightsBlockReader(size_t buckets, LinearModel* model);
  // The block's next bytes: a multiple of 4 in size, no more than are
  // left (else refused).
  Status Read(std::string_view bytes);
  size_t left() const { return 4 * (values_ - next_); }  // bytes to read
  bool done() const { return next_ == values_; }

 private:
  LinearModel* model_;
  size_t buckets_;
  size_t values_;    // buckets, then weights, 4 bytes each
  size_t next_ = 0;  // of the values
};

// Reads a whole block. Fails on a block of another size, as
// WeightsBlockReader does on what it holds.
Status ReadWeightsBlock(std::string_view block, size_t buckets,
                        LinearModel* model);

// Format 6's weights: `buckets` text lines (`<bucket> <label
// index>:<weight> ...`) and the `end` line, read from *lines.
Status ReadTextWeights(ModelLineReader* lines, long buckets, LinearModel* m);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_MODEL_WEIGHTS_H_
