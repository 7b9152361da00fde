// ReadHtml: block elements → lines, <table> → expanded grids, skipped
// elements, entities, charsets, layout tables.
#include <unicode/ucnv.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/readers.h"
#include "tests/report/fixtures/read_view.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using xxgk::testing::Lines;
using xxgk::testing::Tables;
using xxgk::testing::RowTexts;

TEST(HtmlReader, BlockElementsBecomeLinesAndInlineTextJoins) {
  auto r = ReadHtml(
      "<html><body><h1>标题</h1><div>第一段<b>加粗</b>文字</div>"
      "<p>甲<br>乙</p><ul><li>一项</li><li>二项</li></ul></body></html>");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("标题", "第一段加粗文字", "甲", "乙", "一项", "二项"));
  EXPECT_EQ(r->source.input_format(), "html");
}

TEST(HtmlReader, SkipsScriptStyleNavAndHiddenElements) {
  auto r = ReadHtml(
      "<html><head><title>页面标题</title><style>p{color:red}</style></head><body>"
      "<script>document.write('脚本文字')</script><nav>导航栏</nav>"
      "<div style=\"DISPLAY: none\">隐藏一</div><div hidden>隐藏二</div>"
      "<div style='visibility:hidden'>隐藏三</div><noscript>无脚本</noscript>"
      "<p>正文内容</p></body></html>");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("正文内容"));
}

// A portal that shows the report's title only in the window title: the
// <title>, cut after its last 报告 (the portal's name dropped), becomes the
// first line; a page whose body states it, or a <title> naming no report,
// gets no extra line.
TEST(HtmlReader, PageTitleBecomesTheFirstLineWhenTheBodyLacksIt) {
  auto only_head = ReadHtml(
      "<html><head><title>某县民政局2024年政府信息公开工作年度报告_某县人民政府门户网站</title>"
      "</head><body><p>一、总体情况</p><p>正文。</p></body></html>");
  ASSERT_TRUE(only_head.ok()) << only_head.status();
  EXPECT_THAT(Lines(*only_head),
              ElementsAre("某县民政局2024年政府信息公开工作年度报告", "一、总体情况", "正文。"));
  EXPECT_GT(only_head->blocks[0].source_end, only_head->blocks[0].source_begin);

  auto in_body = ReadHtml(
      "<html><head><title>某县民政局2024年政府信息公开工作年度报告-门户</title></head><body>"
      "<h2>某县民政局2024年政府信息公开工作年度报告</h2><p>正文。</p></body></html>");
  ASSERT_TRUE(in_body.ok()) << in_body.status();
  EXPECT_THAT(Lines(*in_body), ElementsAre("某县民政局2024年政府信息公开工作年度报告", "正文。"));

  // the body states it, but after a line naming another report (a sidebar
  // entry with more than a link): the <title> goes first, so that it is
  // the title read
  auto sidebar = ReadHtml(
      "<html><head><title>某县民政局2024年政府信息公开工作年度报告</title></head><body>"
      "<p><a href=\"/2023.html\">某县民政局2023年政府信息公开工作年度报告</a> 阅读:120</p>"
      "<h2>某县民政局2024年政府信息公开工作年度报告</h2><p>正文。</p></body></html>");
  ASSERT_TRUE(sidebar.ok()) << sidebar.status();
  EXPECT_THAT(Lines(*sidebar), ElementsAre("某县民政局2024年政府信息公开工作年度报告",
                                           "某县民政局2023年政府信息公开工作年度报告阅读:120",
                                           "某县民政局2024年政府信息公开工作年度报告", "正文。"));

  auto no_report = ReadHtml(
      "<html><head><title>某县人民政府门户网站</title></head><body><p>正文。</p></body></html>");
  ASSERT_TRUE(no_report.ok()) << no_report.status();
  EXPECT_THAT(Lines(*no_report), ElementsAre("正文。"));
}

