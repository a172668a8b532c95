// The compilation from records built by hand: how documents become
// submissions and submitters, the figures, and that nothing from a letter
// becomes markup in the HTML, the SVG or the ODT.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <zip.h>

#include "compile/bar_chart.h"
#include "compile/compilation_html.h"
#include "compile/compilation_odt.h"
#include "compile/compilation_text.h"
#include "compile/submissions.h"
#include "compile/summary.h"

namespace intake {
namespace {

OutputDocument Doc(const std::string& id, const std::string& format,
                   const std::string& submitter, const std::string& kind) {
  OutputDocument d;
  d.doc_id = id;
  d.path = "in/" + id + "." + format;
  d.format = format;
  d.status = "ok";
  d.submitter_name = submitter;
  d.submitter_code = submitter.empty() ? "" : submitter.substr(0, 3);
  d.submitter_kind = kind;
  d.convention_subject = "named";
  return d;
}

OutputPassage Furniture(const std::string& doc, const std::string& which,
                        const std::string& text) {
  OutputPassage p;
  p.doc_id = doc;
  p.kind = "furniture";
  p.furniture = which;
  p.text = text;
  p.stance = "other";
  return p;
}

OutputPassage Body(const std::string& doc, const std::string& text,
                   const std::string& stance,
                   std::vector<std::string> article14 = {},
                   std::vector<std::string> activity = {},
                   std::vector<std::string> theme = {}) {
  OutputPassage p;
  p.doc_id = doc;
  p.kind = "paragraph";
  p.text = text;
  p.stance = stance;
  p.article14 = std::move(article14);
  p.activity = std::move(activity);
  p.theme = std::move(theme);
  p.labels_from = "rules";
  return p;
}

// Samoa twice (PDF and Word, same reference), a regional centre, Côte
// d'Ivoire and Cuba (accents sort as a reader expects), a letter of
// unknown origin, a damaged file and a ZIP container.
OutputRecords Letters() {
  OutputRecords r;
  r.documents = {Doc("samoa-pdf", "pdf", "Samoa", "state"),
                 Doc("samoa-docx", "docx", "Samoa", "state"),
                 Doc("bcrc", "pdf", "BCRC-Caribbean", "regional_centre"),
                 Doc("cuba", "docx", "Cuba", "state"),
                 Doc("civ", "docx", "Côte d'Ivoire", "state"),
                 Doc("anon", "docx", "", ""),
                 Doc("broken", "pdf", "", ""),
                 Doc("bundle", "zip", "", "")};
  r.documents[6].status = "corrupt";
  r.documents[6].error = "truncated PDF";
  for (const char* samoa : {"samoa-pdf", "samoa-docx"}) {
    r.passages.push_back(Furniture(samoa, "reference", "Ref.:  MNRE/117"));
    r.passages.push_back(Furniture(samoa, "date", "2 July 2021"));
    r.passages.push_back(Body(samoa, "1. We lack a laboratory.", "need",
                              {"14.1"}, {"e.monitoring_research"},
                              {"monitoring"}));
    r.passages.push_back(Body(samoa, "2. GEF funded our assessment.",
                              "received", {"14.1", "14.2"},
                              {"e.enabling_activities"}, {"emissions"}));
  }
  r.passages.push_back(Body("bcrc", "We trained customs officers.", "provided",
                            {"14.1", "14.2"}, {"b.trade"}, {"supply_trade"}));
  r.passages.push_back(Body("cuba", "Background.", "other"));
  r.passages.push_back(Body("civ", "We need equipment.", "need", {"14.4b"}));
  r.passages.push_back(Body("anon", "Unsigned.", "need", {"14.5"}));
  OutputPassage running_head = Body("civ", "Page 1 of 2", "other");
  running_head.kind = "header_footer";
  r.passages.push_back(running_head);
  return r;
}

TEST(CompileTest, GroupsLettersBySubmitterAlphabeticallyUnknownLast) {
  OutputRecords records = Letters();
  Compilation c = CompileSubmissions(records);
  std::vector<std::string> names;
  for (const Submitter& s : c.submitters) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"BCRC-Caribbean", "Côte d'Ivoire",
                                             "Cuba", "Samoa", ""}));
  const Submitter& samoa = c.submitters[3];
  ASSERT_EQ(samoa.submissions.size(), 1u);
  const Submission& letter = samoa.submissions[0];
  EXPECT_EQ(letter.document->doc_id, "samoa-docx");  // the Word file's text
  ASSERT_EQ(letter.copies.size(), 1u);
  EXPECT_EQ(letter.copies[0]->doc_id, "samoa-pdf");
  EXPECT_EQ(letter.reference, "Ref.: MNRE/117");
  EXPECT_EQ(letter.body.size(), 2u);  // furniture left out
  EXPECT_EQ(c.submitters[1].submissions[0].body.size(), 1u);  // no running head
  ASSERT_EQ(c.not_read.size(), 1u);
  EXPECT_EQ(c.not_read[0]->doc_id, "broken");
}

