// ParseDocument: sniffing, structured reports, unreadable input.
#include <unicode/ucnv.h>

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "report/parse.h"

namespace xxgk::report {
namespace {

using ::testing::HasSubstr;

std::string Gb18030(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(n);
  return out;
}

xxgk::v1::Document Doc(std::string content, std::string name = "", std::string type = "") {
  xxgk::v1::Document d;
  d.set_content(std::move(content));
  d.set_file_name(std::move(name));
  d.set_content_type(std::move(type));
  return d;
}

TEST(StructuredReportFormat, OneDecisionByNameThenContent) {
  for (const char* name : {"a.textproto", "a.TXTPB", "a.pbtxt", "a.textpb", "a.pb.txt"}) {
    EXPECT_EQ(StructuredReportFormat(name, ""), "report-textproto") << name;
    EXPECT_EQ(SniffFormat(Doc("一、总体情况", name)), "report-textproto") << name;
  }
  EXPECT_EQ(StructuredReportFormat("a.Json", ""), "report-json");
  EXPECT_EQ(StructuredReportFormat("a.txt", ""), "");
  EXPECT_EQ(StructuredReportFormat("", "\xEF\xBB\xBF {\"meta\": {}}"), "report-json");
  EXPECT_EQ(StructuredReportFormat("", "{}"), "report-json");
  EXPECT_EQ(StructuredReportFormat("", "{正文}"), "");
  EXPECT_EQ(StructuredReportFormat("", "\n# c\n\n  tables {\n"), "report-textproto");
  EXPECT_EQ(StructuredReportFormat("", "source: {}"), "report-textproto");
  // an identifier that is no field of Report is not a text-format report
  EXPECT_EQ(StructuredReportFormat("", "note: 正文"), "");
  EXPECT_EQ(SniffFormat(Doc("note: 正文")), "text");
}

TEST(SniffFormat, MagicContentTypeExtensionAndText) {
  EXPECT_EQ(SniffFormat(Doc("%PDF-1.7 ...", "x.txt")), "pdf");
  EXPECT_EQ(SniffFormat(Doc(std::string("PK\x03\x04rest", 8))), "docx");
  EXPECT_EQ(SniffFormat(Doc(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "r.txt")), "doc");
  EXPECT_EQ(SniffFormat(Doc("anything", "", "application/msword")), "doc");
  EXPECT_EQ(SniffFormat(Doc("anything", "年报.DOC")), "doc");
  EXPECT_EQ(SniffFormat(Doc("anything", "年报.wps")), "doc");
  EXPECT_EQ(SniffFormat(Doc("anything", "", "text/html; charset=gbk")), "html");
  EXPECT_EQ(SniffFormat(Doc("anything", "report.HTM")), "html");
  EXPECT_EQ(SniffFormat(Doc("  <!DOCTYPE html><html>")), "html");
  EXPECT_EQ(SniffFormat(Doc("<table><tr><td>1</td></tr></table>")), "html");
  EXPECT_EQ(SniffFormat(Doc("\xEF\xBB\xBF{\"meta\": {}}")), "report-json");
  EXPECT_EQ(SniffFormat(Doc("# a report\nmeta {\n report_year: 2023\n}\n")), "report-textproto");
  EXPECT_EQ(SniffFormat(Doc("一、总体情况\n正文")), "text");
  EXPECT_EQ(SniffFormat(Doc("x", "r.textproto")), "report-textproto");
}

// Named or typed as plain text, a page saved as .txt, or text whose lines
// still end in <br>, is read as the markup it is; a '<' in prose is not.
TEST(SniffFormat, TextThatIsMarkupIsHtml) {
  EXPECT_EQ(SniffFormat(Doc("<!DOCTYPE html><html><body>年报</body></html>", "page.txt")), "html");
  EXPECT_EQ(SniffFormat(Doc("<html><body>年报</body></html>", "", "text/plain; charset=utf-8")), "html");
  EXPECT_EQ(SniffFormat(Doc("一、总体情况<br>\n正文<br/>\n二、主动公开<BR>\n", "r.txt")), "html");
  EXPECT_EQ(SniffFormat(Doc("<p>一、总体情况</p>\n<p>正文</p>", "r.txt")), "html");
  EXPECT_EQ(SniffFormat(Doc("增幅<5%,<br>仅一处", "r.txt")), "text");
  EXPECT_EQ(SniffFormat(Doc("a<b, c<d, <brand> <pre> <td2>", "r.txt")), "text");
  EXPECT_EQ(SniffFormat(Doc("一、总体情况\n正文", "r.txt", "text/plain")), "text");
}

// What systems export as a Word file is often one of Word's other forms: a
// web page, a page saved as one file (MHTML), Word 2003 XML or Word 2007+
// flat XML. The bytes decide, whatever the name or declared type says; a
// Word web page's embedded <xml><w:WordDocument> stays a web page.
TEST(SniffFormat, WordFilesThatAreWebPagesOrXml) {
  const std::string word_2003 =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
      "<?mso-application progid=\"Word.Document\"?>\r\n<!-- made by a template -->\n"
      "<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"><w:body/>"
      "</w:wordDocument>";
  const std::string flat =
      "<?xml version=\"1.0\" standalone=\"yes\"?>\n<pkg:package "
      "xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\"></pkg:package>";
  for (const char* name : {"", "年报.doc", "年报.docx", "年报.xml", "年报.txt"}) {
    EXPECT_EQ(SniffFormat(Doc(word_2003, name)), "word-xml") << name;
    EXPECT_EQ(SniffFormat(Doc(flat, name, "application/msword")), "word-xml") << name;
  }
  EXPECT_EQ(SniffFormat(Doc("<?xml version=\"1.0\"?><office:document xmlns:office=\"urn:x\"/>", "a.doc")),
            "doc");
  EXPECT_EQ(SniffFormat(Doc("<?xml version=\"1.0\"?><report><wordDocument/></report>")), "text");
  const std::string word_page =
      "<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><head><!--[if gte mso 9]><xml>"
      "<w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--></head>"
      "<body><p>年报</p></body></html>";
  EXPECT_EQ(SniffFormat(Doc(word_page, "年报.doc")), "html");
  EXPECT_EQ(SniffFormat(Doc(word_page, "", "application/msword")), "html");
  EXPECT_EQ(SniffFormat(Doc(word_page, "年报.docx")), "html");
  EXPECT_EQ(SniffFormat(Doc("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n", "a.doc")),
            "mhtml");
  EXPECT_EQ(SniffFormat(Doc("anything", "page.MHT")), "mhtml");
  EXPECT_EQ(SniffFormat(Doc("anything", "", "multipart/related; boundary=b")), "mhtml");
  // bytes that are no page keep what the name says (and its reader's error)
  EXPECT_EQ(SniffFormat(Doc(std::string("\x01\x02<p>", 5), "年报.doc")), "doc");
}

TEST(ParseDocument, WordXmlNamedDocIsReadAndAFileCutShortSaysWhatToDo) {
  const std::string ns = "xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\" "
                         "xmlns:wx=\"http://schemas.microsoft.com/office/word/2003/auxHint\"";
  auto cell = [](const char* text, const char* props = "") {
    return std::string("<w:tc><w:tcPr>") + props + "</w:tcPr><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>";
  };
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?mso-application progid=\"Word.Document\"?>"
      "<w:wordDocument " + ns + "><w:body><wx:sect>"
      "<w:p><w:r><w:t>某县民政局2024年政府信息公开工作年度报告</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p><w:tbl>"
      "<w:tr>" + cell("第二十条第（八）项", "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
      "<w:tr>" + cell("信息内容") + cell("本年收费金额（单位：万元）") + "</w:tr>"
      "<w:tr>" + cell("行政事业性收费") + cell("1.5") + "</w:tr>"
      "</w:tbl></wx:sect></w:body></w:wordDocument>";
  auto r = ParseDocument(Doc(xml, "年报.doc"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().input_format(), "word-xml");
  EXPECT_EQ(r->meta().agency(), "某县民政局");
  const auto* fees = FindCell(r->tables(), "t2.fees.amount_wan_yuan");
  ASSERT_NE(fees, nullptr);
  EXPECT_EQ(CellValueString(*fees), "1.5");

  auto excel = ParseDocument(Doc(
      "<?xml version=\"1.0\"?><pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
      "<pkg:part pkg:name=\"/xl/workbook.xml\"><pkg:xmlData><workbook/></pkg:xmlData></pkg:part></pkg:package>",
      "表.doc"));
  ASSERT_FALSE(excel.ok());
  EXPECT_THAT(excel.status().message(), HasSubstr("Excel workbook saved as XML"));
  auto cut = ParseDocument(Doc(xml.substr(0, xml.size() / 2), "年报.doc"));
  ASSERT_FALSE(cut.ok());
  EXPECT_THAT(cut.status().message(), HasSubstr("not well-formed XML"));
  EXPECT_THAT(cut.status().message(), HasSubstr("save it as .docx"));
}

// Told the wrong format, the reader's error says what the bytes are.
TEST(ParseDocument, AFormatTheBytesBelieNamesTheirs) {
  ParseOptions as_doc;
  as_doc.input_format = "doc";
  auto page = ParseDocument(Doc("<html><body><p>年报</p></body></html>", "a.doc"), as_doc);
  ASSERT_FALSE(page.ok());
  EXPECT_THAT(page.status().message(), HasSubstr("its bytes are html, not doc: send it as html"));
  ParseOptions as_pdf;
  as_pdf.input_format = "pdf";
  auto mht = ParseDocument(
      Doc("MIME-Version: 1.0\nContent-Type: text/html\n\n<p>年报</p>", "a.pdf"), as_pdf);
  ASSERT_FALSE(mht.ok());
  EXPECT_THAT(mht.status().message(), HasSubstr("its bytes are mhtml"));
  auto garbage = ParseDocument(Doc("\x01\x02\x03 not a word file", "a.doc"), as_doc);
  ASSERT_FALSE(garbage.ok());
  EXPECT_THAT(garbage.status().message(), ::testing::Not(HasSubstr("its bytes are")));
}

// Pipe rows among a page's lines, each row a line of its own (text with
// <br> at every line end, read as HTML), are read as the table they are.
TEST(ParseDocument, PipeRowsInAPageOfLinesAreATable) {
  std::string text;
  for (const char* line : {"某县某局2023年政府信息公开工作年度报告", "一、总体情况", "本年度工作。",
                           "首页 | 政务公开 | 年度报告", "二、主动公开政府信息情况", "第二十条第(一)项 | |||",
                           "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "规章 | 0 | 0 | 0 |",
                           "行政规范性文件 | 2 | 1 | 7 |"}) {
    text = text + line + "<br>\n";
  }
  auto r = ParseDocument(Doc(text, "r.txt"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().input_format(), "html");
  const auto* c = FindCell(r->tables(), "t2.normative_documents.in_force");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(CellValueString(*c), "7");
  // a pasted cell's span is its line's (from the line break before it)
  EXPECT_EQ(text.substr(c->span().source_begin(), c->span().source_end() - c->span().source_begin()),
            "\n行政规范性文件 | 2 | 1 | 7 |");
  // the breadcrumb is no statistics table: it stays text of its section
  bool breadcrumb_kept = false;
  for (const auto& sec : r->sections()) breadcrumb_kept |= sec.text().find("首页 | 政务公开") != std::string::npos;
  EXPECT_TRUE(breadcrumb_kept);
}

TEST(ParseStructuredReport, JsonAcceptsBothFieldNameStyles) {
  auto a = ParseStructuredReport(
      R"({"meta": {"report_year": 2023, "format_version": "FORMAT_2021"},
          "tables": {"t3": {"new_received": {"total": {"presence": "NUMBER", "value": "5"}}}}})",
      "a.json", "report-json");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->meta().report_year(), 2023);
  EXPECT_EQ(CellValueString(*FindCell(a->tables(), "t3.new_received.total")), "5");
  auto b = ParseStructuredReport(R"({"meta": {"reportYear": 2022}})", "b.json", "report-json");
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->meta().report_year(), 2022);
}

TEST(ParseStructuredReport, JsonErrorsNameFileAndField) {
  auto unknown = ParseStructuredReport(R"({"meta": {"no_such_field": 1}})", "bad.json", "report-json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("bad.json"));
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("no_such_field"));
  auto bad_enum = ParseStructuredReport(R"({"meta": {"format_version": "FORMAT_1999"}})", "e.json",
                                        "report-json");
  ASSERT_FALSE(bad_enum.ok());
  EXPECT_THAT(std::string(bad_enum.status().message()), HasSubstr("e.json"));
}

TEST(ParseStructuredReport, TextprotoErrorsNameFileLineAndColumn) {
  auto ok = ParseStructuredReport("meta {\n  report_year: 2021\n}\n", "r.textproto",
                                  "report-textproto");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->meta().report_year(), 2021);
  auto bad = ParseStructuredReport("meta {\n  report_year: 2021\n  bogus: 1\n}\n", "r.textproto",
                                   "report-textproto");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("r.textproto:3:"));
  auto bad_enum = ParseStructuredReport("meta { script: KLINGON }", "s.textproto", "report-textproto");
  ASSERT_FALSE(bad_enum.ok());
  EXPECT_THAT(std::string(bad_enum.status().message()), HasSubstr("s.textproto:1:"));
}

