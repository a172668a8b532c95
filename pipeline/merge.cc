#include "pipeline/merge.h"

#include <filesystem>
#include <memory>

#include "pipeline/output_files.h"
#include "pipeline/state_store.h"

namespace intake {
namespace {

namespace fs = std::filesystem;

Status ShardStore(const std::string& shard, std::string* path) {
  std::error_code ec;
  *path = fs::is_directory(shard, ec) ? shard + "/intake.sqlite" : shard;
  if (!fs::is_regular_file(*path, ec)) {
    return Status::NotFound("no state store at " + *path);
  }
  return Status::Ok();
}

}  // namespace

Status MergeShards(const std::vector<std::string>& shards,
                   const std::string& out_dir, const std::string& state_path,
                   OutputCounts* counts) {
  std::vector<std::string> stores;
  for (const std::string& shard : shards) {
    std::string path;
    Status s = ShardStore(shard, &path);
    if (!s.ok()) return s;
    stores.push_back(path);
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) {
    return Status::IoError("cannot create output folder " + out_dir + ": " +
                           ec.message());
  }
  OutputLock lock;
  Status s = lock.Acquire(out_dir);
  if (!s.ok()) return s;
  std::string target =
      state_path.empty() ? out_dir + "/intake.sqlite" : state_path;
  for (const std::string& store_path : stores) {
    if (fs::equivalent(store_path, target, ec)) {
      return Status::InvalidArgument(store_path +
                                     " is the merged store itself");
    }
  }
  std::unique_ptr<StateStore> store;
  s = StateStore::Open(target, &store);
  if (!s.ok()) return s;
  for (const std::string& store_path : stores) {
    s = store->MergeFrom(store_path);
    if (!s.ok()) return Status::IoError(store_path + ": " + s.message());
  }
  s = store->PrunePathsBelowDuplicates();
  if (!s.ok()) return s;
  return WriteOutputFromStore(store.get(), out_dir, counts);
}

}  // namespace intake