TEST(CompileTest, SameSubmitterOtherReferenceIsAnotherLetter) {
  OutputRecords records = Letters();
  records.passages[0].text = "Ref.: MNRE/118";  // the PDF's reference
  Compilation c = CompileSubmissions(records);
  EXPECT_EQ(c.submitters[3].submissions.size(), 2u);
  // Without references, the same date makes the same letter.
  records = Letters();
  records.passages[0].furniture = records.passages[4].furniture = "";
  c = CompileSubmissions(records);
  EXPECT_EQ(c.submitters[3].submissions.size(), 1u);
}

// The review list shows both copies of Samoa's letter; the compilation
// reproduces the Word file, so what a reviewer decided on the PDF holds
// for the same text there, unless the Word file has its own decision.
TEST(CompileTest, ReviewerDecisionOnAnotherCopyHolds) {
  OutputRecords records = Letters();
  OutputPassage& pdf_first = records.passages[2];  // "1. We lack ..."
  pdf_first.text = "1.  We lack a laboratory.";    // laid out by the PDF
  pdf_first.stance = "other";
  pdf_first.article14 = {};
  pdf_first.activity = {"e.project"};
  pdf_first.labels_from = "reviewer";
  OutputPassage& pdf_second = records.passages[3];
  pdf_second.stance = "need";
  pdf_second.labels_from = "reviewer";
  OutputPassage& docx_second = records.passages[7];
  docx_second.stance = "provided";
  docx_second.labels_from = "reviewer";
  Compilation c = CompileSubmissions(records);
  const Submission& letter = c.submitters[3].submissions[0];
  ASSERT_EQ(letter.document->doc_id, "samoa-docx");
  ASSERT_EQ(letter.body.size(), 2u);
  EXPECT_EQ(letter.body[0]->text, "1. We lack a laboratory.");
  EXPECT_EQ(letter.body[0]->labels_from, "reviewer");
  EXPECT_EQ(letter.body[0]->stance, "other");
  EXPECT_TRUE(letter.body[0]->article14.empty());
  EXPECT_EQ(letter.body[0]->activity, std::vector<std::string>{"e.project"});
  EXPECT_EQ(letter.body[1]->stance, "provided");  // its own decision
  CompilationSummary s = Summarize(c);
  EXPECT_EQ(s.need, std::vector<std::string>{"Côte d'Ivoire"});
  EXPECT_EQ(s.provided, (std::vector<std::string>{"BCRC-Caribbean", "Samoa"}));
}

// "III. Needs and challenges" is not a need of its own: the passages
// under it are counted.
TEST(CompileTest, HeadingsAreReproducedNotCounted) {
  OutputRecords records = Letters();
  OutputPassage heading = Body("cuba", "III. Needs", "need", {"14.3"});
  heading.kind = "heading";
  records.passages.push_back(heading);
  Compilation c = CompileSubmissions(records);
  EXPECT_EQ(c.submitters[2].submissions[0].body.size(), 2u);  // Cuba's
  CompilationSummary s = Summarize(c);
  EXPECT_EQ(s.need, (std::vector<std::string>{"Côte d'Ivoire", "Samoa"}));
  EXPECT_EQ(s.article14[2].code, "14.3");
  EXPECT_EQ(s.article14[2].passages, 0);
}

