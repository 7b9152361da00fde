// ReadDocx: paragraphs, runs, tabs and breaks; tables with gridSpan and
// vMerge; nested tables; rejecting archives without a document and zip bombs.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/readers.h"
#include "tests/report/fixtures/read_view.h"
#include "tests/report/fixtures/zip_writer.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using xxgk::testing::Lines;
using xxgk::testing::MakeZip;
using xxgk::testing::NoTextLayerNotes;
using xxgk::testing::RowTexts;

std::string Document(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body>" +
         body + "</w:body></w:document>";
}

std::string P(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }
std::string R(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
std::string Tc(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + P(R(text)) + "</w:tc>";
}

absl::StatusOr<ReadResult> ReadBody(const std::string& body) {
  return ReadDocx(MakeZip({{"[Content_Types].xml", "<Types/>"},
                           {"word/document.xml", Document(body)}}));
}

// Pictures, each counted once: mc:Fallback's copy of a drawing is not
// another picture.
std::string Pictures() {
  const std::string pic =
      "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"/>";
  return P("<w:r><w:drawing>" + pic + "</w:drawing></w:r>") +
         P("<w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/"
           "2006\"><mc:Choice Requires=\"wps\"><w:drawing>" + pic + "</w:drawing></mc:Choice>"
           "<mc:Fallback><w:pict>" + pic + "</w:pict></mc:Fallback></mc:AlternateContent></w:r>");
}

TEST(DocxReader, PicturesAreCountedOnceEach) {
  auto r = ReadBody(P(R("标题")) + Pictures());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->images, 2u);
}

// A .docx of a title and pictures of the pages (a scan pasted into Word) is
// noted as holding no report text; one whose text has the report's parts, or
// much text of its own, is not, whatever pictures it also holds.
TEST(DocxReader, AFileOfPicturesIsNotedAsHoldingNoText) {
  auto notes = [](const std::string& body) {
    return NoTextLayerNotes(
        MakeZip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", Document(body)}}),
        "report.docx");
  };
  EXPECT_THAT(notes(P(R("某县民政局2024年政府信息公开工作年度报告")) + Pictures()),
              ElementsAre(HasSubstr("2张图片 the docx file holds no report text, only 2 pictures")));
  EXPECT_THAT(notes(P(R("一、总体情况")) + P(R("本年度主动公开信息12条。")) + Pictures()),
              ::testing::IsEmpty());
  // a report whose headings were not recognised, with its seal as a picture
  std::string prose;
  for (int i = 0; i < 40; ++i) prose += P(R("本机关本年度共办理政府信息公开申请若干件，均按时答复。"));
  EXPECT_THAT(notes(P(R("某县民政局2024年政府信息公开工作年度报告")) + prose + Pictures()),
              ::testing::IsEmpty());
}

TEST(DocxReader, ParagraphsRunsTabsAndBreaks) {
  auto r = ReadBody(P(R("政府信息") + R("公开")) + P(R("A") + "<w:r><w:tab/></w:r>" + R("B")) +
                    P(R("第一行") + "<w:r><w:br/></w:r>" + R("第二行")) + P("") +
                    P("<w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>") +
                    P("<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>" + R("可见")) +
                    P("<w:r><w:instrText>PAGE</w:instrText></w:r>" +
                      std::string("<w:r><w:delText>删除</w:delText></w:r>") + R("保留")));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r),
              ElementsAre("政府信息公开", "A B", "第一行", "第二行", "链接文字", "可见", "保留"));
  EXPECT_EQ(r->source.input_format(), "docx");
}