// Lines that are nothing but links, dates aside (a sidebar listing other
// years' reports, a menu, a table of contents) are navigation, not the report: they are not
// read, so their titles and years are not taken for this report's. A line
// with text besides its link, and anchors without href, are read.
TEST(HtmlReader, LinkOnlyLinesAreNavigationAndNotRead) {
  auto r = ReadHtml(
      "<html><body><div class=\"left\"><ul>"
      "<li><a href=\"/nb/2022.html\">某县2022年政府信息公开工作年度报告</a></li>"
      "<li><a href=\"/nb/2021.html\"> <b>某县2021年</b>政府信息公开工作年度报告</a>&nbsp;</li>"
      "<li><a href=\"/nb/2020.html\">某县2020年政府信息公开工作年度报告</a><span>[2021-01-20]</span></li>"
      "</ul></div>"
      "<h1>某县2023年政府信息公开工作年度报告</h1><p><a name=\"s1\">一、总体情况</a></p>"
      "<p><a href=\"javascript:void(0)\">二、主动公开政府信息情况</a></p>"
      "<p>上一篇:<a href=\"/nb/2022.html\">某县2022年报</a></p></body></html>");
  ASSERT_TRUE(r.ok()) << r.status();
  // a part's heading made a link is kept
  EXPECT_THAT(Lines(*r), ElementsAre("某县2023年政府信息公开工作年度报告", "一、总体情况",
                                     "二、主动公开政府信息情况", "上一篇:某县2022年报"));
}

// Links to attached files are listed by their text (by file name when they
// have none), other links are not; visible images are counted.
TEST(HtmlReader, AttachmentLinksAndImagesAreListed) {
  auto r = ReadHtml(
      "<html><body><p>附件:<a href=\"/u/2024nb.PDF?v=1\">某县2024年年度报告.pdf</a></p>"
      "<p><a href=\"/files/tables.docx\"></a><a href=\"/index.html\">首页</a>"
      "<a href=\"/x.zip#top\">打包</a></p><img src=\"a.jpg\"><div hidden><img src=\"b.jpg\"></div>"
      "</body></html>");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->attachments, ElementsAre("某县2024年年度报告.pdf", "tables.docx", "打包"));
  EXPECT_EQ(r->images, 1u);
}

// A document shown inside the page (a PDF viewer in an <iframe>, an
// <embed> or <object>) is listed by its file name; a viewer given the file
// as its file= parameter names it there.
TEST(HtmlReader, EmbeddedDocumentsAreListedByFileName) {
  auto r = ReadHtml(
      "<html><body><p>某县2024年政府信息公开工作年度报告</p>"
      "<iframe src=\"/pdfjs/web/viewer.html?file=%2Fupload%2F2024%E5%B9%B4%E6%8A%A5.pdf#page=1\">"
      "</iframe><embed src=\"/u/report.PDF\" type=\"application/pdf\">"
      "<object data=\"/u/nb.ofd\"></object><iframe src=\"/video.html\"></iframe>"
      "<iframe src=\"/viewer.html?lang=zh&file=/u/a.rtf\"></iframe></body></html>");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->attachments, ElementsAre("2024年报.pdf", "report.PDF", "nb.ofd", "a.rtf"));
}

TEST(HtmlReader, DecodesEntitiesAndCollapsesWhitespace) {
  auto r = ReadHtml("<p>A&amp;B&nbsp;&nbsp;C&#x4E00;&#20108;  \n  D</p>");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("A&B C一二 D"));
}

TEST(HtmlReader, ExpandsRowspanAndColspan) {
  auto r = ReadHtml(
      "<p>表头说明</p><table>"
      "<tr><td rowspan=2>甲</td><td colspan=2>乙</td></tr>"
      "<tr><td>1</td><td> 2 </td></tr>"
      "<tr><td>丙</td><td>3</td></tr>"
      "</table>");
  ASSERT_TRUE(r.ok()) << r.status();
  auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  const TableGrid& t = *tables[0];
  EXPECT_EQ(t.source_kind, "html");
  EXPECT_EQ(t.caption, "表头说明");
  ASSERT_EQ(t.rows.size(), 3u);
  for (const auto& row : t.rows) EXPECT_EQ(row.size(), 3u);
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("甲", "乙", "乙"));
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("甲", "1", "2"));
  EXPECT_THAT(RowTexts(t, 2), ElementsAre("丙", "3", ""));
  EXPECT_EQ(t.rows[0][0].row_span, 2);
  EXPECT_FALSE(t.rows[0][0].continuation);
  EXPECT_TRUE(t.rows[1][0].continuation);
  EXPECT_EQ(t.rows[0][1].col_span, 2);
  EXPECT_TRUE(t.rows[0][2].continuation);
  EXPECT_FALSE(t.rows[2][2].continuation);
}