TEST(ParseDocument, UnreadableInputIsInvalidArgument) {
  auto empty = ParseDocument(Doc("", "x.pdf"));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  auto not_docx = ParseDocument(Doc(std::string("PK\x03\x04garbage-not-a-zip", 22), "x.docx"));
  ASSERT_FALSE(not_docx.ok());
  EXPECT_EQ(not_docx.status().code(), absl::StatusCode::kInvalidArgument);
  auto bad_pdf = ParseDocument(Doc("%PDF-1.4 truncated", "x.pdf"));
  ASSERT_FALSE(bad_pdf.ok());
  EXPECT_EQ(bad_pdf.status().code(), absl::StatusCode::kInvalidArgument);
  auto unknown = ParseDocument(Doc("text"), ParseOptions{"uof"});
  ASSERT_FALSE(unknown.ok());
}

// Files sent in a report's place that xxgk cannot read: the answer says what
// the file is and what to send instead, whatever its name or declared type.
TEST(ParseDocument, KnownBinaryFilesAreNamedWithWhatToSendInstead) {
  struct Case {
    std::string bytes;
    const char* says;
  };
  const Case cases[] = {
      // read as .doc whatever the name says; this one is all zeros
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'),
       "the compound file is damaged"},
      {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "PNG image"},
      {std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10), "JPEG image"},
      {"GIF89a....", "GIF image"},
      {std::string("II*\0\x08\0\0\0", 8), "TIFF image"},
      {std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), "WebP image"},
      {std::string("Rar!\x1A\x07\x01\0", 8), "RAR archive"},
      {std::string("7z\xBC\xAF\x27\x1C\0\x04", 8), "7z archive"},
      {std::string("\x1F\x8B\x08\0", 4), "gzip archive"},
      {"BZh91AY&SY", "bzip2 archive"},
      {std::string("\xFD" "7zXZ\0", 6), "xz archive"},
  };
  for (const Case& c : cases) {
    for (const auto& [name, type] : {std::pair<const char*, const char*>{"report.txt", ""},
                                     {"report.html", "text/html"},
                                     {"", "text/plain"}}) {
      auto r = ParseDocument(Doc(c.bytes, name, type));
      ASSERT_FALSE(r.ok()) << c.says << " as " << name << " " << type;
      EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
      const std::string msg(r.status().message());
      EXPECT_THAT(msg, HasSubstr(c.says));
      EXPECT_THAT(msg, HasSubstr(*name ? name : "<input>"));
      EXPECT_THAT(msg, ::testing::AnyOf(HasSubstr("send that"), HasSubstr("send the report as"),
                                        HasSubstr("send each report")));
    }
  }
  // Text that merely starts with such letters is text, and a file too short
  // to hold a whole signature is judged by what it holds.
  auto text = ParseDocument(Doc("GIF文件格式说明\n一、总体情况\n", "r.txt"));
  EXPECT_TRUE(text.ok()) << text.status();
  for (const char* short_file : {"RIFF", "RIFF\x10", "Rar!", "\x89PNG", "7z"}) {
    auto r = ParseDocument(Doc(short_file, "r.txt"));
    EXPECT_TRUE(r.ok()) << short_file << ": " << r.status();
  }
}