TEST(DocxReader, GridSpanAndVMergeExpand) {
  const std::string table =
      "<w:tbl>"
      "<w:tr>" + Tc("甲", "<w:vMerge w:val=\"restart\"/>") + Tc("乙", "<w:gridSpan w:val=\"2\"/>") +
      "</w:tr>"
      "<w:tr>" + Tc("", "<w:vMerge/>") + Tc("1") + Tc("2") + "</w:tr>"
      "<w:tr>" + Tc("", "<w:vMerge w:val=\"continue\"/>") + Tc("3") + Tc("4") + "</w:tr>"
      "<w:tr>" + Tc("丙") + Tc("5") + "</w:tr>"
      "</w:tbl>";
  auto r = ReadBody(P(R("表格标题")) + table);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->blocks.size(), 2u);
  ASSERT_EQ(r->blocks[1].kind, Block::Kind::kTable);
  const TableGrid& t = r->blocks[1].table;
  EXPECT_EQ(t.source_kind, "docx");
  EXPECT_EQ(t.caption, "表格标题");
  ASSERT_EQ(t.rows.size(), 4u);
  for (const auto& row : t.rows) EXPECT_EQ(row.size(), 3u);
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("甲", "乙", "乙"));
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("甲", "1", "2"));
  EXPECT_THAT(RowTexts(t, 2), ElementsAre("甲", "3", "4"));
  EXPECT_THAT(RowTexts(t, 3), ElementsAre("丙", "5", ""));
  EXPECT_EQ(t.rows[0][0].row_span, 3);
  EXPECT_TRUE(t.rows[1][0].continuation);
  EXPECT_TRUE(t.rows[2][0].continuation);
  EXPECT_EQ(t.rows[0][1].col_span, 2);
  EXPECT_TRUE(t.rows[0][2].continuation);
  EXPECT_FALSE(t.rows[3][0].continuation);
}

// Word 2003 XML: the same body under w:wordDocument, parts of it inside
// wx:sect, a vertical merge spelled w:vmerge (continuing when it has no
// value); Word 2007+ flat XML: the .docx's document.xml inside a pkg:package.
// Both read as the .docx they hold.
TEST(WordXmlReader, Word2003AndFlatXmlReadLikeTheDocx) {
  const std::string table_2003 =
      "<w:tbl>"
      "<w:tr>" + Tc("甲", "<w:vmerge w:val=\"restart\"/>") + Tc("乙", "<w:gridSpan w:val=\"2\"/>") +
      "</w:tr>"
      "<w:tr>" + Tc("", "<w:vmerge/>") + Tc("1") + Tc("2") + "</w:tr>"
      "<w:tr>" + Tc("", "<w:vmerge w:val=\"continue\"/>") + Tc("3") + Tc("4") + "</w:tr>"
      "</w:tbl>";
  auto word_2003 = ReadWordXml(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<?mso-application progid=\"Word.Document\"?>"
      "<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\" "
      "xmlns:wx=\"http://schemas.microsoft.com/office/word/2003/auxHint\"><w:body><wx:sect>" +
      P(R("表格标题")) + "<wx:sub-section>" + table_2003 + P(R("A") + "<w:r><w:tab/></w:r>" + R("B")) +
      "</wx:sub-section><w:sectPr/></wx:sect></w:body></w:wordDocument>");
  ASSERT_TRUE(word_2003.ok()) << word_2003.status();
  EXPECT_EQ(word_2003->source.input_format(), "word-xml");
  EXPECT_THAT(Lines(*word_2003), ElementsAre("表格标题", "A B"));
  ASSERT_EQ(word_2003->blocks.size(), 3u);
  ASSERT_EQ(word_2003->blocks[1].kind, Block::Kind::kTable);
  const TableGrid& t = word_2003->blocks[1].table;
  EXPECT_EQ(t.caption, "表格标题");
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("甲", "乙", "乙"));
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("甲", "1", "2"));
  EXPECT_THAT(RowTexts(t, 2), ElementsAre("甲", "3", "4"));
  EXPECT_EQ(t.rows[0][0].row_span, 3);
  EXPECT_TRUE(t.rows[2][0].continuation);

  const std::string body = P(R("标题")) + "<w:tbl><w:tr>" + Tc("规章") + Tc("5") + "</w:tr></w:tbl>";
  auto flat = ReadWordXml(
      "<?xml version=\"1.0\"?><pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
      "<pkg:part pkg:name=\"/word/styles.xml\"><pkg:xmlData><w:styles/></pkg:xmlData></pkg:part>"
      "<pkg:part pkg:name=\"/word/document.xml\"><pkg:xmlData>" +
      Document(body).substr(Document(body).find("?>") + 2) + "</pkg:xmlData></pkg:part></pkg:package>");
  ASSERT_TRUE(flat.ok()) << flat.status();
  auto docx = ReadBody(body);
  ASSERT_TRUE(docx.ok()) << docx.status();
  EXPECT_EQ(Lines(*flat), Lines(*docx));
  ASSERT_EQ(flat->blocks.size(), 2u);
  EXPECT_THAT(RowTexts(flat->blocks[1].table, 0), ElementsAre("规章", "5"));
}

