// The libFuzzer entry point of one fuzz target; CMake builds this file once
// per target with INTAKE_FUZZ_TARGET naming it (tests/fuzz/fuzz_targets.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/fuzz_targets.h"

namespace {

const intake::fuzz::FuzzTarget& Target() {
  static const intake::fuzz::FuzzTarget* target =
      intake::fuzz::FindFuzzTarget(INTAKE_FUZZ_TARGET);
  if (target == nullptr) {
    std::fprintf(stderr, "no fuzz target %s\n", INTAKE_FUZZ_TARGET);
    std::abort();
  }
  return *target;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)Target().run(input);
  return 0;
}
