#include "cli/labelled_letters.h"

#include "pipeline/document.h"
#include "pipeline/segment.h"

namespace intake {
namespace {

bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

void SegmentLetter(const std::vector<LabelledPassage>& labelled, size_t first,
                   size_t end, std::vector<Passage>* out) {
  std::vector<std::string> texts;
  for (size_t i = first; i < end; ++i) texts.push_back(labelled[i].text);
  std::vector<Passage> segmented = SegmentLetterLines(texts);
  for (size_t i = first; i < end; ++i) {
    segmented[i - first].lang = labelled[i].lang;
    out->push_back(std::move(segmented[i - first]));
  }
}

}  // namespace

size_t LabelledLetterEnd(const std::vector<LabelledPassage>& labelled,
                         size_t first) {
  size_t end = first + 1;
  const std::string& letter = labelled[first].letter;
  if (letter.empty()) return end;
  while (end < labelled.size() && labelled[end].letter == letter) ++end;
  return end;
}

std::vector<Passage> SegmentLetterLines(const std::vector<std::string>& lines) {
  std::vector<Block> blocks;
  for (const std::string& line : lines) {
    if (IsBlank(line)) continue;
    Block b;
    b.text = line;
    // Table rows are written as the extractors write them, cells joined by
    // " | " (fixtures/dev/README.md): read as rows, as a run reads them,
    // not as paragraphs.
    if (b.text.find(" | ") != std::string::npos) b.kind = BlockKind::kTableRow;
    blocks.push_back(std::move(b));
  }
  std::vector<Passage> segmented = Segment(blocks);
  std::vector<Passage> out;
  out.reserve(lines.size());
  size_t next = 0;
  for (const std::string& line : lines) {
    if (IsBlank(line)) {
      Passage p;
      p.text = line;
      out.push_back(std::move(p));
    } else {
      out.push_back(std::move(segmented[next++]));
    }
  }
  return out;
}

std::vector<Passage> SegmentLabelled(
    const std::vector<LabelledPassage>& labelled) {
  std::vector<Passage> out;
  out.reserve(labelled.size());
  for (size_t first = 0; first < labelled.size();) {
    size_t end = LabelledLetterEnd(labelled, first);
    SegmentLetter(labelled, first, end, &out);
    first = end;
  }
  return out;
}

void AppendLabelledLetters(std::vector<LabelledPassage> labelled,
                           LabelledReading* out) {
  std::vector<Passage> seen = SegmentLabelled(labelled);
  std::vector<PassageContext> contexts = LabelledContexts(labelled, seen);
  for (size_t i = 0; i < labelled.size(); ++i) {
    out->labelled.push_back(std::move(labelled[i]));
    out->seen.push_back(std::move(seen[i]));
    out->contexts.push_back(std::move(contexts[i]));
  }
}

std::vector<PassageContext> LabelledContexts(
    const std::vector<LabelledPassage>& labelled,
    const std::vector<Passage>& seen) {
  std::vector<PassageContext> out;
  out.reserve(seen.size());
  for (size_t first = 0; first < labelled.size();) {
    size_t end = LabelledLetterEnd(labelled, first);
    ContextTracker tracker;
    for (size_t i = first; i < end; ++i) {
      out.push_back(tracker.Next(seen[i].kind, seen[i].text));
    }
    first = end;
  }
  return out;
}

}  // namespace intake