TEST(WordXmlReader, WhatIsNoWordDocumentSaysWhatItIs) {
  auto no_document = ReadWordXml(
      "<?xml version=\"1.0\"?><pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
      "<pkg:part pkg:name=\"/ppt/presentation.xml\"><pkg:xmlData><p/></pkg:xmlData></pkg:part></pkg:package>");
  ASSERT_FALSE(no_document.ok());
  EXPECT_THAT(no_document.status().message(), HasSubstr("PowerPoint presentation saved as XML"));
  auto other_root = ReadWordXml("<?xml version=\"1.0\"?><html><body/></html>");
  ASSERT_FALSE(other_root.ok());
  EXPECT_THAT(other_root.status().message(), HasSubstr("root element is <html>"));
  auto no_body = ReadWordXml(
      "<?xml version=\"1.0\"?><w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"/>");
  ASSERT_FALSE(no_body.ok());
  EXPECT_THAT(no_body.status().message(), HasSubstr("no w:body"));
}

TEST(DocxReader, CellParagraphsJoinIntoOneCellText) {
  const std::string table = "<w:tbl><w:tr><w:tc>" + P(R("商业")) + P(R("企业")) +
                            "</w:tc>" + Tc("７") + "</w:tr></w:tbl>";
  auto r = ReadBody(table);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->blocks.size(), 1u);
  EXPECT_THAT(RowTexts(r->blocks[0].table, 0), ElementsAre("商业企业", "7"));
}

std::string Sdt(const std::string& content) {
  return "<w:sdt><w:sdtPr><w:tag w:val=\"x\"/></w:sdtPr><w:sdtContent>" + content +
         "</w:sdtContent></w:sdt>";
}

// A repeating section wraps rows in content controls, and controls or
// custom XML can wrap cells: those rows and cells are read in their place.
TEST(DocxReader, RowsAndCellsInsideContentControlsAreRead) {
  const std::string table =
      "<w:tbl><w:tr>" + Tc("项目") + Tc("数量") + "</w:tr>" +
      Sdt("<w:tr>" + Tc("规章") + Tc("4") + "</w:tr>") +
      Sdt("<w:tr>" + Tc("规范性文件") + Sdt(Tc("7")) + "</w:tr>") +
      "<w:tr><w:customXml w:element=\"c\">" + Tc("合计") + "</w:customXml>" + Tc("11") +
      "</w:tr></w:tbl>";
  const std::vector<std::vector<std::string>> want = {
      {"项目", "数量"}, {"规章", "4"}, {"规范性文件", "7"}, {"合计", "11"}};
  auto r = ReadBody(table);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->blocks.size(), 1u);
  std::vector<std::vector<std::string>> got;
  for (size_t i = 0; i < r->blocks[0].table.rows.size(); ++i) {
    got.push_back(RowTexts(r->blocks[0].table, i));
  }
  EXPECT_EQ(got, want);
}