TEST(ParseDocument, NoiseIsNotReadAsAReport) {
  std::string noise;
  uint32_t x = 99;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245u + 12345u;
    noise.push_back(static_cast<char>(x >> 24));
  }
  auto r = ParseDocument(Doc(noise, "scan.txt"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("scan.txt: cannot read as text: the bytes are not text"));
}

// A long text with many damaged bytes still reads, with twenty notes of the
// kind listed and the rest counted in the twentieth, placed on its line.
// A landing page that links the report's PDF (or shows it as pictures) is
// noted as holding no report text, naming the attachment; a report page
// that also links a PDF copy is not.
TEST(ParseDocument, PageWithOnlyAnAttachmentSaysWhereTheReportIs) {
  // the excerpts of the page's NO_REPORT_TEXT notes
  auto notes = [](const std::string& body) {
    auto r = ParseDocument(Doc("<html><body>" + body + "</body></html>", "page.html"), {});
    EXPECT_TRUE(r.ok()) << r.status();
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const auto& note : r->notes()) {
      if (note.kind() == xxgk::v1::ReadingNote::NO_REPORT_TEXT) out.push_back(note.excerpt());
    }
    return out;
  };
  const std::string title = "<p>某县2024年政府信息公开工作年度报告</p>";
  EXPECT_THAT(notes(title + "<p>附件:<a href=\"/a.pdf\">某县2024年年度报告.pdf</a></p>"),
              ::testing::ElementsAre("某县2024年年度报告.pdf"));
  EXPECT_THAT(notes(title + "<img src=\"1.jpg\"><img src=\"2.jpg\">"), ::testing::ElementsAre("2张图片"));
  // the report shown in a PDF viewer inside the page
  EXPECT_THAT(notes(title + "<iframe src=\"/pdfjs/viewer.html?file=/u/nb2024.pdf\"></iframe>"),
              ::testing::ElementsAre("nb2024.pdf"));
  EXPECT_THAT(notes("<p>一、总体情况</p><p>本年度主动公开信息12条。</p>"
                    "<p>附件:<a href=\"/a.pdf\">年度报告.pdf</a></p>"),
              ::testing::IsEmpty());
}

