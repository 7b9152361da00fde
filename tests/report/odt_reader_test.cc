// OpenDocument text: paragraphs and what holds them, tables with spans and
// covered cells, what is not body text, and packages that are not text.
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/parse.h"
#include "report/readers.h"
#include "tests/report/fixtures/zip_writer.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kTextMime[] = "application/vnd.oasis.opendocument.text";

constexpr char kNamespaces[] =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:loext=\"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

// An .odt package whose body (inside office:text) is `body`, with
// `automatic_styles` in content.xml and `styles` (office:styles) in
// styles.xml when given.
std::string Odt(const std::string& body, const std::string& mime = kTextMime,
                const std::string& automatic_styles = "", const std::string& styles = "") {
  const std::string content =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content ") + kNamespaces +
      "><office:automatic-styles>" + automatic_styles +
      "</office:automatic-styles><office:body><office:text>" + body +
      "</office:text></office:body></office:document-content>";
  xxgk::testing::ZipEntries entries = {{"mimetype", mime}, {"content.xml", content}};
  if (!styles.empty()) {
    entries.emplace_back("styles.xml", std::string("<office:document-styles ") + kNamespaces +
                                           "><office:styles>" + styles +
                                           "</office:styles></office:document-styles>");
  }
  return xxgk::testing::MakeZip(entries);
}

// The same document as LibreOffice's flat XML (.fodt) writes it: one
// office:document holding the styles and the body.
std::string FlatOdt(const std::string& body, const std::string& mime = kTextMime,
                    const std::string& automatic_styles = "", const std::string& styles = "") {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document ") + kNamespaces +
         " office:version=\"1.3\" office:mimetype=\"" + mime + "\"><office:styles>" + styles +
         "</office:styles><office:automatic-styles>" + automatic_styles +
         "</office:automatic-styles><office:body><office:text>" + body +
         "</office:text></office:body></office:document>";
}

std::vector<std::string> Lines(const ReadResult& r) {
  std::vector<std::string> out;
  for (const Block& b : r.blocks) {
    if (b.kind == Block::Kind::kLine) out.push_back(b.text);
  }
  return out;
}

std::vector<std::vector<std::string>> Grid(const ReadResult& r, size_t which = 0) {
  std::vector<std::vector<std::string>> out;
  for (const Block& b : r.blocks) {
    if (b.kind != Block::Kind::kTable || which-- > 0) continue;
    for (const auto& row : b.table.rows) {
      std::vector<std::string> cells;
      for (const GridCell& c : row) cells.push_back(c.continuation ? "^" : c.text);
      out.push_back(cells);
    }
    break;
  }
  return out;
}