// A column edge a twip apart in different rows makes Word add a sliver grid
// column: here 数量's edge, which 数量 starts on and 规章 covers. Its width is
// no guide (writers equalise widths), so it goes because no cell stands on
// it alone; a narrow column one cell does stand on stays.
TEST(DocxReader, SliverGridColumnDoesNotSplitALogicalColumn) {
  const std::string grid =
      "<w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/>"
      "<w:gridCol w:w=\"2000\"/></w:tblGrid>";
  const std::string sliver =
      "<w:tbl>" + grid + "<w:tr>" + Tc("项目") +
      Tc("数量", "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>") + "</w:tr>"
      "<w:tr>" + Tc("一") + Tc("", "<w:gridSpan w:val=\"2\"/><w:vMerge/>") + "</w:tr>"
      "<w:tr>" + Tc("规章", "<w:gridSpan w:val=\"2\"/>") + Tc("4") + "</w:tr></w:tbl>";
  const std::string narrow =
      "<w:tbl><w:tblGrid><w:gridCol w:w=\"20\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>"
      "<w:tr>" + Tc("标题", "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
      "<w:tr>" + Tc("1") + Tc("规章") + "</w:tr></w:tbl>";
  auto r = ReadBody(sliver + P(R("间隔")) + narrow);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->blocks.size(), 3u);
  const TableGrid& t = r->blocks[0].table;
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("项目", "数量"));
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("一", "数量"));
  EXPECT_THAT(RowTexts(t, 2), ElementsAre("规章", "4"));
  EXPECT_FALSE(t.rows[0][1].continuation);
  EXPECT_EQ(t.rows[0][1].row_span, 2);
  EXPECT_EQ(t.rows[0][1].col_span, 1);
  EXPECT_EQ(t.rows[2][0].col_span, 1);
  const TableGrid& kept = r->blocks[2].table;
  EXPECT_THAT(RowTexts(kept, 0), ElementsAre("标题", "标题"));
  EXPECT_THAT(RowTexts(kept, 1), ElementsAre("1", "规章"));
}

// As a .doc saved as .docx: 总计 covers the 1-twip sliver, 行政诉讼 starts on
// it. Either of 总计's two grid columns could go, not both; the sliver, the
// narrow one by w:gridCol, goes and 行政复议 stays over 总计.
TEST(DocxReader, OfTwoColumnsThatCouldGoTheNarrowOneGoes) {
  std::string grid = "<w:tblGrid>";
  for (int w : {600, 599, 1, 600}) grid += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  grid += "</w:tblGrid>";
  const std::string span2 = "<w:gridSpan w:val=\"2\"/>";
  auto r = ReadBody("<w:tbl>" + grid + "<w:tr>" + Tc("行政复议", span2) + Tc("行政诉讼", span2) +
                    "</w:tr><w:tr>" + Tc("维持") + Tc("总计", span2) + Tc("维持") +
                    "</w:tr><w:tr>" + Tc("1") + Tc("1", span2) + Tc("2") + "</w:tr></w:tbl>");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->blocks.size(), 1u);
  const TableGrid& t = r->blocks[0].table;
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("行政复议", "行政复议", "行政诉讼"));
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("维持", "总计", "维持"));
  EXPECT_THAT(RowTexts(t, 2), ElementsAre("1", "1", "2"));
}

TEST(DocxReader, NestedTableInsideLayoutTable) {
  const std::string inner = "<w:tbl><w:tr>" + Tc("规章") + Tc("4") + "</w:tr></w:tbl>";
  const std::string outer = "<w:tbl><w:tr><w:tc>" + P(R("前言")) + inner + P(R("后记")) +
                            "</w:tc></w:tr></w:tbl>";
  auto r = ReadBody(outer);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->blocks.size(), 3u);
  EXPECT_EQ(r->blocks[0].text, "前言");
  ASSERT_EQ(r->blocks[1].kind, Block::Kind::kTable);
  EXPECT_THAT(RowTexts(r->blocks[1].table, 0), ElementsAre("规章", "4"));
  EXPECT_EQ(r->blocks[2].text, "后记");
}

