#include "pipeline/passage_context.h"

namespace intake {

PassageContext ContextTracker::Next(PassageKind kind, std::string_view text) {
  PassageContext context{heading_, paragraph_};
  switch (kind) {
    case PassageKind::kHeading:
      heading_.assign(text);
      paragraph_.clear();  // a new section starts
      break;
    case PassageKind::kParagraph:
      paragraph_.assign(text);
      break;
    default:
      // List items and table rows read under their lead-in, which stays;
      // footnotes, running headers and letter furniture say nothing of
      // what follows.
      break;
  }
  return context;
}

}  // namespace intake
