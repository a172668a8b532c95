// What a reader knows of a passage from what stands above it in its
// document: the heading it falls under and the paragraph above it. "(a)
// Legislation: no regulation controls ..." is a need because the paragraph
// above says "the following priority needs"; a table row of projects is
// support received because the paragraph above says so; a letter tells of
// support received in one run of paragraphs and of needs in the next. The
// classifier reads both beside the passage.
#ifndef INTAKE_PIPELINE_PASSAGE_CONTEXT_H_
#define INTAKE_PIPELINE_PASSAGE_CONTEXT_H_

#include <string>
#include <string_view>

#include "pipeline/passage.h"

namespace intake {

struct PassageContext {
  std::string heading;  // the nearest heading above; "" when none
  // The nearest paragraph above, under the same heading: the lead-in of a
  // list item or a table. "" when none.
  std::string paragraph_above;
};

// Gives each passage of a document its context; feed it the passages in
// document order, one tracker per document.
class ContextTracker {
 public:
  // The context of the next passage, which is then remembered as the
  // heading or the paragraph above of the passages after it.
  PassageContext Next(PassageKind kind, std::string_view text);

 private:
  std::string heading_;
  std::string paragraph_;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_PASSAGE_CONTEXT_H_