TEST(ParseDocument, ManyDamagedBytesGiveTwentyNotes) {
  const std::string line = Gb18030(
      "2023年，本机关共收到政府信息公开申请21件，全部按期答复。主动公开政府信息情况良好。\n");
  std::string doc;
  for (int i = 0; i < 60; ++i) doc += line + "\xFF" + line;
  auto r = ParseDocument(Doc(doc, "r.txt"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().encoding(), "GB18030");
  int invalid = 0;
  uint32_t more = 0;
  for (const auto& n : r->notes()) {
    if (n.kind() != xxgk::v1::ReadingNote::INVALID_BYTES) continue;
    ++invalid;
    more += n.more_places();
    EXPECT_GT(n.span().line(), 0u) << "placed on its line";
  }
  EXPECT_EQ(invalid, 20);
  EXPECT_EQ(more, 40u);
}

// One note per damaged place: the decoder's (with the bytes), not a second
// one from normalisation for the U+FFFD it wrote; a U+FFFD the file itself
// holds is still noted. Every note has a line.
TEST(ParseDocument, EachReplacedByteIsNotedOnceOnItsLine) {
  const std::string line1 = Gb18030("一、总体情况\n");
  const std::string line2 = Gb18030("本年度共收到申请21件。\n");
  const std::string rest = Gb18030(
      "2023年，本机关共收到政府信息公开申请21件，全部按期答复。主动公开政府信息情况良好。\n"
      "二、主动公开政府信息情况\n本机关通过政府网站主动公开政府信息一百余条。\n");
  auto r = ParseDocument(
      Doc(line1 + line2.substr(0, 8) + "\xFF" + line2.substr(8) + rest, "r.txt"));
  int invalid = 0;
  for (const auto& n : r->notes()) {
    EXPECT_NE(n.kind(), xxgk::v1::ReadingNote::MOJIBAKE) << n.ShortDebugString();
    if (n.kind() != xxgk::v1::ReadingNote::INVALID_BYTES) continue;
    ++invalid;
    EXPECT_EQ(n.span().line(), 2u);
    EXPECT_EQ(n.excerpt(), "FF");
    EXPECT_EQ(r->text().substr(n.span().begin(), n.span().end() - n.span().begin()),
              "本年度共\xEF\xBF\xBD收到申请21件。");
  }
  EXPECT_EQ(invalid, 1);

  auto literal = ParseDocument(Doc("一、总体情况\n本年度共\xEF\xBF\xBD\xEF\xBF\xBD收到申请。\n", "u.txt"));
  ASSERT_TRUE(literal.ok()) << literal.status();
  ASSERT_EQ(literal->notes_size(), 1);
  EXPECT_EQ(literal->notes(0).kind(), xxgk::v1::ReadingNote::MOJIBAKE);
  EXPECT_EQ(literal->notes(0).span().line(), 2u);
}

TEST(ParseDocument, TextDocumentEndToEnd) {
  std::string text =
      "某县某局2023年政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "本年度工作。\n"
      "二、主动公开政府信息情况\n"
      "第二十条第(一)项 | |||\n"
      "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
      "规章 | 0 | 0 | 0 |\n"
      "行政规范性文件 | 2 | 1 | 7 |\n";
  auto r = ParseDocument(Doc(text, "r.txt"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().input_format(), "text");
  EXPECT_EQ(r->source().file_name(), "r.txt");
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t2.normative_documents.in_force")), "7");
  EXPECT_EQ(r->meta().format_version(), xxgk::v1::FORMAT_2021);
  const auto* c = FindCell(r->tables(), "t2.normative_documents.issued");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(text.substr(c->span().source_begin(), c->span().source_end() - c->span().source_begin()),
            "2");
  // a forced format wins over sniffing
  auto forced = ParseDocument(Doc("meta {}", "r.txt"), ParseOptions{"text"});
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced->source().input_format(), "text");
}

// The warm-up sample must go through every path that builds a table on first
// use: traditional→simplified conversion, the gazetteer (region from the
// title), section headings, table mapping and prose figures.
TEST(WarmUp, SampleExercisesEveryLazilyBuiltPath) {
  auto r = WarmUp();
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->meta().script(), xxgk::v1::TRADITIONAL);
  EXPECT_THAT(r->text(), HasSubstr("海淀区人民政府2023年政府资讯公开工作年度报告\n发布日期"));  // simplified
  EXPECT_EQ(r->meta().region_code(), "110108");
  EXPECT_EQ(r->meta().report_year(), 2023);
  EXPECT_EQ(r->sections_size(), 6);
  ASSERT_NE(FindCell(r->tables(), "t2.rules.in_force"), nullptr);
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t2.rules.in_force")), "5");
  EXPECT_GT(r->facts_size(), 0);
  // Idempotent: a second call reads the same.
  auto again = WarmUp();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->SerializeAsString(), r->SerializeAsString());
}

TEST(ParseDocument, WhitespaceAlignedTableThreeFromText) {
  std::string text =
      "三、收到和处理政府信息公开申请情况\n"
      "本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和    申请人情况\n"
      "一、本年新收政府信息公开申请数量    3    1    0    0    0    0    4\n"
      "二、上年结转政府信息公开申请数量    0    0    0    0    0    0    0\n"
      "三、本年度办理结果    (一)予以公开    2    1    0    0    0    0    3\n"
      "(七)总计    3    1    0    0    0    0    4\n"
      "四、结转下年度继续办理    0    0    0    0    0    0    0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = ParseDocument(Doc(text, "aligned.txt"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->tables().t3().info().source_kind(), "text-aligned");
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t3.new_received.total")), "4");
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t3.result.granted.commercial_enterprise")), "1");
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t3.result.total.natural_person")), "3");
  EXPECT_EQ(r->sections_size(), 2);
}

}  // namespace
}  // namespace xxgk::report
