// One file through identify, extract, normalize, segment and classify in
// this process, wired as `intake run` wires it (cli/wiring.h), for the tests
// that feed hostile or damaged bytes to the whole pipeline without paying
// for a process per file. Not the runner: nothing is written and
// containers are opened one level at most.
#ifndef INTAKE_TESTS_IN_PROCESS_H_
#define INTAKE_TESTS_IN_PROCESS_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/extractor.h"
#include "pipeline/records.h"

namespace intake::testing {

// The limits of these tests: the defaults without OCR, which takes
// seconds a page and reads nothing in damaged or hostile files.
ExtractLimits NoOcrLimits();

// The record for `data` (named `name`), and in `*members` the records of
// the documents it holds (at most `max_members`, not opened further).
// Fails the current test when the pipeline cannot be wired.
DocumentRecord ProcessInProcess(const std::string& name, std::string_view data,
                                const ExtractLimits& limits,
                                std::vector<DocumentRecord>* members = nullptr,
                                size_t max_members = 0);

// True for the statuses docs/records.md lists.
bool IsRecordStatus(const std::string& status);

}  // namespace intake::testing

#endif  // INTAKE_TESTS_IN_PROCESS_H_