TEST(CompileTest, FiguresCountEachLetterOnceAndEachSubmitterOnce) {
  OutputRecords records = Letters();
  Compilation c = CompileSubmissions(records);
  CompilationSummary s = Summarize(c);
  EXPECT_EQ(s.submissions, 5);
  EXPECT_EQ(s.documents, 6);
  EXPECT_EQ(s.submitters, 4);
  EXPECT_EQ(s.unattributed, 1);
  EXPECT_EQ(s.not_read, 1);
  EXPECT_EQ(s.parties,
            (std::vector<std::string>{"Côte d'Ivoire", "Cuba", "Samoa"}));
  EXPECT_EQ(s.others, std::vector<std::string>{"BCRC-Caribbean"});
  EXPECT_EQ(s.need, (std::vector<std::string>{"Côte d'Ivoire", "Samoa"}));
  EXPECT_EQ(s.provided, std::vector<std::string>{"BCRC-Caribbean"});
  EXPECT_EQ(s.received, std::vector<std::string>{"Samoa"});
  ASSERT_EQ(s.article14.size(), 7u);
  EXPECT_EQ(s.article14[0].code, "14.1");
  EXPECT_EQ(s.article14[0].passages, 3);  // Samoa twice, BCRC; not the PDF
  EXPECT_EQ(s.article14[0].submitters, 2);
  EXPECT_EQ(s.article14[6].code, "14.5");
  EXPECT_EQ(s.article14[6].passages, 1);    // the unknown writer's
  EXPECT_EQ(s.article14[6].submitters, 0);  // is no submitter
  EXPECT_EQ(s.activity_groups[1].code, "b");
  EXPECT_EQ(s.activity_groups[1].submitters, 1);
  EXPECT_EQ(s.activity_groups[4].submitters, 1);  // Samoa's two e.* items
  EXPECT_EQ(s.activity_groups[4].passages, 2);
}

// Mail that never names mercury (convention_subject "not_named") is
// listed apart and left out of the figures, until a reviewer gives one of
// its passages a label.
OutputRecords WithMailOffTopic() {
  OutputRecords r = Letters();
  OutputDocument mail = Doc("newsletter", "eml", "", "");
  mail.convention_subject = "not_named";
  mail.mail_from = "Jane Doe <jane@env.example>";
  r.documents.push_back(mail);
  OutputPassage p = Body("newsletter", "Our office will be closed.", "need",
                         {"14.1"}, {}, {"finance"});
  p.needs_review = true;
  p.review_reasons = {"low_confidence", "off_topic"};
  r.passages.push_back(p);
  r.passages.push_back(Body("newsletter", "Kind regards.", "other"));
  return r;
}

TEST(CompileTest, MailThatNeverNamesMercuryIsSetApart) {
  OutputRecords records = WithMailOffTopic();
  Compilation c = CompileSubmissions(records);
  ASSERT_EQ(c.off_topic.size(), 1u);
  EXPECT_EQ(c.off_topic[0].document->doc_id, "newsletter");
  EXPECT_EQ(c.off_topic[0].sender, "Jane Doe <jane@env.example>");
  CompilationSummary s = Summarize(c);
  EXPECT_EQ(s.off_topic, 1);
  EXPECT_EQ(s.submissions, 5);  // as without the mail
  EXPECT_EQ(s.unattributed, 1);
  EXPECT_EQ(s.need, (std::vector<std::string>{"Côte d'Ivoire", "Samoa"}));
  EXPECT_EQ(s.article14[0].passages, 3);
  std::string html = CompilationHtml(c, s);
  size_t apart = html.find(std::string("<h2>") + kOffTopicHeading);
  ASSERT_NE(apart, std::string::npos);
  EXPECT_NE(html.find("in/newsletter.eml", apart), std::string::npos);
  EXPECT_NE(html.find("Jane Doe &lt;jane@env.example&gt;", apart),
            std::string::npos);
  std::string odt;
  ASSERT_TRUE(CompilationOdt(c, s, &odt).ok());
  // Records written before the field say nothing of the subject.
  records.documents.back().convention_subject = "";
  EXPECT_TRUE(CompileSubmissions(records).off_topic.empty());
}

