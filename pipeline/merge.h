// `intake merge`: the state stores of the shards of a run (pipeline/
// shard.h) joined into one store and one output folder, the same bytes a
// single run over all the inputs writes.
#ifndef INTAKE_PIPELINE_MERGE_H_
#define INTAKE_PIPELINE_MERGE_H_

#include <string>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/store_output.h"

namespace intake {

// Each of `shards` is a shard's output folder (holding intake.sqlite) or
// the store file itself. `state_path` "" for <out_dir>/intake.sqlite. An
// output folder that already holds a store keeps it and takes the shards
// in, so shards can be merged as they finish.
Status MergeShards(const std::vector<std::string>& shards,
                   const std::string& out_dir, const std::string& state_path,
                   OutputCounts* counts);

}  // namespace intake

#endif  // INTAKE_PIPELINE_MERGE_H_
