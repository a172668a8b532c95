#include "compile/compilation_odt.h"

#include <libxml/xmlwriter.h>

#include <memory>
#include <vector>

#include "compile/bar_chart.h"
#include "compile/compilation_text.h"
#include "compile/odt_package.h"

namespace intake {
namespace {

const char kStyles[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
<office:styles>
<style:style style:name="Standard" style:family="paragraph" style:class="text"><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="18pt"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="15pt"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="Labels" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text"><style:text-properties fo:font-size="9pt" fo:color="#2a5d8a"/></style:style>
<style:style style:name="Meta" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:text-properties fo:font-size="9pt" fo:color="#555555"/></style:style>
<style:style style:name="Passage_20_heading" style:display-name="Passage heading" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Footnote_20_text" style:display-name="Footnote text" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text"><style:text-properties fo:font-size="9pt"/></style:style>
</office:styles>
</office:document-styles>
)";

constexpr const char* kNamespaces[][2] = {
    {"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
    {"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
    {"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
    {"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
    {"xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
    {"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
    {"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
    {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
};

struct WriterFree {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};
struct BufferFree {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};

// content.xml through libxml2's writer, which escapes text and attribute
// values; the first failing call is remembered and the rest do nothing.
class ContentWriter {
 public:
  ContentWriter()
      : buffer_(xmlBufferCreate()),
        writer_(buffer_ ? xmlNewTextWriterMemory(buffer_.get(), 0) : nullptr) {
    ok_ =
        writer_ != nullptr &&
        xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr) >= 0;
  }

  void Start(const char* name) {
    Check(xmlTextWriterStartElement(writer_.get(), X(name)));
  }
  void Attr(const char* name, const std::string& value) {
    Check(xmlTextWriterWriteAttribute(writer_.get(), X(name), X(value)));
  }
  void End() { Check(xmlTextWriterEndElement(writer_.get())); }

  // Letter text: line breaks, tabs and runs of spaces as ODF writes them
  // (plain white space collapses in ODF), characters XML forbids dropped.
  void Text(const std::string& text) {
    std::string run;
    size_t spaces = 0;
    auto flush = [&] {
      if (!run.empty()) Check(xmlTextWriterWriteString(writer_.get(), X(run)));
      run.clear();
    };
    for (char c : text) {
      if (c == ' ') {
        ++spaces;
        continue;
      }
      if (spaces > 0) {
        if (spaces == 1) {
          run += ' ';
        } else {
          run += ' ';
          flush();
          Start("text:s");
          Attr("text:c", std::to_string(spaces - 1));
          End();
        }
        spaces = 0;
      }
      if (c == '\n' || c == '\t') {
        flush();
        Start(c == '\n' ? "text:line-break" : "text:tab");
        End();
      } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\r') {
        if (c != '\r') run += c;
      }
    }
    flush();
  }

  void Paragraph(const char* style, const std::string& text) {
    Start("text:p");
    Attr("text:style-name", style);
    Text(text);
    End();
  }

  void Heading(int level, const std::string& text) {
    Start("text:h");
    Attr("text:style-name", "Heading_20_" + std::to_string(level));
    Attr("text:outline-level", std::to_string(level));
    Text(text);
    End();
  }

  Status Finish(std::string* out) {
    Check(xmlTextWriterEndDocument(writer_.get()));
    if (!ok_) return Status::IoError("writing the ODT: content.xml failed");
    writer_.reset();  // flushes into the buffer
    *out = std::string(reinterpret_cast<const char*>(buffer_->content),
                       buffer_->use);
    return Status::Ok();
  }

 private:
  static const xmlChar* X(const char* s) {
    return reinterpret_cast<const xmlChar*>(s);
  }
  static const xmlChar* X(const std::string& s) { return X(s.c_str()); }
  void Check(int result) {
    if (!ok_ || result < 0) ok_ = false;
  }

  std::unique_ptr<xmlBuffer, BufferFree> buffer_;
  std::unique_ptr<xmlTextWriter, WriterFree> writer_;
  bool ok_ = false;
};

// The compilation as headings, paragraphs and tables; charts become
// pictures whose files are added to `pictures`.
class OdtBody {
 public:
  OdtBody(ContentWriter* w, std::vector<PackageMember>* pictures)
      : w_(*w), pictures_(*pictures) {}

  void Table(const std::vector<std::vector<std::string>>& rows) {
    w_.Start("table:table");
    w_.Attr("table:name", "Table" + std::to_string(++tables_));
    w_.Start("table:table-column");
    w_.Attr("table:number-columns-repeated",
            std::to_string(rows.empty() ? 1 : rows[0].size()));
    w_.End();
    for (const std::vector<std::string>& row : rows) {
      w_.Start("table:table-row");
      for (const std::string& cell : row) {
        w_.Start("table:table-cell");
        w_.Attr("table:style-name", "Cell");
        w_.Attr("office:value-type", "string");
        w_.Paragraph("Standard", cell);
        w_.End();
      }
      w_.End();
    }
    w_.End();
  }

  void Chart(const std::string& title, const std::vector<Bar>& bars) {
    std::string path =
        "Pictures/chart-" + std::to_string(pictures_.size() + 1) + ".svg";
    pictures_.push_back({path, "image/svg+xml", BarChartSvg(title, bars)});
    // The chart's pixel size at 96 dpi, as BarChartSvg draws it.
    double height_cm =
        (30 + 22.0 * static_cast<double>(bars.size()) + 8) * 2.54 / 96;
    w_.Start("text:p");
    w_.Attr("text:style-name", "Standard");
    w_.Start("draw:frame");
    w_.Attr("draw:name", title);
    w_.Attr("text:anchor-type", "as-char");
    w_.Attr("svg:width", "16.93cm");
    w_.Attr("svg:height", std::to_string(height_cm) + "cm");
    w_.Start("draw:image");
    w_.Attr("xlink:href", path);
    w_.Attr("xlink:type", "simple");
    w_.Attr("xlink:show", "embed");
    w_.Attr("xlink:actuate", "onLoad");
    w_.Attr("draw:mime-type", "image/svg+xml");
    w_.End();
    w_.End();
    w_.End();
  }

 private:
  ContentWriter& w_;
  std::vector<PackageMember>& pictures_;
  int tables_ = 0;
};

std::string Names(const std::vector<std::string>& names) {
  return names.empty() ? "none" : JoinNames(names);
}

void Summary(const CompilationSummary& s, ContentWriter* w, OdtBody* body) {
  auto n = [](auto v) { return std::to_string(static_cast<long long>(v)); };
  w->Heading(2, "Summary");
  body->Table({
      {"Submissions (letters)", n(s.submissions), ""},
      {"Documents the submissions came in (copies included)", n(s.documents),
       ""},
      {"Submitters", n(s.submitters), ""},
      {"Parties (States)", n(s.parties.size()), Names(s.parties)},
      {"Other submitters", n(s.others.size()), Names(s.others)},
      {"Submissions whose submitter was not found", n(s.unattributed), ""},
      {"Documents that could not be read", n(s.not_read), ""},
      {kOffTopicRow, n(s.off_topic), ""},
  });
  body->Table({
      {"Submitters that describe", "number", "who"},
      {"needs", n(s.need.size()), Names(s.need)},
      {"support they provided", n(s.provided.size()), Names(s.provided)},
      {"support they received", n(s.received.size()), Names(s.received)},
  });
  std::vector<std::vector<std::string>> rows = {
      {"submitter", "passages on needs", "on support provided",
       "on support received"}};
  for (const SubmitterStances& st : s.stances) {
    rows.push_back({st.name, StanceCell(st.need), StanceCell(st.provided),
                    StanceCell(st.received)});
  }
  body->Table(rows);
  struct Dimension {
    const char* title;
    const char* name;
    const std::vector<CodeCount>* counts;
  } dimensions[] = {{"Article 14 paragraphs", "article14", &s.article14},
                    {"Activity groups", "group", &s.activity_groups},
                    {"Themes", "theme", &s.themes}};
  for (const Dimension& d : dimensions) {
    w->Heading(3, d.title);
    std::vector<std::vector<std::string>> counts = {
        {"code", "covers", "submitters", "passages"}};
    std::vector<Bar> bars;
    for (const CodeCount& c : *d.counts) {
      counts.push_back(
          {c.code, CodeName(d.name, c.code), n(c.submitters), n(c.passages)});
      bars.push_back({c.code, c.submitters});
    }
    body->Table(counts);
    body->Chart(std::string(d.title) + ": submitters", bars);
  }
  w->Paragraph("Meta", kCountsNote);
}

void Passage(const OutputPassage& p, ContentWriter* w) {
  w->Paragraph(p.kind == "heading"    ? "Passage_20_heading"
               : p.kind == "footnote" ? "Footnote_20_text"
                                      : "Text_20_body",
               PassageDisplayText(p));
  std::string labels = LabelLine(p);
  if (labels.empty()) return;
  if (p.labels_from == "reviewer") labels += " (reviewed)";
  w->Paragraph("Labels", labels);
}

}  // namespace

Status CompilationOdt(const Compilation& compilation,
                      const CompilationSummary& summary, std::string* bytes) {
  ContentWriter w;
  std::vector<PackageMember> pictures;
  OdtBody body(&w, &pictures);
  w.Start("office:document-content");
  for (const auto& ns : kNamespaces) w.Attr(ns[0], ns[1]);
  w.Attr("office:version", "1.3");
  // Tables with ruled cells, as a reader of a report expects.
  w.Start("office:automatic-styles");
  w.Start("style:style");
  w.Attr("style:name", "Cell");
  w.Attr("style:family", "table-cell");
  w.Start("style:table-cell-properties");
  w.Attr("fo:border", "0.5pt solid #999999");
  w.Attr("fo:padding", "0.05cm");
  w.End();
  w.End();
  w.End();
  w.Start("office:body");
  w.Start("office:text");
  w.Heading(1, "Compilation of submissions");
  Summary(summary, &w, &body);
  w.Heading(2, "Submissions");
  for (const Submitter& submitter : compilation.submitters) {
    w.Heading(2, SubmitterHeading(submitter));
    for (const Submission& s : submitter.submissions) {
      w.Heading(3, SubmissionTitle(s));
      for (const std::string& line : SubmissionMeta(s)) {
        w.Paragraph("Meta", line);
      }
      for (const OutputPassage* p : s.body) Passage(*p, &w);
    }
  }
  if (!compilation.not_read.empty()) {
    w.Heading(2, "Documents that could not be read");
    std::vector<std::vector<std::string>> rows = {
        {"document", "status", "why"}};
    for (const OutputDocument* d : compilation.not_read) {
      rows.push_back({d->path, d->status, NotReadReason(*d)});
    }
    body.Table(rows);
  }
  if (!compilation.off_topic.empty()) {
    w.Heading(2, kOffTopicHeading);
    w.Paragraph("Meta", kOffTopicNote);
    std::vector<std::vector<std::string>> rows = {
        {"document", "format", "sent by"}};
    for (const SetApart& d : compilation.off_topic) {
      rows.push_back(OffTopicRow(d));
    }
    body.Table(rows);
  }
  w.End();
  w.End();
  w.End();
  std::string content;
  Status s = w.Finish(&content);
  if (!s.ok()) return s;
  std::vector<PackageMember> members = {{"content.xml", "text/xml", content},
                                        {"styles.xml", "text/xml", kStyles}};
  for (PackageMember& p : pictures) members.push_back(std::move(p));
  return OdtPackage(members, bytes);
}

}  // namespace intake
