// Why our own reader and not libwv (wvWare, Debian's libwv-1.2): libwv
// calls exit() and abort() and writes to stdout from library code, and on
// damaged .doc files it crashed (SIGSEGV, SIGABRT) or hung in a quick
// trial of 150 damaged copies of the real-docs corpus; upstream has not
// released since 2014. A batch run must outlive any one document, so the
// text comes from the piece table ([MS-DOC]) read here, every offset
// checked, on top of libgsf, which already opens Outlook's compound files.
#include "extractors/doc_extractor.h"

#include <algorithm>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "extractors/doc_fib.h"
#include "extractors/doc_lists.h"
#include "extractors/doc_paragraphs.h"
#include "extractors/doc_pieces.h"
#include "extractors/doc_story.h"
#include "extractors/extraction_guard.h"
#include "extractors/gsf_handles.h"
#include "extractors/ole_summary.h"
#include "extractors/story_blocks.h"

namespace intake {
namespace {

// The first six header stories are note separators; then each section has
// six: even header, odd header, even footer, odd footer, first-page
// header, first-page footer ([MS-DOC] 2.9.155 Plcfhdd).
constexpr size_t kSeparatorStories = 6;
constexpr size_t kStoriesPerSection = 6;

// Where each story lies in the document's character positions.
struct StoryRanges {
  uint64_t main = 0, footnotes = 0, headers = 0, endnotes = 0, boxes = 0;
  uint64_t total = 0;
};

StoryRanges Ranges(const DocFib& f) {
  StoryRanges r;
  r.footnotes = f.ccp_text;
  r.headers = r.footnotes + f.ccp_ftn;
  r.endnotes = r.headers + uint64_t{f.ccp_hdd} + f.ccp_mcr + f.ccp_atn;
  r.boxes = r.endnotes + f.ccp_edn;
  r.total = r.boxes + uint64_t{f.ccp_txbx} + f.ccp_hdr_txbx;
  return r;
}

// Characters [begin, begin + count) of `text`, clipped to what was read.
std::span<const DocChar> Slice(const std::vector<DocChar>& text, uint64_t begin,
                               uint64_t count) {
  if (begin >= text.size()) return {};
  count = std::min<uint64_t>(count, text.size() - begin);
  return std::span<const DocChar>(text).subspan(begin, count);
}

// The CPs of a PLC without data (story boundaries), relative to its story.
std::vector<uint32_t> Boundaries(std::string_view table, FcLcb plc) {
  std::vector<uint32_t> cps;
  if (plc.lcb < 8 || plc.fc > table.size() || table.size() - plc.fc < plc.lcb) {
    return cps;
  }
  for (size_t pos = 0; pos + 4 <= plc.lcb; pos += 4) {
    cps.push_back(ReadLe(table, plc.fc + pos, 4));
  }
  return cps;
}

// One kFootnote block per note; without boundaries, one per paragraph.
void AppendNotes(std::span<const DocChar> story,
                 const std::vector<uint32_t>& bounds,
                 const ParagraphIndex& paragraphs, Numbering* numbering,
                 std::vector<Block>* out) {
  if (bounds.size() < 2) {
    std::vector<Block> blocks;
    AppendDocStory(story, paragraphs, numbering, &blocks);
    for (Block& b : blocks) {
      Block note = NoteBlock({std::move(b)});
      if (!IsBlank(note.text)) out->push_back(std::move(note));
    }
    return;
  }
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    if (bounds[i + 1] <= bounds[i] || bounds[i] >= story.size()) continue;
    std::vector<Block> blocks;
    AppendDocStory(
        story.subspan(bounds[i], std::min<size_t>(bounds[i + 1], story.size()) -
                                     bounds[i]),
        paragraphs, numbering, &blocks);
    Block note = NoteBlock(blocks);
    if (!IsBlank(note.text)) out->push_back(std::move(note));
  }
}

// Headers before the body and footers after it, as the DOCX reader puts
// them; each text once.
struct HeaderFooter {
  std::vector<Block> headers;
  std::vector<Block> footers;
};

HeaderFooter ReadHeaderFooters(std::span<const DocChar> story,
                               const std::vector<uint32_t>& bounds,
                               const ParagraphIndex& paragraphs,
                               Numbering* numbering) {
  HeaderFooter hf;
  std::set<std::string> seen;
  if (bounds.size() < 2) {
    std::vector<Block> blocks;
    AppendDocStory(story, paragraphs, numbering, &blocks);
    AppendHeaderFooterBlocks(std::move(blocks), &seen, &hf.headers);
    return hf;
  }
  for (size_t i = kSeparatorStories; i + 1 < bounds.size(); ++i) {
    if (bounds[i + 1] <= bounds[i] || bounds[i] >= story.size()) continue;
    std::vector<Block> blocks;
    AppendDocStory(
        story.subspan(bounds[i], std::min<size_t>(bounds[i + 1], story.size()) -
                                     bounds[i]),
        paragraphs, numbering, &blocks);
    size_t kind = (i - kSeparatorStories) % kStoriesPerSection;
    bool footer = kind == 2 || kind == 3 || kind == 5;
    AppendHeaderFooterBlocks(std::move(blocks), &seen,
                             footer ? &hf.footers : &hf.headers);
  }
  return hf;
}

Status OpenStreams(GsfInfile* root, const ExtractLimits& limits,
                   std::string* wd, DocFib* fib, std::string* table) {
  bool too_big = false;
  std::optional<std::string> bytes =
      ReadChildStream(root, "WordDocument", limits.max_member_bytes, &too_big);
  if (!bytes) {
    if (too_big) {
      return Status::LimitExceeded("Word text stream larger than " +
                                   std::to_string(limits.max_member_bytes) +
                                   " bytes");
    }
    return Status::Corrupt(
        "compound file without a readable WordDocument stream: not a Word "
        "document, or a damaged one");
  }
  *wd = std::move(*bytes);
  Status s = ParseFib(*wd, fib);
  if (!s.ok()) return s;
  if (fib->encrypted || fib->obfuscated) {
    return Status::Encrypted(
        "password-protected Word document: ask the sender for a copy "
        "without a password");
  }
  const char* name = fib->one_table ? "1Table" : "0Table";
  bytes = ReadChildStream(root, name, limits.max_member_bytes, &too_big);
  if (!bytes) {
    return too_big ? Status::LimitExceeded(std::string("Word ") + name +
                                           " stream too large")
                   : Status::Corrupt(std::string("Word document without its ") +
                                     name + " stream: damaged file");
  }
  *table = std::move(*bytes);
  return Status::Ok();
}

// Title and author from the summary information, when readable.
void ReadSummary(GsfInfile* root, const ExtractLimits& limits,
                 DocumentMeta* meta) {
  std::optional<std::string> stream =
      ReadChildStream(root, "\005SummaryInformation", limits.max_member_bytes);
  if (!stream) return;
  OleSummary summary = ParseSummaryInformation(*stream);
  meta->title = std::move(summary.title);
  meta->author = std::move(summary.author);
}

Status Extract(std::string_view data, const ExtractLimits& limits,
               Extraction* out) {
  GsfPtr<GsfInfile> root = OpenCompoundFile(data);
  if (!root) {
    return Status::Corrupt(
        "damaged Word 97-2003 file: its compound-file container cannot be "
        "read (truncated or overwritten)");
  }
  std::string wd, table;
  DocFib fib;
  Status s = OpenStreams(root.get(), limits, &wd, &fib, &table);
  if (!s.ok()) return s;
  const StoryRanges r = Ranges(fib);
  std::vector<DocChar> text;
  s = ReadPieces(wd, table, fib.clx, r.total, &text, &out->warnings);
  if (!s.ok()) return s;
  const ParagraphIndex paragraphs(wd, table, fib.plcf_bte_papx);
  if (!paragraphs.usable()) {
    out->warnings.push_back(
        "Word paragraph properties unreadable: no headings, table rows "
        "found from the cell marks alone");
  }
  NumberingDefs lists = ParseDocLists(table, fib.plf_lst, fib.plf_lfo);
  out->warnings.insert(out->warnings.end(), lists.warnings.begin(),
                       lists.warnings.end());
  // Each kind of story counts its lists apart, so a numbered header
  // paragraph does not shift the body's numbers.
  Numbering body_lists(lists);
  Numbering header_lists(lists);
  Numbering note_lists(std::move(lists));
  HeaderFooter hf = ReadHeaderFooters(Slice(text, r.headers, fib.ccp_hdd),
                                      Boundaries(table, fib.plcf_hdd),
                                      paragraphs, &header_lists);
  std::vector<Block>& blocks = out->blocks;
  blocks = std::move(hf.headers);
  AppendDocStory(Slice(text, r.main, fib.ccp_text), paragraphs, &body_lists,
                 &blocks);
  // Text boxes hold text a reader sees on the page; the file does not say
  // where among the body's paragraphs, so they follow it.
  AppendDocStory(Slice(text, r.boxes, fib.ccp_txbx), paragraphs, &body_lists,
                 &blocks);
  blocks.insert(blocks.end(), hf.footers.begin(), hf.footers.end());
  AppendNotes(Slice(text, r.footnotes, fib.ccp_ftn),
              Boundaries(table, fib.plcffnd_txt), paragraphs, &note_lists,
              &blocks);
  AppendNotes(Slice(text, r.endnotes, fib.ccp_edn),
              Boundaries(table, fib.plcfend_txt), paragraphs, &note_lists,
              &blocks);
  ReadSummary(root.get(), limits, &out->meta);
  out->meta.extraction = "doc-piece-table";
  out->meta.pages = 0;
  return Status::Ok();
}

}  // namespace

Status ExtractDoc(std::string_view data, const ExtractLimits& limits,
                  Extraction* out) {
  return GuardExtraction("doc", out,
                         [&] { return Extract(data, limits, out); });
}

}  // namespace intake