// A text box (Word 2010's wps shape, with its VML copy in mc:Fallback)
// holding `content`, anchored in a paragraph after `before`.
std::string BoxParagraph(const std::string& before, const std::string& content) {
  const std::string box = "<w:txbxContent>" + content + "</w:txbxContent>";
  return P(R(before) +
           "<w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-"
           "compatibility/2006\"><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
           "<a:graphicData><wps:wsp><wps:txbx>" + box + "</wps:txbx></wps:wsp></a:graphicData>"
           "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
           "<v:textbox>" + box + "</v:textbox></v:shape></w:pict></mc:Fallback>"
           "</mc:AlternateContent></w:r>");
}

// A table in a text box is a table, read once (not again from mc:Fallback),
// after the text of the paragraph it is anchored in; so is one in a text box
// inside a table's cell, whose table then lays out the page (as a table
// holding a table does).
TEST(DocxReader, ATableInATextBoxIsATable) {
  const std::string inner = "<w:tbl><w:tr>" + Tc("规章") + Tc("4") + "</w:tr></w:tbl>";
  auto body = ReadBody(BoxParagraph("前言", P(R("表题")) + inner) + P(R("后记")));
  ASSERT_TRUE(body.ok()) << body.status();
  ASSERT_EQ(body->blocks.size(), 4u);
  EXPECT_EQ(body->blocks[0].text, "前言");
  EXPECT_EQ(body->blocks[1].text, "表题");
  ASSERT_EQ(body->blocks[2].kind, Block::Kind::kTable);
  EXPECT_THAT(RowTexts(body->blocks[2].table, 0), ElementsAre("规章", "4"));
  EXPECT_EQ(body->blocks[3].text, "后记");

  auto in_cell = ReadBody("<w:tbl><w:tr><w:tc>" + P(R("前言")) + BoxParagraph("", inner) +
                          "</w:tc></w:tr></w:tbl>");
  ASSERT_TRUE(in_cell.ok()) << in_cell.status();
  ASSERT_EQ(in_cell->blocks.size(), 2u);
  EXPECT_EQ(in_cell->blocks[0].text, "前言");
  ASSERT_EQ(in_cell->blocks[1].kind, Block::Kind::kTable);
  EXPECT_THAT(RowTexts(in_cell->blocks[1].table, 0), ElementsAre("规章", "4"));

  // a text box of text in a cell stays the cell's text
  auto text_box = ReadBody("<w:tbl><w:tr>" + Tc("标签") + "<w:tc>" + BoxParagraph("", P(R("12"))) +
                           "</w:tc></w:tr></w:tbl>");
  ASSERT_TRUE(text_box.ok()) << text_box.status();
  ASSERT_EQ(text_box->blocks.size(), 1u);
  EXPECT_THAT(RowTexts(text_box->blocks[0].table, 0), ElementsAre("标签", "12"));
}

// Word's automatic numbering: list definitions in word/numbering.xml, used by
// paragraphs directly (w:numPr) or through their style.
constexpr char kNumbering[] =
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    // 0: the report's outline: 一、 then （一） then 1.
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
    "<w:lvlText w:val=\"%1、\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
    "<w:lvlText w:val=\"（%2）\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%3.\"/></w:lvl></w:abstractNum>"
    // 1: bullets
    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
    "<w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
    // 2: 第一章 then 1.1 (w:isLgl: the chapter in decimal too), starting at 3
    "<w:abstractNum w:abstractNumId=\"2\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt w:val=\"chineseCounting\"/>"
    "<w:lvlText w:val=\"第%1章\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:isLgl/>"
    "<w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>"
    // 3: a bare number, nothing after it; no w:start, so counting from zero
    "<w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1\"/><w:suff w:val=\"nothing\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    // the same list, restarted where this instance is first used
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/></w:num>"
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"3\"/></w:num>"
    "</w:numbering>";

constexpr char kNumberedStyles[] =
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/>"
    "<w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1Red\"><w:basedOn w:val=\"Heading1\"/></w:style>"
    "</w:styles>";

