#include <optional>

#include "pipeline/executor.h"
#include "pipeline/process_task.h"

namespace intake {
namespace {

class InProcessExecutor : public Executor {
 public:
  InProcessExecutor(const Stages& stages, const Identifier& identifier,
                    long long max_file_bytes)
      : stages_(stages),
        identifier_(identifier),
        max_file_bytes_(max_file_bytes) {}

  int FreeSlots() const override { return task_ ? 0 : 1; }

  Status Submit(DocumentTask task) override {
    task_ = std::move(task);
    return Status::Ok();
  }

  Status Next(DocumentResult* result) override {
    *result = ProcessTask(*task_, stages_, identifier_, max_file_bytes_);
    task_.reset();
    return Status::Ok();
  }

 private:
  const Stages& stages_;
  const Identifier& identifier_;
  long long max_file_bytes_;
  std::optional<DocumentTask> task_;
};

}  // namespace

std::unique_ptr<Executor> NewInProcessExecutor(const Stages& stages,
                                               const Identifier& identifier,
                                               long long max_file_bytes) {
  return std::make_unique<InProcessExecutor>(stages, identifier,
                                             max_file_bytes);
}

}  // namespace intake
