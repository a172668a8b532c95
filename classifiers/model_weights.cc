#include "classifiers/model_weights.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

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

WeightsBlockReader::WeightsBlockReader(size_t buckets, LinearModel* model)
    : model_(model),
      buckets_(buckets),
      values_(buckets * (1 + model->labels.size())) {
  model_->buckets.resize(buckets);
  model_->weights.resize(buckets * model->labels.size());
}

Status WeightsBlockReader::Read(std::string_view bytes) {
  if (bytes.size() % 4 != 0 || bytes.size() > left()) {
    return Status::Corrupt(std::to_string(bytes.size()) +
                           " bytes given where " + std::to_string(left()) +
                           " are left, in values of 4");
  }
  const size_t n = model_->labels.size();
  std::vector<uint32_t>& buckets = model_->buckets;
  for (const char* p = bytes.data(); p < bytes.data() + bytes.size();
       p += 4, ++next_) {
    const uint32_t x = GetUint32(p);
    if (next_ < buckets_) {
      const size_t b = next_;
      if (x >= (1u << kHashBits)) {
        return Status::Corrupt("bucket " + std::to_string(b) + " is " +
                               std::to_string(x) + ", not below 2^" +
                               std::to_string(kHashBits));
      }
      if (b > 0 && x <= buckets[b - 1]) {
        return Status::Corrupt("bucket " + std::to_string(b) + " (" +
                               std::to_string(x) + ") is not above bucket " +
                               std::to_string(b - 1) + " (" +
                               std::to_string(buckets[b - 1]) + ")");
      }
      buckets[b] = x;
      continue;
    }
    const size_t i = next_ - buckets_;
    const float w = std::bit_cast<float>(x);
    if (!std::isfinite(w)) {
      return Status::Corrupt("the weight of bucket " + std::to_string(i / n) +
                             " (" + std::to_string(buckets[i / n]) + ") for '" +
                             model_->labels[i % n].name +
                             "' is not a finite number");
    }
    model_->weights[i] = w;
  }
  return Status::Ok();
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
  WeightsBlockReader reader(buckets, model);
  return reader.Read(block);
}

Status ReadTextWeights(ModelLineReader* r, long buckets, LinearModel* m) {
  const size_t n = m->labels.size();
  // Each bucket's line is at least a digit and a newline: a file that
  // claims more is refused before its weights are allocated.
  if (static_cast<size_t>(buckets) > r->rest().size() / 2) {
    return r->Error("more buckets than lines follow: the file is truncated");
  }
  m->buckets.reserve(buckets);
  m->weights.assign(buckets * n, 0.0f);
  // The weights are nearly all of the file: each line is read word by
  // word where it lies, with no list of its words.
  for (long b = 0; b < buckets; ++b) {
    std::string_view line;
    if (!r->NextLine(&line)) return r->Error("ends inside the weights");
    std::string_view first = model_text::NextWord(&line);
    if (first.empty()) return r->Error("ends inside the weights");
    unsigned long bucket = 0;
    auto [end, ec] =
        std::from_chars(first.data(), first.data() + first.size(), bucket);
    if (ec != std::errc() || end != first.data() + first.size() ||
        bucket >= (1UL << kHashBits) ||
        (!m->buckets.empty() && bucket <= m->buckets.back())) {
      return r->Error("bad or unsorted bucket '" + std::string(first) + "'");
    }
    m->buckets.push_back(static_cast<uint32_t>(bucket));
    for (std::string_view entry = model_text::NextWord(&line); !entry.empty();
         entry = model_text::NextWord(&line)) {
      size_t colon = entry.find(':');
      double value = 0;
      size_t label = n;
      if (colon != std::string_view::npos) {
        std::from_chars(entry.data(), entry.data() + colon, label);
      }
      // A weight past a float's range would score as infinite.
      if (label >= n ||
          !model_text::ParseDouble(entry.substr(colon + 1), &value) ||
          std::abs(value) > std::numeric_limits<float>::max()) {
        return r->Error("bad weight '" + std::string(entry) + "'");
      }
      m->weights[b * n + label] = static_cast<float>(value);
    }
  }
  std::vector<std::string> w;
  if (!r->Next(&w) || w.size() != 1 || w[0] != "end") {
    return r->Error("no 'end' line: the file is truncated");
  }
  return Status::Ok();
}

}  // namespace intake