std::string Numbered(const std::string& text, int num_id, int level) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr>" + R(text) + "</w:p>";
}
std::string Styled(const std::string& text, const std::string& style, const std::string& more = "") {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + more + "</w:pPr>" + R(text) + "</w:p>";
}

absl::StatusOr<ReadResult> ReadNumberedBody(const std::string& body) {
  return ReadDocx(MakeZip({{"[Content_Types].xml", "<Types/>"},
                           {"word/document.xml", Document(body)},
                           {"word/numbering.xml", kNumbering},
                           {"word/styles.xml", kNumberedStyles}}));
}

TEST(DocxReader, AutomaticNumbersAreShownAsWordShowsThem) {
  const std::string table = "<w:tbl><w:tr><w:tc>" + Numbered("予以公开", 1, 1) + "</w:tc>" + Tc("5") +
                            "</w:tr><w:tr><w:tc>" + Numbered("属于国家秘密", 1, 2) + "</w:tc>" + Tc("6") +
                            "</w:tr></w:tbl>";
  auto r = ReadNumberedBody(
      Styled("总体情况", "Heading1") + Numbered("甲", 1, 1) + Numbered("子", 1, 2) + Numbered("丑", 1, 2) +
      Numbered("乙", 1, 1) + Numbered("寅", 1, 2) +  // a deeper level starts again under a new parent
      Styled("主动公开", "Heading1Red") +              // numbered through the style it is based on
      Styled("不编号", "Heading1", "<w:numPr><w:numId w:val=\"0\"/></w:numPr>") +  // numbering removed
      Numbered("重新开始", 2, 0) +                     // another instance restarting the shared count
      Numbered("接着", 1, 0) +                         // the first instance continues from it
      Numbered("要点", 3, 0) +                         // a bullet: no label
      Numbered("章", 4, 0) + Numbered("节", 4, 1) + Numbered("号", 5, 0) + Numbered("未定义", 9, 0) + table);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("一、总体情况", "(一)甲", "1.子", "2.丑", "(二)乙", "1.寅",
                                     "二、主动公开", "不编号", "一、重新开始", "二、接着", "要点",
                                     "第三章章", "3.1 节", "0号", "未定义"));
  ASSERT_EQ(r->blocks.back().kind, Block::Kind::kTable);
  // The table's rows continue the same list: (一) is its first level-1 item
  // since 二、接着 restarted that level.
  EXPECT_THAT(RowTexts(r->blocks.back().table, 0), ElementsAre("(一)予以公开", "5"));
  EXPECT_THAT(RowTexts(r->blocks.back().table, 1), ElementsAre("1.属于国家秘密", "6"));
}

TEST(DocxReader, BrokenNumberingPartLeavesTheTextUnnumbered) {
  auto r = ReadDocx(MakeZip({{"[Content_Types].xml", "<Types/>"},
                             {"word/document.xml", Document(Numbered("总体情况", 1, 0))},
                             {"word/numbering.xml", "<w:numbering><w:num"}}));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("总体情况"));
}

TEST(DocxReader, RejectsArchiveWithoutDocument) {
  auto r = ReadDocx(MakeZip({{"word/other.xml", "<x/>"}}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("word/document.xml"));
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("unpack it and send each report"));
}

// Other zip-based formats are named, with what to send instead.
TEST(DocxReader, OtherZipFormatsAreNamed) {
  const std::pair<std::vector<std::pair<std::string, std::string>>, const char*> cases[] = {
      {{{"[Content_Types].xml", "<x/>"}, {"xl/workbook.xml", "<x/>"}}, "Excel workbook (.xlsx)"},
      {{{"ppt/presentation.xml", "<x/>"}}, "PowerPoint file (.pptx)"},
      {{{"OFD.xml", "<x/>"}, {"Doc_0/Document.xml", "<x/>"}}, "OFD document"},
      {{{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}},
       "--input_format=odt"},
  };
  for (const auto& [entries, says] : cases) {
    auto r = ReadDocx(MakeZip(entries));
    ASSERT_FALSE(r.ok()) << says;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(r.status().message()), HasSubstr(says));
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("send"));
  }
}

