// The fuzz targets of tests/fuzz/: for each reader, and for the rules
// loader, the one call a fuzzer input goes through. Shared by the libFuzzer
// binaries (fuzz_main.cc, built with -DINTAKE_FUZZ=ON) and by the normal
// test binary, which replays fixtures/fuzz-regressions/<target>/ through
// the very same call (tests/fuzz_regressions_test.cc). Not a fuzzer itself:
// no libFuzzer symbol is needed to use it.
#ifndef INTAKE_TESTS_FUZZ_FUZZ_TARGETS_H_
#define INTAKE_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <span>
#include <string_view>

#include "pipeline/status.h"

namespace intake::fuzz {

struct FuzzTarget {
  const char* name;  // the binary is fuzz_<name>; its seeds are named so too
  // Runs the reader on `data`. Never throws; an input that breaks the
  // extractor seam's promises (blocks beside a failure, a failure without
  // a message) aborts, so the fuzzer keeps it.
  Status (*run)(std::string_view data);
};

// pdf, docx, odt, rtf, mail, msg, zip, text, rules.
std::span<const FuzzTarget> FuzzTargets();

// The target named `name`, or nullptr.
const FuzzTarget* FindFuzzTarget(std::string_view name);

}  // namespace intake::fuzz

#endif  // INTAKE_TESTS_FUZZ_FUZZ_TARGETS_H_
