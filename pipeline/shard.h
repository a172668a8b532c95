// Shards: a run too large for one machine is split into N runs (array
// tasks of a cluster scheduler), each taking the files whose content hash
// falls in its shard, with everything those files hold; `intake merge`
// joins their stores into what one machine would have written. The
// assignment depends only on the content, so a document lands in the same
// shard on every run and on every machine.
#ifndef INTAKE_PIPELINE_SHARD_H_
#define INTAKE_PIPELINE_SHARD_H_

#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace intake {

struct Shard {
  int index = 1;  // 1-based, as Slurm array task ids usually are
  int count = 1;

  // True when the content with SHA-256 `hex` (64 hex digits) is this
  // shard's. Every hash is in exactly one shard of N.
  bool Owns(std::string_view hex) const;
};

// Parses "K/N" (1 <= K <= N).
Status ParseShard(const std::string& text, Shard* shard);

}  // namespace intake

#endif  // INTAKE_PIPELINE_SHARD_H_