// A decided passage has no review reasons left: the document's own
// verdict keeps it apart, and only a reviewer's label brings it back.
TEST(CompileTest, ReviewerLabelBringsMailBackDismissalKeepsItApart) {
  OutputRecords records = WithMailOffTopic();
  OutputPassage& decided = records.passages[records.passages.size() - 2];
  decided.labels_from = "reviewer";
  decided.needs_review = false;
  decided.review_reasons = {};
  Compilation c = CompileSubmissions(records);
  EXPECT_TRUE(c.off_topic.empty());
  CompilationSummary s = Summarize(c);
  EXPECT_EQ(s.submissions, 6);
  EXPECT_EQ(s.unattributed, 2);
  // A reviewer who took every label away agrees it says nothing.
  decided.article14 = decided.theme = {};
  decided.stance = "other";
  c = CompileSubmissions(records);
  EXPECT_EQ(c.off_topic.size(), 1u);
  EXPECT_EQ(Summarize(c).submissions, 5);
}

// Two copies of one letter are set apart or counted together; a label on
// either copy brings the letter back once.
TEST(CompileTest, CopiesOfALetterAreSetApartTogether) {
  OutputRecords records = Letters();
  for (const char* id : {"zm-pdf", "zm-docx"}) {
    OutputDocument d = Doc(id, id == std::string("zm-pdf") ? "pdf" : "docx",
                           "Zambia", "state");
    d.convention_subject = "not_named";
    records.documents.push_back(d);
    records.passages.push_back(Furniture(id, "reference", "Ref.: PEST/1"));
    records.passages.push_back(Body(id, "Pesticide stocks.", "need", {"14.1"}));
  }
  Compilation c = CompileSubmissions(records);
  ASSERT_EQ(c.off_topic.size(), 2u);
  EXPECT_EQ(Summarize(c).parties,
            (std::vector<std::string>{"Côte d'Ivoire", "Cuba", "Samoa"}));
  records.passages.back().labels_from = "reviewer";  // on the Word copy
  c = CompileSubmissions(records);
  EXPECT_TRUE(c.off_topic.empty());
  const Submitter& zambia = c.submitters[4];
  ASSERT_EQ(zambia.name, "Zambia");
  ASSERT_EQ(zambia.submissions.size(), 1u);
  EXPECT_EQ(zambia.submissions[0].copies.size(), 1u);
}

// A letter that never names mercury, attached to a mail whose subject line
// names the Convention, is a submission; attached to an automatic reply
// that names nothing, it is set apart with the reply's sender.
TEST(CompileTest, AttachmentIsJudgedWithTheMailItCameIn) {
  OutputRecords records = Letters();
  OutputDocument mail = Doc("mail", "eml", "", "");
  mail.embedded = 1;
  mail.convention_subject = "named";
  mail.mail_from = "Focal point <fp@gov.mw>";
  OutputDocument letter = Doc("attached", "docx", "", "");
  letter.container_id = "mail";
  letter.convention_subject = "not_named";
  records.documents.push_back(mail);
  records.documents.push_back(letter);
  records.passages.push_back(
      Body("attached", "Malawi needs training.", "need", {"14.1"}));
  Compilation c = CompileSubmissions(records);
  EXPECT_TRUE(c.off_topic.empty());
  EXPECT_EQ(Summarize(c).submissions, 6);
  records.documents[records.documents.size() - 2].convention_subject =
      "not_named";
  c = CompileSubmissions(records);
  ASSERT_EQ(c.off_topic.size(), 1u);  // the envelope is no letter
  EXPECT_EQ(c.off_topic[0].document->doc_id, "attached");
  EXPECT_EQ(c.off_topic[0].sender, "Focal point <fp@gov.mw>");
}

