// The attachments of one message (e-mail or Outlook), collected within
// the limits on how many and how many bytes one message may hand on. Past
// a limit, one warning says what was dropped and the rest is refused.
#ifndef INTAKE_EXTRACTORS_ATTACHMENT_LIST_H_
#define INTAKE_EXTRACTORS_ATTACHMENT_LIST_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/extractor.h"

namespace intake {

class AttachmentList {
 public:
  // Borrows `embedded` and `warnings` for its lifetime.
  AttachmentList(const ExtractLimits& limits,
                 std::vector<EmbeddedFile>* embedded,
                 std::vector<std::string>* warnings)
      : limits_(limits), embedded_(embedded), warnings_(warnings) {}

  // Adds one file unless a limit is reached.
  void Add(const char* kind, std::string name, std::string data);

  // True once a limit was reached: callers may skip decoding the rest.
  bool full() const { return full_; }

 private:
  const ExtractLimits& limits_;
  std::vector<EmbeddedFile>* embedded_;
  std::vector<std::string>* warnings_;
  long long bytes_ = 0;
  bool full_ = false;
};

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_ATTACHMENT_LIST_H_