TEST(ReadOdt, ParagraphsHeadingsListsAndInlineMarks) {
  auto r = ReadOdt(Odt(
      "<text:sequence-decls><text:sequence-decl text:name=\"Table\"/></text:sequence-decls>"
      "<text:h text:outline-level=\"1\">某县2023年政府信息公开工作年度报告</text:h>"
      "<text:list><text:list-item><text:p>一、总体情况</text:p></text:list-item></text:list>"
      "<text:section><text:p>本年<text:span>共收到</text:span>申请<text:s text:c=\"3\"/>12件"
      "<text:tab/>办结<text:line-break/>第二行</text:p></text:section>"
      "<text:p>正文<text:note><text:note-citation>1</text:note-citation><text:note-body>"
      "<text:p>脚注</text:p></text:note-body></text:note><office:annotation "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><text:p>批注</text:p>"
      "</office:annotation>完</text:p>"
      "<text:tracked-changes><text:changed-region><text:deletion><text:p>删去的</text:p>"
      "</text:deletion></text:changed-region></text:tracked-changes>"
      "<text:p><draw:frame><draw:text-box><text:p>文本框</text:p></draw:text-box></draw:frame></text:p>"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source.input_format(), "odt");
  EXPECT_THAT(Lines(*r), ElementsAre("某县2023年政府信息公开工作年度报告", "一、总体情况",
                                     "本年共收到申请 12件办结", "第二行", "正文完", "文本框"));
}

// Spans are laid out as HTML lays them out; covered cells are the positions
// a span takes. Header rows and repeated cells count like any others.
// List styles as LibreOffice writes them: 一、 and （一） and 1. levels, each
// level's number with its prefix and suffix; a bullet list; the outline
// style numbering headings.
std::string NumberLevel(int level, const std::string& format, const std::string& prefix,
                        const std::string& suffix, const std::string& more = "") {
  return "<text:list-level-style-number text:level=\"" + std::to_string(level) + "\" style:num-prefix=\"" +
         prefix + "\" style:num-suffix=\"" + suffix + "\" style:num-format=\"" + format + "\" " + more +
         "><style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
         "<style:list-level-label-alignment text:label-followed-by=\"listtab\"/></style:list-level-properties>"
         "</text:list-level-style-number>";
}

const std::string kOutline = "<text:list-style style:name=\"Outline\">" +
                             NumberLevel(1, "一, 二, 三, ...", "", "、") +
                             NumberLevel(2, "一, 二, 三, ...", "（", "）") + NumberLevel(3, "1", "", ".") +
                             "</text:list-style>"
                             "<text:list-style style:name=\"Dots\"><text:list-level-style-bullet text:level=\"1\" "
                             "text:bullet-char=\"•\"/></text:list-style>"
                             "<text:list-style style:name=\"Sections\">" +
                             NumberLevel(1, "1", "", "", "text:start-value=\"2\"") +
                             NumberLevel(2, "1", "", "", "text:display-levels=\"2\"") + "</text:list-style>"
                             "<style:style style:name=\"P1\" style:family=\"paragraph\" "
                             "style:list-style-name=\"Outline\"/>";

std::string Item(const std::string& text, const std::string& attributes = "") {
  return "<text:list-item" + attributes + "><text:p>" + text + "</text:p></text:list-item>";
}
// An item at level `depth` (1-based) as LibreOffice writes deeper levels:
// items holding a list, the paragraph in the innermost.
std::string Deep(const std::string& text, int depth, const std::string& style = "Outline",
                 const std::string& list_attributes = " text:continue-numbering=\"true\"") {
  std::string inner = Item(text);
  for (int d = 1; d < depth; ++d) inner = "<text:list-item><text:list>" + inner + "</text:list></text:list-item>";
  return "<text:list text:style-name=\"" + style + "\"" + list_attributes + ">" + inner + "</text:list>";
}

// Lists of every kind LibreOffice writes, for kOutline's styles.
std::string NumberedBody() {
  return
      "<text:list text:style-name=\"Outline\" xml:id=\"L1\">" + Item("总体情况") + "</text:list>" +
      "<text:p>正文</text:p>" +
      Deep("主动公开", 1) + Deep("规章", 2) + Deep("文件", 2) + Deep("国家秘密", 3) + Deep("受理", 1) +
      Deep("自然人", 2) +  // a new parent: the deeper level starts again
      "<text:list text:style-name=\"Outline\">" + Item("新的列表") + "</text:list>" +  // not continued
      // continues the first list (and the lists that continued it), in its style
      "<text:list text:continue-list=\"L1\">" + Item("接着第一个") + "</text:list>" +
      "<text:list text:style-name=\"Outline\">" + Item("从五开始", " text:start-value=\"5\"") +
      "<text:list-header><text:p>不编号的标题</text:p></text:list-header>" + Item("六") + "</text:list>" +
      "<text:list text:style-name=\"Dots\">" + Item("要点") + "</text:list>" +
      "<text:list>" + "<text:list-item><text:p text:style-name=\"P1\">段落样式</text:p></text:list-item>" +
      "</text:list>" +
      "<text:list text:style-name=\"Sections\">" + Item("章") +
      "<text:list-item><text:list>" + Item("节") + "</text:list></text:list-item></text:list>" +
      "<text:list text:style-name=\"Outline\"><text:list-item><text:p><text:number>9.</text:number>"
      "写好的编号</text:p></text:list-item></text:list>" +
      "<table:table><table:table-row><table:table-cell>" + Deep("予以公开", 2, "Outline", "") +
      "</table:table-cell><table:table-cell><text:p>5</text:p></table:table-cell></table:table-row>"
      "</table:table>";
}

TEST(ReadOdt, ListNumbersAreShownAsLibreOfficeShowsThem) {
  auto r = ReadOdt(Odt(NumberedBody(), kTextMime, kOutline));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("一、总体情况", "正文", "二、主动公开", "(一)规章", "(二)文件", "1.国家秘密",
                                     "三、受理", "(一)自然人", "一、新的列表", "四、接着第一个", "五、从五开始",
                                     "不编号的标题", "六、六", "要点", "一、段落样式", "2 章", "2.1 节",
                                     "9.写好的编号"));
  EXPECT_THAT(Grid(*r), ElementsAre(ElementsAre("(一)予以公开", "5")));
}