TEST(DocxReader, RejectsNonZipAndMalformedXml) {
  auto not_zip = ReadDocx("this is not a zip archive");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_EQ(not_zip.status().code(), absl::StatusCode::kInvalidArgument);
  auto bad_xml = ReadDocx(MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"}}));
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_EQ(bad_xml.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad_xml.status().message()), HasSubstr("(line 1: "));
  EXPECT_THAT(std::string(bad_xml.status().message()), HasSubstr("save it again"));
  // Nested deeper than any word processor writes: the parser's reason is given.
  std::string deep;
  for (int i = 0; i < 400; ++i) deep += "<w:tbl><w:tr><w:tc>";
  auto too_deep = ReadDocx(MakeZip({{"word/document.xml", Document(deep)}}));
  ASSERT_FALSE(too_deep.ok());
  EXPECT_THAT(std::string(too_deep.status().message()), HasSubstr("depth"));
}

TEST(DocxReader, RefusesDocumentsExpandingBeyondTheCap) {
  // 65 MiB of blanks deflate to a few tens of kilobytes: a small zip bomb.
  std::string huge = Document(P(R("开头")));
  huge.insert(huge.size() - std::string("</w:body></w:document>").size(),
              std::string(65u << 20, ' '));
  const std::string zip = MakeZip({{"word/document.xml", huge}});
  ASSERT_LT(zip.size(), 1u << 20);
  auto r = ReadDocx(zip);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("64 MiB"));
}

TEST(DocxReader, HugeGridSpanOnManyRowsIsDroppedWithANote) {
  std::string rows;
  for (int i = 0; i < 3000; ++i) {
    rows += "<w:tr>" + Tc("x", "<w:gridSpan w:val=\"99999999999999999999\"/>") + "</w:tr>";
  }
  absl::StatusOr<ReadResult> r = ReadBody(P(R("before")) + "<w:tbl>" + rows + "</w:tbl>" +
                                          P(R("after")));
  ASSERT_TRUE(r.ok()) << r.status();
  bool noted = false;
  for (const auto& n : r->notes) {
    noted |= n.kind() == xxgk::v1::ReadingNote::AMBIGUOUS_TABLE &&
             n.message().find("table too large") != std::string::npos;
  }
  EXPECT_TRUE(noted);
  for (const Block& b : r->blocks) EXPECT_EQ(b.kind, Block::Kind::kLine);
  EXPECT_THAT(Lines(*r), ElementsAre("before", "after"));
}

// A part in an encoding its bytes break is refused, and libxml2 prints
// nothing of it (its message quotes the document's bytes) to stderr, which
// is the server's log.
TEST(DocxReader, BytesBrokenInTheDeclaredEncodingAreRefusedWithoutPrinting) {
  const std::string xml = std::string("<?xml version=\"1.0\" encoding=\"GB2312\"?><w:document "
                                      "xmlns:w=\"x\"><w:body><w:p><w:r><w:t>") +
                          "\x91\x8A\xFF\xFF\x80" + "</w:t></w:r></w:p></w:body></w:document>";
  ::testing::internal::CaptureStderr();
  auto r = ReadDocx(MakeZip({{"word/document.xml", xml}}));
  const std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(printed, "");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("not well-formed XML"));
}

TEST(DocxReader, MalformedGridSpanFallsBackToOne) {
  absl::StatusOr<ReadResult> r = ReadBody(
      "<w:tbl><w:tr>" + Tc("a", "<w:gridSpan w:val=\"-4\"/>") +
      Tc("b", "<w:gridSpan w:val=\"zz\"/>") + "</w:tr></w:tbl>");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->blocks.size(), 1u);
  ASSERT_EQ(r->blocks[0].table.rows.size(), 1u);
  EXPECT_EQ(r->blocks[0].table.rows[0].size(), 2u);
}

}  // namespace
}  // namespace xxgk::report
