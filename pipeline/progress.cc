#include "pipeline/progress.h"

namespace intake {
namespace {

std::atomic<std::atomic<uint64_t>*> g_counter{nullptr};

}  // namespace

void NoteProgress() {
  std::atomic<uint64_t>* counter = g_counter.load(std::memory_order_relaxed);
  if (counter != nullptr) counter->fetch_add(1, std::memory_order_relaxed);
}

void SetProgressCounter(std::atomic<uint64_t>* counter) {
  g_counter.store(counter, std::memory_order_relaxed);
}

}  // namespace intake
