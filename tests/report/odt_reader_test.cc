// OpenDocument text: paragraphs and what holds them, tables with spans and
// covered cells, what is not body text, and packages that are not text.
#include <string>
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

// An .odt package whose body (inside office:text) is `body`.
std::string Odt(const std::string& body, const std::string& mime = kTextMime) {
  const std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<office:body><office:text>" +
      body + "</office:text></office:body></office:document-content>";
  return xxgk::testing::MakeZip({{"mimetype", mime}, {"content.xml", content}});
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

// An .odt is known by its bytes whatever it is called, and read as a report.
TEST(ParseDocument, OdtIsReadWhateverItIsNamed) {
  const std::string odt =
      Odt("<text:p>某县2023年政府信息公开工作年度报告</text:p><text:p>一、总体情况</text:p>");
  for (const char* name : {"report.odt", "report.docx", "report.doc", ""}) {
    xxgk::v1::Document doc;
    doc.set_content(odt);
    doc.set_file_name(name);
    EXPECT_EQ(SniffFormat(doc), "odt") << name;
    auto report = ParseDocument(doc);
    ASSERT_TRUE(report.ok()) << name << ": " << report.status();
    EXPECT_EQ(report->source().input_format(), "odt");
    ASSERT_GE(report->sections_size(), 1);
    EXPECT_EQ(report->sections(0).kind(), xxgk::v1::Section::GENERAL);
  }
}

}  // namespace
}  // namespace xxgk::report