constexpr char kHostile[] =
    "<script>alert(1)</script> & \"quoted\" <img src=x onerror=alert(2)>"
    "\x01";

OutputRecords HostileLetter() {
  OutputRecords r;
  r.documents = {Doc("evil", "docx", "<b>Evil</b> & Co", "state")};
  r.documents[0].path = "in/<i>evil</i>.docx";
  r.passages.push_back(Body("evil", kHostile, "need", {"14.1"}));
  r.passages.push_back(Body("evil", "two  spaces\tand\nline", "other"));
  return r;
}

TEST(CompileTest, HtmlShowsLetterMarkupAsText) {
  OutputRecords records = HostileLetter();
  Compilation c = CompileSubmissions(records);
  std::string html = CompilationHtml(c, Summarize(c));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>Evil"), std::string::npos);
  EXPECT_EQ(html.find("<i>evil"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                      "&quot;quoted&quot;"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;Evil&lt;/b&gt; &amp; Co (party)"),
            std::string::npos);
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));
}

bool WellFormed(const std::string& xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()),
                                "x.xml", nullptr, XML_PARSE_NONET);
  if (doc == nullptr) return false;
  xmlFreeDoc(doc);
  return true;
}

TEST(CompileTest, ChartIsWellFormedSvgWithEscapedLabels) {
  std::string svg = BarChartSvg("Themes <all>", {{"asgm", 3}, {"<x>", 0}});
  EXPECT_TRUE(WellFormed(svg));
  EXPECT_NE(svg.find("&lt;x&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<rect", svg.find("&lt;x&gt;")), std::string::npos);
}

std::string Member(zip_t* archive, const char* name) {
  zip_stat_t stat;
  if (zip_stat(archive, name, 0, &stat) != 0) return "";
  std::string bytes(stat.size, '\0');
  zip_file_t* f = zip_fopen(archive, name, 0);
  if (f == nullptr) return "";
  zip_int64_t n = zip_fread(f, bytes.data(), stat.size);
  zip_fclose(f);
  return n == static_cast<zip_int64_t>(stat.size) ? bytes : "";
}

TEST(CompileTest, OdtIsAPackageWithWellFormedEscapedContent) {
  OutputRecords records = HostileLetter();
  Compilation c = CompileSubmissions(records);
  std::string odt;
  ASSERT_TRUE(CompilationOdt(c, Summarize(c), &odt).ok());
  // mimetype first and stored: its name and value at fixed offsets.
  ASSERT_GT(odt.size(), 100u);
  EXPECT_EQ(odt.substr(30, 8), "mimetype");
  EXPECT_EQ(odt.substr(38, 39), "application/vnd.oasis.opendocument.text");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(odt.data(), odt.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  std::string content = Member(archive, "content.xml");
  std::string manifest = Member(archive, "META-INF/manifest.xml");
  EXPECT_TRUE(WellFormed(content));
  EXPECT_TRUE(WellFormed(manifest));
  EXPECT_TRUE(WellFormed(Member(archive, "styles.xml")));
  EXPECT_TRUE(WellFormed(Member(archive, "Pictures/chart-1.svg")));
  EXPECT_NE(manifest.find("Pictures/chart-3.svg"), std::string::npos);
  EXPECT_EQ(content.find("<script"), std::string::npos);
  EXPECT_NE(content.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
            std::string::npos);
  EXPECT_NE(content.find("two <text:s text:c=\"1\"/>spaces<text:tab/>and"
                         "<text:line-break/>line"),
            std::string::npos);
  zip_discard(archive);
  // The same records give the same bytes.
  std::string again;
  ASSERT_TRUE(CompilationOdt(c, Summarize(c), &again).ok());
  EXPECT_EQ(odt, again);
}

}  // namespace
}  // namespace intake
