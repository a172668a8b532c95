#include "compile/compilation_html.h"

#include "compile/bar_chart.h"
#include "compile/compilation_text.h"
#include "compile/markup_escape.h"

namespace intake {
namespace {

const char kHead[] = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Compilation of submissions</title>
<style>
body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}
table{border-collapse:collapse;margin:.5em 0 1em}
th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}
td.n{text-align:right}
.meta{color:#555;font-size:.9em}
.passage{margin:.6em 0}
.passage p{margin:0;white-space:pre-wrap}
.heading{font-weight:bold}
.footnote{font-size:.9em;color:#333}
.labels{font-size:.85em;color:#2a5d8a}
.reviewed{color:#1a7a2e;font-weight:bold}
</style></head><body>
)";

std::string E(const std::string& text) { return EscapeMarkup(text); }

std::string Cell(const std::string& text) { return "<td>" + E(text) + "</td>"; }

std::string Number(long long n) {
  return "<td class=\"n\">" + std::to_string(n) + "</td>";
}

std::string NameList(const std::vector<std::string>& names) {
  return names.empty() ? "none" : JoinNames(names);
}

std::string Figures(const CompilationSummary& s) {
  std::string h = "<table>";
  auto row = [&](const std::string& what, long long n,
                 const std::string& detail) {
    h += "<tr><th>" + E(what) + "</th>" + Number(n) + Cell(detail) + "</tr>";
  };
  row("Submissions (letters)", s.submissions, "");
  row("Documents the submissions came in (copies included)", s.documents, "");
  row("Submitters", s.submitters, "");
  row("Parties (States)", static_cast<long long>(s.parties.size()),
      NameList(s.parties));
  row("Other submitters", static_cast<long long>(s.others.size()),
      NameList(s.others));
  row("Submissions whose submitter was not found", s.unattributed, "");
  row("Documents that could not be read", s.not_read, "");
  row(kOffTopicRow, s.off_topic, "");
  return h + "</table>\n";
}

std::string Stances(const CompilationSummary& s) {
  std::string h =
      "<table><tr><th>Submitters that describe</th><th>number</th>"
      "<th>who</th></tr>";
  auto row = [&](const char* what, const std::vector<std::string>& names) {
    h += "<tr><th>" + std::string(what) + "</th>" +
         Number(static_cast<long long>(names.size())) + Cell(NameList(names)) +
         "</tr>";
  };
  row("needs", s.need);
  row("support they provided", s.provided);
  row("support they received", s.received);
  h += "</table>\n<table><tr><th>submitter</th><th>passages on needs</th>"
       "<th>on support provided</th><th>on support received</th></tr>";
  for (const SubmitterStances& st : s.stances) {
    h += "<tr>" + Cell(st.name) + Cell(StanceCell(st.need)) +
         Cell(StanceCell(st.provided)) + Cell(StanceCell(st.received)) +
         "</tr>";
  }
  return h + "</table>\n";
}

std::string Counts(const std::string& title, const std::string& dimension,
                   const std::vector<CodeCount>& counts, bool chart) {
  std::string h = "<h3>" + E(title) +
                  "</h3>\n<table><tr><th>code</th>"
                  "<th>covers</th><th>submitters</th><th>passages</th></tr>";
  std::vector<Bar> bars;
  for (const CodeCount& c : counts) {
    h += "<tr>" + Cell(c.code) + Cell(CodeName(dimension, c.code)) +
         Number(c.submitters) + Number(c.passages) + "</tr>";
    bars.push_back({c.code, c.submitters});
  }
  h += "</table>\n";
  if (chart) {
    h += "<figure>" + BarChartSvg(title + ": submitters", bars) + "</figure>\n";
  }
  return h;
}

std::string PassageHtml(const OutputPassage& p) {
  std::string cls = p.kind == "heading"    ? "heading"
                    : p.kind == "footnote" ? "footnote"
                                           : "text";
  std::string h = "<div class=\"passage\"><p class=\"" + cls + "\">" +
                  E(PassageDisplayText(p)) + "</p>";
  std::string labels = LabelLine(p);
  if (!labels.empty()) {
    h += "<p class=\"labels\">" + E(labels);
    if (p.labels_from == "reviewer") {
      h += " <span class=\"reviewed\">(reviewed)</span>";
    }
    h += "</p>";
  }
  return h + "</div>\n";
}

std::string SubmissionHtml(const Submission& s) {
  std::string h = "<section>\n<h3>" + E(SubmissionTitle(s)) + "</h3>\n";
  for (const std::string& line : SubmissionMeta(s)) {
    h += "<p class=\"meta\">" + E(line) + "</p>\n";
  }
  for (const OutputPassage* p : s.body) h += PassageHtml(*p);
  return h + "</section>\n";
}

}  // namespace

std::string CompilationHtml(const Compilation& compilation,
                            const CompilationSummary& summary) {
  std::string h = kHead;
  h += "<h1>Compilation of submissions</h1>\n<h2>Summary</h2>\n";
  h += Figures(summary) + Stances(summary);
  h += Counts("Article 14 paragraphs", "article14", summary.article14, true);
  h += Counts("Activity groups", "group", summary.activity_groups, true);
  h += Counts("Themes", "theme", summary.themes, true);
  h += "<p class=\"meta\">" + E(kCountsNote) + "</p>\n";
  h += "<h2>Submissions</h2>\n";
  for (const Submitter& submitter : compilation.submitters) {
    h += "<h2>" + E(SubmitterHeading(submitter)) + "</h2>\n";
    for (const Submission& s : submitter.submissions) h += SubmissionHtml(s);
  }
  if (!compilation.not_read.empty()) {
    h += "<h2>Documents that could not be read</h2>\n<table><tr>"
         "<th>document</th><th>status</th><th>why</th></tr>";
    for (const OutputDocument* d : compilation.not_read) {
      h += "<tr>" + Cell(d->path) + Cell(d->status) + Cell(NotReadReason(*d)) +
           "</tr>";
    }
    h += "</table>\n";
  }
  if (!compilation.off_topic.empty()) {
    h += "<h2>" + E(kOffTopicHeading) + "</h2>\n<p class=\"meta\">" +
         E(kOffTopicNote) +
         "</p>\n<table><tr><th>document</th><th>format</th>"
         "<th>sent by</th></tr>";
    for (const SetApart& d : compilation.off_topic) {
      h += "<tr>";
      for (const std::string& cell : OffTopicRow(d)) h += Cell(cell);
      h += "</tr>";
    }
    h += "</table>\n";
  }
  return h + "</body></html>\n";
}

}  // namespace intake