// A statistics table rendered as a form (a filing system's page) shows its
// numbers in text boxes: a text or number box holding a number or an NA
// mark is read as the cell's value, before any text beside it; a search
// box's prompt, a hidden field, a checkbox and a box outside any table are
// not.
TEST(HtmlReader, NumbersInATablesTextBoxesAreItsValues) {
  auto r = ReadHtml(
      "<form><input type=\"text\" value=\"12\"></form><table>"
      "<tr><td>规章</td><td><input type=\"text\" value=\" 12 \" readonly></td>"
      "<td><input type=NUMBER value=\"3\"> 件</td><td><input value=\"/\"></td></tr>"
      "<tr><td><input type=\"text\" value=\"请输入关键字\"></td>"
      "<td><input type=\"hidden\" value=\"5\"></td>"
      "<td><input type=\"checkbox\" value=\"1\"></td><td><span><input value=\"0\"></span></td></tr>"
      "</table>");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ::testing::IsEmpty());
  auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_THAT(RowTexts(*tables[0], 0), ElementsAre("规章", "12", "3 件", "/"));
  EXPECT_THAT(RowTexts(*tables[0], 1), ElementsAre("", "", "", "0"));
}

// A <caption> is the table's own (no line of the text), with its place in
// the page; without one, the line above stands for it.
TEST(HtmlReader, ACaptionIsTheTablesOwn) {
  const std::string page =
      "<p>上一行</p><table><caption> <b>二、主动公开政府信息情况</b> </caption>"
      "<tr><td>信息内容</td><td>本年制发件数</td></tr></table>";
  auto r = ReadHtml(page);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("上一行"));
  auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  const TableGrid& t = *tables[0];
  EXPECT_EQ(t.caption, "二、主动公开政府信息情况");
  EXPECT_TRUE(t.caption_own);
  const std::string placed = page.substr(t.caption_begin, t.caption_end - t.caption_begin);
  EXPECT_THAT(placed, HasSubstr("二、主动公开政府信息情况"));
  EXPECT_THAT(placed, Not(HasSubstr("caption")));

  auto above = ReadHtml("<p>上一行</p><table><tr><td>甲</td></tr></table>");
  ASSERT_TRUE(above.ok()) << above.status();
  ASSERT_EQ(Tables(*above).size(), 1u);
  EXPECT_EQ(Tables(*above)[0]->caption, "上一行");
  EXPECT_FALSE(Tables(*above)[0]->caption_own);
}

// A page saved from Word keeps Word's sliver grid columns as colspans: the
// same logical column is one cell wide in some rows and two in others, or
// a heading starts on the sliver that a value spans. The sliver is no
// column, so each value stays under its heading.
TEST(HtmlReader, ASliverColumnFromWordIsNoColumn) {
  // A row of cells; "*" after a cell's text spans it over two columns.
  auto row = [](std::vector<std::string> cells) {
    std::string out = "<tr>";
    for (const std::string& c : cells) {
      const bool two = !c.empty() && c.back() == '*';
      absl::StrAppend(&out, two ? "<td colspan=2>" : "<td>", two ? c.substr(0, c.size() - 1) : c,
                      "</td>");
    }
    return out + "</tr>";
  };
  auto r = ReadHtml(absl::StrCat(
      "<table><tr><td colspan=3>行政复议</td><td colspan=2>行政诉讼</td></tr>",
      row({"结果维持", "总计*", "结果维持", "总计"}), row({"3", "5*", "1", "2"}), "</table><table>",
      row({"申请人", "自然人*", "商业企业"}), row({"新收", "47*", "2"}), "</table>"));
  ASSERT_TRUE(r.ok()) << r.status();
  auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_THAT(RowTexts(*tables[0], 0), ElementsAre("行政复议", "行政复议", "行政诉讼", "行政诉讼"));
  EXPECT_THAT(RowTexts(*tables[0], 1), ElementsAre("结果维持", "总计", "结果维持", "总计"));
  EXPECT_THAT(RowTexts(*tables[0], 2), ElementsAre("3", "5", "1", "2"));
  EXPECT_EQ(tables[0]->rows[0][0].col_span, 2);
  EXPECT_THAT(RowTexts(*tables[1], 0), ElementsAre("申请人", "自然人", "商业企业"));
  EXPECT_THAT(RowTexts(*tables[1], 1), ElementsAre("新收", "47", "2"));
  EXPECT_EQ(tables[1]->rows[1][1].col_span, 1);
}