constexpr char kOutlineStyle[] =
    "<text:outline-style style:name=\"Outline\"><text:outline-level-style text:level=\"1\" "
    "style:num-suffix=\"、\" style:num-format=\"一, 二, 三, ...\"/>"
    "<text:outline-level-style text:level=\"2\" style:num-format=\"\"/></text:outline-style>";
constexpr char kNumberedHeadings[] =
    "<text:h text:outline-level=\"1\">总体情况</text:h>"
    "<text:h text:outline-level=\"2\">不编号</text:h>"
    "<text:p>正文</text:p>"
    "<text:h text:outline-level=\"1\">主动公开</text:h>"
    "<text:h text:outline-level=\"1\" text:is-list-header=\"true\">标题</text:h>"
    "<text:h text:outline-level=\"1\" text:restart-numbering=\"true\" text:start-value=\"6\">其他事项</text:h>";

TEST(ReadOdt, HeadingsAreNumberedByTheOutlineStyle) {
  auto r = ReadOdt(Odt(kNumberedHeadings, kTextMime, "", kOutlineStyle));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("一、总体情况", "不编号", "正文", "二、主动公开", "标题", "六、其他事项"));
}

TEST(ReadOdt, TablesWithSpansAndCoveredCells) {
  auto r = ReadOdt(Odt(
      "<text:p>表一</text:p><table:table><table:table-column table:number-columns-repeated=\"3\"/>"
      "<table:table-header-rows><table:table-row>"
      "<table:table-cell table:number-rows-spanned=\"2\"><text:p>项目</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-spanned=\"2\"><text:p>数量</text:p></table:table-cell>"
      "<table:covered-table-cell/></table:table-row></table:table-header-rows>"
      "<table:table-row><table:covered-table-cell/><table:table-cell><text:p>本年</text:p>"
      "</table:table-cell><table:table-cell><text:p>累计</text:p></table:table-cell></table:table-row>"
      "<table:table-row><table:table-cell><text:p>规章</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-repeated=\"2\"><text:p>0</text:p></table:table-cell>"
      "</table:table-row></table:table>"));
  ASSERT_TRUE(r.ok()) << r.status();
  using Row = std::vector<std::string>;
  EXPECT_THAT(Grid(*r), ElementsAre(Row{"项目", "数量", "^"}, Row{"^", "本年", "累计"},
                                    Row{"规章", "0", "0"}));
  ASSERT_EQ(r->blocks.size(), 2u);
  EXPECT_EQ(r->blocks[1].table.caption, "表一");
  EXPECT_EQ(r->blocks[1].table.source_kind, "odt");
}

