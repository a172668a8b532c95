// Finds who sent a letter from the gazetteer: a regional centre or State
// named in the letterhead, else in the signature block, else in the e-mail
// sender, else in the opening text where it names the writer ("The
// Government of Ecuador has the honour...").
//
// The secretariat's own address block (Geneva, the Executive Secretary)
// stands in every letterhead area and is never taken for the writer.
#ifndef INTAKE_CLASSIFIERS_SUBMITTER_FINDER_H_
#define INTAKE_CLASSIFIERS_SUBMITTER_FINDER_H_

#include <memory>

#include "classifiers/gazetteer.h"
#include "pipeline/submitter.h"

namespace intake {

class GazetteerSubmitterFinder : public SubmitterFinder {
 public:
  explicit GazetteerSubmitterFinder(std::shared_ptr<const Gazetteer> gazetteer)
      : gazetteer_(std::move(gazetteer)) {}

  Submitter Find(const std::vector<Passage>& passages,
                 const DocumentMeta& meta) const override;

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_SUBMITTER_FINDER_H_
