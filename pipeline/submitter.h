// Who sent a document: the party or organisation behind a letter, and the
// seam through which the runner asks for it (classifiers/ implements it
// from a gazetteer of States and regional centres).
#ifndef INTAKE_PIPELINE_SUBMITTER_H_
#define INTAKE_PIPELINE_SUBMITTER_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/passage.h"

namespace intake {

struct Submitter {
  std::string name;      // "Samoa", "Basel Convention Regional Centre ..."
  std::string code;      // ISO 3166-1 alpha-3 or a regional centre id
  std::string kind;      // "state" or "regional_centre"
  std::string found_by;  // "letterhead", "signature", "mail_sender", "text"
  bool found() const { return !name.empty(); }
};

class SubmitterFinder {
 public:
  virtual ~SubmitterFinder() = default;
  // REQUIRES: passages segmented (furniture marked). Thread-safe.
  virtual Submitter Find(const std::vector<Passage>& passages,
                         const DocumentMeta& meta) const = 0;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_SUBMITTER_H_