// LibreOffice keeps Word's sliver column (a column edge a twip apart in
// different rows): 行政复议 covers it in the header, the second 维持 starts
// on it below. No cell stands on it alone, so it is no column of its own.
TEST(ReadOdt, SliverColumnDoesNotSplitALogicalColumn) {
  auto cell = [](const std::string& text, int span = 1) {
    std::string out = "<table:table-cell";
    if (span > 1) out += " table:number-columns-spanned=\"" + std::to_string(span) + "\"";
    out += "><text:p>" + text + "</text:p></table:table-cell>";
    for (int i = 1; i < span; ++i) out += "<table:covered-table-cell/>";
    return out;
  };
  auto row = [](const std::string& cells) {
    return "<table:table-row>" + cells + "</table:table-row>";
  };
  auto r = ReadOdt(Odt(
      "<table:table><table:table-column table:number-columns-repeated=\"4\"/>" +
      row(cell("行政复议", 3) + cell("行政诉讼")) +
      row(cell("维持") + cell("总计") + cell("维持", 2)) +
      row(cell("1") + cell("1") + cell("2", 2)) + "</table:table>"));
  ASSERT_TRUE(r.ok()) << r.status();
  using Row = std::vector<std::string>;
  EXPECT_THAT(Grid(*r), ElementsAre(Row{"行政复议", "^", "行政诉讼"}, Row{"维持", "总计", "维持"},
                                    Row{"1", "1", "2"}));
}