TEST(HtmlReader, CellTextJoinsParagraphsAndIsNormalised) {
  auto r = ReadHtml(
      "<table><tr><td><p>商业</p><p>企业</p></td><td>１２</td></tr></table>");
  ASSERT_TRUE(r.ok()) << r.status();
  auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_THAT(RowTexts(*tables[0], 0), ElementsAre("商业企业", "12"));
}

TEST(HtmlReader, LayoutTableAroundDataTableKeepsTheDataTable) {
  auto r = ReadHtml(
      "<table><tr><td>网站名称</td></tr><tr><td><p>报告正文</p>"
      "<table><tr><td>规章</td><td>5</td></tr><tr><td>行政许可</td><td>7</td></tr></table>"
      "<p>结尾</p></td></tr></table>");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("网站名称", "报告正文", "结尾"));
  auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0]->rows.size(), 2u);
  EXPECT_THAT(RowTexts(*tables[0], 1), ElementsAre("行政许可", "7"));
  // Reading order: the table sits between the lines around it.
  ASSERT_EQ(r->blocks.size(), 4u);
  EXPECT_EQ(r->blocks[2].kind, Block::Kind::kTable);
}

TEST(HtmlReader, RowspanIsClippedAtTheLastRow) {
  auto r = ReadHtml("<table><tr><td rowspan=100000>甲</td><td>1</td></tr>"
                    "<tr><td>2</td></tr></table>");
  ASSERT_TRUE(r.ok()) << r.status();
  auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0]->rows.size(), 2u);
  EXPECT_EQ(tables[0]->rows[0][0].row_span, 2);
  EXPECT_THAT(RowTexts(*tables[0], 1), ElementsAre("甲", "2"));
}

std::string ToEncoding(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(n);
  return out;
}

TEST(HtmlReader, HonoursMetaCharset) {
  const std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
      "</head><body><p>政府信息公开工作年度报告</p></body></html>";
  auto r = ReadHtml(ToEncoding(html, "GBK"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("政府信息公开工作年度报告"));
  EXPECT_NE(r->source.encoding(), "UTF-8");
}

TEST(HtmlReader, DetectsEncodingWithoutDeclaration) {
  const std::string html =
      "<html><body><p>本报告根据《中华人民共和国政府信息公开条例》编制，"
      "报告中所列数据统计期限自2024年1月1日起至12月31日。</p></body></html>";
  auto r = ReadHtml(ToEncoding(html, "GB18030"));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(Lines(*r).size(), 1u);
  EXPECT_NE(Lines(*r)[0].find("政府信息公开条例"), std::string::npos);
}

TEST(HtmlReader, TraditionalScriptIsConvertedAndRecorded) {
  auto r = ReadHtml("<p>政府資訊公開工作年度報告</p><p>收到和處理政府資訊公開申請情況</p>");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("政府资讯公开工作年度报告", "收到和处理政府资讯公开申请情况"));
  EXPECT_EQ(r->script, xxgk::v1::TRADITIONAL);
}

TEST(HtmlReader, LineOffsetsPointIntoTheDecodedText) {
  const std::string html = "<div>页首</div><p>第二行</p>";
  auto r = ReadHtml(html);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->blocks.size(), 2u);
  const Block& b = r->blocks[1];
  EXPECT_EQ(html.substr(b.source_begin, b.source_end - b.source_begin), "第二行");
}

TEST(HtmlReader, EmptyAndDeeplyNestedInputDoNotFail) {
  auto empty = ReadHtml("");
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_THAT(empty->blocks, IsEmpty());
  std::string deep;
  for (int i = 0; i < 1500; ++i) deep += "<div><span>";
  deep += "深处";
  auto r = ReadHtml(deep);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("深处"));
}

}  // namespace
}  // namespace xxgk::report
