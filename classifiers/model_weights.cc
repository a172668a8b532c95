#include "classifiers/model_weights.h"

#include <bit>
#include <cmath>
#include <cstdint>

namespace intake {
namespace {

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

void AppendWeightsBlock(const LinearModel& model, std::string* out) {
  const size_t at = out->size();
  out->resize(at + WeightsBlockSize(model.buckets.size(), model.labels.size()));
  char* p = out->data() + at;
  for (uint32_t bucket : model.buckets) {
    PutUint32(bucket, p);
    p += 4;
  }
  for (float w : model.weights) {
    PutUint32(std::bit_cast<uint32_t>(std::abs(w) < kSmallestWeight ? 0.0f : w),
              p);
    p += 4;
  }
}

Status ReadWeightsBlock(std::string_view block, size_t buckets,
                        LinearModel* model) {
  const size_t n = model->labels.size();
  const char* p = block.data();
  model->buckets.resize(buckets);
  for (size_t b = 0; b < buckets; ++b, p += 4) {
    uint32_t bucket = GetUint32(p);
    if (bucket >= (1u << kHashBits) ||
        (b > 0 && bucket <= model->buckets[b - 1])) {
      return Status::Corrupt("bucket " + std::to_string(b) + " (" +
                             std::to_string(bucket) +
                             ") is out of range or out of order");
    }
    model->buckets[b] = bucket;
  }
  model->weights.resize(buckets * n);
  for (size_t i = 0; i < buckets * n; ++i, p += 4) {
    float w = std::bit_cast<float>(GetUint32(p));
    if (!std::isfinite(w)) {
      return Status::Corrupt("the weight of bucket " + std::to_string(i / n) +
                             " for label " + std::to_string(i % n) +
                             " is not a finite number");
    }
    model->weights[i] = w;
  }
  return Status::Ok();
}

}  // namespace intake