TEST(ReadOdt, ATableHoldingATableIsLayout) {
  auto r = ReadOdt(Odt(
      "<table:table><table:table-row><table:table-cell><text:p>外框</text:p>"
      "<table:table><table:table-row><table:table-cell><text:p>规章</text:p></table:table-cell>"
      "<table:table-cell><text:p>5</text:p></table:table-cell></table:table-row></table:table>"
      "</table:table-cell></table:table-row></table:table>"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("外框"));
  using Row = std::vector<std::string>;
  EXPECT_THAT(Grid(*r), ElementsAre(Row{"规章", "5"}));
}

TEST(ReadOdt, OtherPackagesAreNamedWithWhatToSend) {
  auto ods = ReadOdt(Odt("", "application/vnd.oasis.opendocument.spreadsheet"));
  ASSERT_FALSE(ods.ok());
  EXPECT_THAT(ods.status().message(), HasSubstr("spreadsheet (.ods)"));
  auto no_content = ReadOdt(xxgk::testing::MakeZip({{"mimetype", kTextMime}}));
  ASSERT_FALSE(no_content.ok());
  EXPECT_THAT(no_content.status().message(), HasSubstr("no content.xml"));
  auto damaged = ReadOdt(xxgk::testing::MakeZip({{"mimetype", kTextMime}, {"content.xml", "<a><b>"}}));
  ASSERT_FALSE(damaged.ok());
  EXPECT_THAT(damaged.status().message(), HasSubstr("save it again"));
  // thousands of repeated rows and cells stop at the table budget
  auto huge = ReadOdt(Odt(
      "<table:table><table:table-row table:number-rows-repeated=\"1000\">"
      "<table:table-cell table:number-columns-repeated=\"1000\"><text:p>1</text:p></table:table-cell>"
      "</table:table-row><table:table-row table:number-rows-repeated=\"1000\">"
      "<table:table-cell table:number-columns-repeated=\"1000\"><text:p>1</text:p></table:table-cell>"
      "</table:table-row><table:table-row table:number-rows-repeated=\"1000\">"
      "<table:table-cell table:number-columns-repeated=\"1000\"><text:p>1</text:p></table:table-cell>"
      "</table:table-row></table:table>"));
  ASSERT_TRUE(huge.ok()) << huge.status();
  EXPECT_TRUE(Grid(*huge).empty());
  ASSERT_EQ(huge->notes.size(), 1u);
}

// The flat XML form holds the package's parts in one element, and is read as
// the package is: lines, numbers from styles in either style element, grids.
// A picture is a draw:image in a draw:frame; a document of nothing but
// pictures is a scan (noted at assembly as holding no text).
TEST(ReadOdt, PicturesAreCounted) {
  auto r = ReadOdt(Odt("<text:p>标题</text:p><text:p><draw:frame><draw:image/></draw:frame>"
                       "<draw:frame><draw:text-box><text:p>框中文字</text:p></draw:text-box>"
                       "</draw:frame></text:p><text:p><draw:frame><draw:image/></draw:frame></text:p>"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->images, 2u);
}

TEST(ReadOdt, FlatXmlIsReadAsItsPackageIs) {
  struct Case {
    std::string body, automatic_styles, styles;
  };
  const std::vector<Case> cases = {
      {NumberedBody(), kOutline, ""},
      {NumberedBody(), "", kOutline},
      {kNumberedHeadings, "", kOutlineStyle},
  };
  for (const Case& c : cases) {
    auto package = ReadOdt(Odt(c.body, kTextMime, c.automatic_styles, c.styles));
    auto flat = ReadOdt(FlatOdt(c.body, kTextMime, c.automatic_styles, c.styles));
    ASSERT_TRUE(package.ok()) << package.status();
    ASSERT_TRUE(flat.ok()) << flat.status();
    EXPECT_GT(Lines(*flat).size(), 5u);
    EXPECT_EQ(Lines(*flat), Lines(*package));
    EXPECT_EQ(Grid(*flat), Grid(*package));
    EXPECT_EQ(flat->source.input_format(), "odt");
  }
  // a template of a text document is read; other flat files are named
  EXPECT_TRUE(ReadOdt(FlatOdt("<text:p>正文</text:p>", std::string(kTextMime) + "-template")).ok());
  auto fods = ReadOdt(FlatOdt("", "application/vnd.oasis.opendocument.spreadsheet"));
  ASSERT_FALSE(fods.ok());
  EXPECT_THAT(fods.status().message(), HasSubstr("spreadsheet"));
  auto other = ReadOdt("<?xml version=\"1.0\"?><html><body>正文</body></html>");
  ASSERT_FALSE(other.ok());
  EXPECT_THAT(other.status().message(), HasSubstr("root element is <html>"));
  auto cut = ReadOdt(FlatOdt("<text:p>正文</text:p>").substr(0, 400));
  ASSERT_FALSE(cut.ok());
  EXPECT_THAT(cut.status().message(), HasSubstr("not well-formed"));
}

// An .odt is known by its bytes whatever it is called, and read as a report.
TEST(ParseDocument, OdtIsReadWhateverItIsNamed) {
  const std::string body = "<text:p>某县2023年政府信息公开工作年度报告</text:p><text:p>一、总体情况</text:p>";
  const std::string odt = Odt(body);
  const std::string flat = FlatOdt(body);
  const std::vector<std::pair<const std::string*, std::string>> documents = {
      {&odt, "report.odt"},   {&odt, "report.docx"},  {&odt, "report.doc"},  {&odt, ""},
      {&flat, "report.fodt"}, {&flat, "report.doc"},  {&flat, "report.xml"}, {&flat, ""},
  };
  for (const auto& [bytes, name] : documents) {
    SCOPED_TRACE(name + (bytes == &flat ? " (flat XML)" : " (package)"));
    xxgk::v1::Document doc;
    doc.set_content(*bytes);
    doc.set_file_name(name);
    EXPECT_EQ(SniffFormat(doc), "odt");
    auto report = ParseDocument(doc);
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_EQ(report->source().input_format(), "odt");
    ASSERT_GE(report->sections_size(), 1);
    EXPECT_EQ(report->sections(0).kind(), xxgk::v1::Section::GENERAL);
  }
  // named by what its sender's system calls it
  xxgk::v1::Document typed;
  typed.set_content(flat);
  typed.set_content_type("application/vnd.oasis.opendocument.text-flat-xml");
  EXPECT_EQ(SniffFormat(typed), "odt");
}

// A reader's refusal names the file and the format once, and what to do.
TEST(ParseDocument, ARefusalNamesTheFileAndFormatOnce) {
  xxgk::v1::Document doc;
  doc.set_content(FlatOdt("", "application/vnd.oasis.opendocument.spreadsheet"));
  doc.set_file_name("budget.fods");
  auto report = ParseDocument(doc);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(std::string(report.status().message()),
              ::testing::StartsWith("budget.fods: cannot read as odt: this is an OpenDocument spreadsheet"));
  doc.set_content(FlatOdt("<text:p>正文</text:p>").substr(0, 300));
  doc.set_file_name("report.fodt");
  report = ParseDocument(doc);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(std::string(report.status().message()),
              ::testing::StartsWith("report.fodt: cannot read as odt: the flat OpenDocument XML is not well-formed"));
}

}  // namespace
}  // namespace xxgk::report
