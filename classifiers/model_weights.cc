#include "classifiers/model_weights.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace intake {
namespace {

// The file's weights are IEEE 754 binary32, which bit_cast reads as such
// only where float is that.
static_assert(std::numeric_limits<float>::is_iec559);

// Byte by byte, so that the file is the same on every machine; compilers
// make one load or store of each on a little-endian one.
void PutUint32(uint32_t x, char* out) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<char>((x >> (8 * i)) & 0xff);
}

uint32_t GetUint32(const char* in) {
  uint32_t x = 0;
  for (int i = 0; i < 4; ++i) {
    x |= static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  }
  return x;
}

}  // namespace

size_t WeightsBlockSize(size_t buckets, size_t labels) {
  return buckets * sizeof(uint32_t) * (1 + labels);
}

size_t BucketsFitting(size_t bytes, size_t labels) {
  return bytes / (sizeof(uint32_t) * (1 + labels));
}

void AppendWeightsBlock(const LinearModel& model, std::string* out) {
  const size_t buckets = model.buckets.size();
  const size_t n = model.labels.size();
  const size_t at = out->size();
  out->resize(at + WeightsBlockSize(buckets, n));
  char* p = out->data() + at;
  for (uint32_t bucket : model.buckets) {
    PutUint32(bucket, p);
    p += 4;
  }
  for (size_t i = 0; i < buckets * n; ++i, p += 4) {
    const float w = model.weights[i];
    PutUint32(std::bit_cast<uint32_t>(std::abs(w) < kSmallestWeight ? 0.0f : w),
              p);
  }
}

Status ReadWeightsBlock(std::string_view block, size_t buckets,
                        LinearModel* model) {
  const size_t n = model->labels.size();
  if (block.size() != WeightsBlockSize(buckets, n)) {
    return Status::Corrupt(
        "the weights are " + std::to_string(block.size()) + " bytes where " +
        std::to_string(buckets) + " buckets of " + std::to_string(n) +
        " labels take " + std::to_string(WeightsBlockSize(buckets, n)));
  }
  const char* p = block.data();
  model->buckets.resize(buckets);
  for (size_t b = 0; b < buckets; ++b, p += 4) {
    const uint32_t bucket = GetUint32(p);
    if (bucket >= (1u << kHashBits)) {
      return Status::Corrupt("bucket " + std::to_string(b) + " is " +
                             std::to_string(bucket) + ", not below 2^" +
                             std::to_string(kHashBits));
    }
    if (b > 0 && bucket <= model->buckets[b - 1]) {
      return Status::Corrupt("bucket " + std::to_string(b) + " (" +
                             std::to_string(bucket) + ") is not above bucket " +
                             std::to_string(b - 1) + " (" +
                             std::to_string(model->buckets[b - 1]) + ")");
    }
    model->buckets[b] = bucket;
  }
  model->weights.resize(buckets * n);
  for (size_t i = 0; i < buckets * n; ++i, p += 4) {
    const float w = std::bit_cast<float>(GetUint32(p));
    if (!std::isfinite(w)) {
      return Status::Corrupt("the weight of bucket " + std::to_string(i / n) +
                             " (" + std::to_string(model->buckets[i / n]) +
                             ") for '" + model->labels[i % n].name +
                             "' is not a finite number");
    }
    model->weights[i] = w;
  }
  return Status::Ok();
}

}  // namespace intake
