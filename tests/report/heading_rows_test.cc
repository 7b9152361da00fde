// Part headings set inside tables (LiftPartHeadings): on blocks as any reader
// makes them, and end to end on the ways web pages and Word documents publish
// them, each read exactly as the same report with its headings as paragraphs.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/assemble.h"
#include "report/blocks.h"
#include "report/cell_keys.h"
#include "report/heading_rows.h"
#include "report/parse.h"
#include "tests/report/fixtures/blocks.h"
#include "tests/report/fixtures/read_view.h"
#include "tests/report/fixtures/zip_writer.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using xxgk::testing::Line;
using xxgk::testing::Lines;
using xxgk::testing::RowTexts;
using xxgk::testing::Tables;
using xxgk::v1::Section;

// ---------------------------------------------------------------------------
// Blocks

// A table block from rows of texts: "<" a copy of the cell on the left (a
// colspan), "^" a copy of the cell above (a rowspan).
Block Table(const std::vector<std::vector<std::string>>& rows) {
  Block b;
  b.kind = Block::Kind::kTable;
  b.table.source_kind = "html";
  uint32_t offset = 100;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<GridCell> row;
    for (size_t c = 0; c < rows[r].size(); ++c) {
      GridCell cell;
      if (rows[r][c] == "<") {
        cell = row[c - 1];
        cell.continuation = true;
        size_t head = c - 1;
        while (head > 0 && row[head].continuation) --head;
        row[head].col_span = static_cast<int>(c - head + 1);
      } else if (rows[r][c] == "^") {
        cell = b.table.rows[r - 1][c];
        cell.continuation = true;
      } else {
        cell.text = rows[r][c];
        cell.source_begin = offset;
        offset += 10;
        cell.source_end = offset - 1;
      }
      row.push_back(cell);
    }
    b.table.rows.push_back(std::move(row));
  }
  b.source_begin = 90;
  b.source_end = offset;
  return b;
}

ReadResult Read(std::vector<Block> blocks) {
  ReadResult r;
  r.blocks = std::move(blocks);
  return r;
}

TEST(LoneCellText, OneCellAcrossTheRowOrBeforeBlanksOnly) {
  const auto rows = [](std::vector<std::vector<std::string>> r) { return Table(r).table.rows; };
  EXPECT_EQ(LoneCellText(rows({{"二、主动公开政府信息情况", "<", "<"}})[0]), "二、主动公开政府信息情况");
  EXPECT_EQ(LoneCellText(rows({{"二、主动公开政府信息情况", "", ""}})[0]), "二、主动公开政府信息情况");
  EXPECT_EQ(LoneCellText(rows({{"标题"}})[0]), "标题");
  EXPECT_FALSE(LoneCellText(rows({{"规章", "1", "2"}})[0]).has_value());
  EXPECT_FALSE(LoneCellText(rows({{"", "二、主动公开政府信息情况", "<"}})[0]).has_value());
  EXPECT_FALSE(LoneCellText(rows({{"甲", "<", "乙"}})[0]).has_value());
  // a cell spanning down (the head of a left column) is no row of its own
  EXPECT_FALSE(LoneCellText(rows({{"甲", ""}, {"^", "1"}})[1]).has_value());
  EXPECT_FALSE(LoneCellText({}).has_value());
}

TEST(LiftPartHeadings, AFirstRowHoldingAPartHeadingBecomesTheLineBeforeTheTable) {
  std::vector<Block> blocks = {
      Line("一、总体情况"), Line("正文。"),
      Table({{"二、主动公开政府信息情况", "<", "<", "<"},
             {"第二十条第(一)项", "<", "<", "<"},
             {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
             {"规章", "1", "2", "3"}})};
  LiftPartHeadings(&blocks);
  ReadResult r = Read(std::move(blocks));
  EXPECT_THAT(Lines(r), ElementsAre("一、总体情况", "正文。", "二、主动公开政府信息情况"));
  ASSERT_EQ(Tables(r).size(), 1u);
  const TableGrid& t = *Tables(r)[0];
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("第二十条第(一)项", "第二十条第(一)项", "第二十条第(一)项",
                                          "第二十条第(一)项"));
  EXPECT_EQ(t.caption, "二、主动公开政府信息情况");
  // the line keeps the cell's place in the source; the table starts after it
  EXPECT_EQ(r.blocks[2].source_begin, 100u);
  EXPECT_EQ(r.blocks[3].source_begin, 110u);
}

TEST(LiftPartHeadings, BlocksWithoutHeadingsInTablesAreLeftAlone) {
  std::vector<Block> blocks = {
      Line("二、主动公开政府信息情况"),
      Table({{"第二十条第(一)项", "<", "<", "<"},
             {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
             {"规章", "1", "2", "3"}}),
      Table({{"注:本表数据截至12月31日", "<"}, {"合计", ""}}),
      // table 三's group row of its own: no part
      Table({{"申请人情况", "自然人", "总计"}, {"三、本年度办理结果", "<", "<"}, {"(一)予以公开", "1", "1"}})};
  const std::vector<Block> before = blocks;
  LiftPartHeadings(&blocks);
  ASSERT_EQ(blocks.size(), before.size());
  EXPECT_EQ(blocks[1].table.rows.size(), 3u);
  EXPECT_EQ(blocks[2].table.rows.size(), 2u);
  EXPECT_EQ(blocks[3].table.rows.size(), 3u);
}

// A table's own caption (HTML <caption>) that is a part heading is a line
// before the table; any other caption stays the table's.
TEST(LiftPartHeadings, AnOwnCaptionThatIsAPartHeadingBecomesALine) {
  Block captioned = Table({{"信息内容", "本年制发件数"}, {"规章", "1"}});
  captioned.table.caption = "二、主动公开政府信息情况";
  captioned.table.caption_own = true;
  captioned.table.caption_begin = 40;
  captioned.table.caption_end = 60;
  Block other = Table({{"信息内容", "本年制发件数"}, {"规章", "1"}});
  other.table.caption = "表一";
  other.table.caption_own = true;
  Block above = Table({{"信息内容", "本年制发件数"}, {"规章", "1"}});
  above.table.caption = "三、收到和处理政府信息公开申请情况";  // the line above: no caption of its own
  std::vector<Block> blocks = {Line("一、总体情况"), captioned, other, above};
  LiftPartHeadings(&blocks);
  ReadResult r = Read(std::move(blocks));
  EXPECT_THAT(Lines(r), ElementsAre("一、总体情况", "二、主动公开政府信息情况"));
  EXPECT_EQ(r.blocks[1].source_begin, 40u);
  EXPECT_EQ(r.blocks[1].source_end, 60u);
  ASSERT_EQ(Tables(r).size(), 3u);
  EXPECT_EQ(Tables(r)[0]->rows.size(), 2u);
  EXPECT_EQ(Tables(r)[1]->caption, "表一");
}

// A title restating the part the table stands under opens no second part:
// the row stays the table's, as a paragraph heading's table keeps it.
TEST(LiftPartHeadings, ATitleRestatingThePartAboveStaysInTheTable) {
  std::vector<Block> blocks = {
      Line("三、收到和处理政府信息公开申请情况"), Line("本年度收到申请5件。"),
      Table({{"收到和处理政府信息公开申请情况", "<", "<"}, {"申请人情况", "自然人", "总计"}}),
      Line("(一)主动公开政府信息情况"),
      Table({{"主动公开情况", "<"}, {"规章", "1"}})};
  const std::vector<Block> before = blocks;
  LiftPartHeadings(&blocks);
  ASSERT_EQ(blocks.size(), before.size());
  EXPECT_EQ(blocks[2].table.rows.size(), 2u);
  EXPECT_EQ(blocks[4].table.rows.size(), 2u);
}

// The pre-2019 statistics table's group rows read as part headings but are
// rows of the table.
TEST(LiftPartHeadings, GroupRowsOfThePre2019TableStay) {
  std::vector<Block> blocks = {
      Line("二、主动公开政府信息情况"),
      Table({{"一、主动公开情况", "<", "<"},
             {"(一)主动公开政府信息数", "条", "300"},
             {"三、依申请公开情况", "<", "<"},
             {"(一)收到申请数", "件", "5"},
             {"四、行政复议数量", "件", "3"}})};
  LiftPartHeadings(&blocks);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[1].table.rows.size(), 5u);
}

// Word joins two tables with nothing between them into one: a heading row
// inside parts it into the two tables again, each without the columns only
// the other one's rows stood on.
TEST(LiftPartHeadings, AHeadingRowInsideATablePartsItInTwo) {
  std::vector<Block> blocks = {
      Line("二、主动公开政府信息情况"),
      Table({{"第二十条第(一)项", "<", "<", "<", "<"},
             {"信息内容", "本年制发件数", "<", "本年废止件数", "现行有效件数"},
             {"规章", "1", "<", "2", "3"},
             {"三、收到和处理政府信息公开申请情况", "<", "<", "<", "<"},
             {"申请人情况", "自然人", "法人", "总计", "<"},
             {"一、本年新收政府信息公开申请数量", "1", "2", "3", "<"}})};
  LiftPartHeadings(&blocks);
  ReadResult r = Read(std::move(blocks));
  EXPECT_THAT(Lines(r), ElementsAre("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"));
  ASSERT_EQ(r.blocks.size(), 4u);
  ASSERT_EQ(r.blocks[1].kind, Block::Kind::kTable);
  ASSERT_EQ(r.blocks[3].kind, Block::Kind::kTable);
  const TableGrid& t2 = r.blocks[1].table;
  const TableGrid& t3 = r.blocks[3].table;
  // table 二 needs no third column (its header's colspan), table 三 no fifth
  ASSERT_EQ(t2.rows.size(), 3u);
  EXPECT_THAT(RowTexts(t2, 2), ElementsAre("规章", "1", "2", "3"));
  ASSERT_EQ(t3.rows.size(), 2u);
  EXPECT_THAT(RowTexts(t3, 1), ElementsAre("一、本年新收政府信息公开申请数量", "1", "2", "3"));
  EXPECT_EQ(t3.caption, "三、收到和处理政府信息公开申请情况");
  EXPECT_EQ(r.blocks[1].source_begin, 90u);  // the table's own start
  EXPECT_EQ(r.blocks[3].source_begin, r.blocks[2].source_end + 1);
}

// Headings row after row are a table of contents, not parts.
TEST(LiftPartHeadings, ATableOfContentsStaysATable) {
  std::vector<Block> blocks = {
      Line("某县民政局2024年政府信息公开工作年度报告"), Line("目录"),
      Table({{"一、总体情况"}, {"二、主动公开政府信息情况"}, {"三、收到和处理政府信息公开申请情况"},
             {"四、政府信息公开行政复议、行政诉讼情况"}, {"五、存在的主要问题及改进情况"},
             {"六、其他需要报告的事项"}})};
  LiftPartHeadings(&blocks);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[2].table.rows.size(), 6u);
}

// A heading boxed in a one-cell table of its own leaves no table.
TEST(LiftPartHeadings, AOneCellTableHoldingAHeadingIsALine) {
  std::vector<Block> blocks = {Line("一、总体情况"), Table({{"二、主动公开政府信息情况"}}),
                               Table({{"信息内容", "本年制发件数"}, {"规章", "1"}})};
  LiftPartHeadings(&blocks);
  ReadResult r = Read(std::move(blocks));
  EXPECT_THAT(Lines(r), ElementsAre("一、总体情况", "二、主动公开政府信息情况"));
  EXPECT_EQ(Tables(r).size(), 1u);
}

// ---------------------------------------------------------------------------
// End to end: one report as pages publish it

constexpr char kTitle[] = "某县民政局2024年政府信息公开工作年度报告";
const char* const kHeads[] = {"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                              "四、政府信息公开行政复议、行政诉讼情况"};
const int kWidths[] = {4, 9, 15};

std::string Values(int base, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += absl::StrCat("<td>", base + i, "</td>");
  return s;
}

// Table 二, its blocks led by full-width rows, or (left) by labels in a
// column spanning each block's rows.
std::string Table2Rows(bool left = false) {
  struct Blk {
    const char* label;
    std::vector<std::string> rows;
  };
  const std::vector<Blk> blocks = {
      {"第二十条第（一）项",
       {"<td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td>",
        "<td>规章</td><td>0</td><td>0</td><td>1</td>",
        "<td>行政规范性文件</td><td>2</td><td>1</td><td>5</td>"}},
      {"第二十条第（五）项",
       {"<td>信息内容</td><td colspan=\"3\">本年处理决定数量</td>",
        "<td>行政许可</td><td colspan=\"3\">37</td>"}},
      {"第二十条第（六）项",
       {"<td>信息内容</td><td colspan=\"3\">本年处理决定数量</td>",
        "<td>行政处罚</td><td colspan=\"3\">12</td>", "<td>行政强制</td><td colspan=\"3\">3</td>"}},
      {"第二十条第（八）项",
       {"<td>信息内容</td><td colspan=\"3\">本年收费金额（单位：万元）</td>",
        "<td>行政事业性收费</td><td colspan=\"3\">1.25</td>"}}};
  std::string s;
  for (const Blk& b : blocks) {
    if (!left) s += absl::StrCat("<tr><td colspan=\"4\">", b.label, "</td></tr>");
    for (size_t i = 0; i < b.rows.size(); ++i) {
      s += "<tr>";
      if (left && i == 0) s += absl::StrCat("<td rowspan=\"", b.rows.size(), "\">", b.label, "</td>");
      s += b.rows[i] + "</tr>";
    }
  }
  return s;
}

std::string Table3Rows() {
  return "<tr><td rowspan=\"3\" colspan=\"2\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
         "</td><td colspan=\"7\">申请人情况</td></tr>"
         "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>"
         "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
         "<tr><td colspan=\"2\">一、本年新收政府信息公开申请数量</td>" + Values(10, 7) + "</tr>"
         "<tr><td colspan=\"2\">二、上年结转政府信息公开申请数量</td>" + Values(20, 7) + "</tr>"
         "<tr><td rowspan=\"2\">三、本年度办理结果</td><td>（一）予以公开</td>" + Values(30, 7) + "</tr>"
         "<tr><td>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>" + Values(40, 7) + "</tr>"
         "<tr><td colspan=\"2\">四、结转下年度继续办理</td>" + Values(50, 7) + "</tr>";
}

std::string Table4Rows() {
  std::string s = "<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr><tr>";
  for (const char* x : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) {
    s += absl::StrCat("<td rowspan=\"2\">", x, "</td>");
  }
  s += "<td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr><tr>";
  for (int i = 0; i < 2; ++i) {
    for (const char* x : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) {
      s += absl::StrCat("<td>", x, "</td>");
    }
  }
  return s + "</tr><tr>" + Values(1, 15) + "</tr>";
}

// How a part's heading is set.
enum class Style {
  kParagraph,   // <p> before the table: the reference
  kFirstRow,    // a first row <td colspan><strong>
  kTheadTh,     // <thead><tr><th colspan>
  kWordRow,     // a page saved from Word: the row's <p class=MsoNormal> of runs
  kCaption,     // <caption>
  kShortRow,    // a first row of one <td>, no colspan
  kOwnTable,    // a one-cell table of its own before the table
  kJoined,      // one table for all three, heading rows between (Word joined them)
  kT3Only,      // paragraphs, but table 三's heading in its first row
  kRestated,    // paragraphs, and each table's first row restating its part
  kLeftBlocks,  // paragraphs; table 二's block labels in a left column
  kUnitCell,    // a first row: the heading, then a cell 单位：件 at its end
  kTwoTitles,   // a first row holding the heading, a second restating it
};

std::string Page(Style style) {
  const std::string rows[] = {Table2Rows(style == Style::kLeftBlocks), Table3Rows(), Table4Rows()};
  std::string body;
  for (int i = 0; i < 3; ++i) {
    const std::string head = kHeads[i];
    const std::string span = absl::StrCat(" colspan=\"", kWidths[i], "\"");
    switch (style) {
      case Style::kParagraph:
      case Style::kLeftBlocks:
        body += "<p>" + head + "</p><table border=\"1\">" + rows[i] + "</table>";
        break;
      case Style::kFirstRow:
        body += "<table border=\"1\"><tr><td" + span + "><strong>" + head + "</strong></td></tr>" +
                rows[i] + "</table>";
        break;
      case Style::kTheadTh:
        body += "<table border=\"1\"><thead><tr><th" + span + ">" + head + "</th></tr></thead><tbody>" +
                rows[i] + "</tbody></table>";
        break;
      case Style::kWordRow: {
        const size_t comma = head.find("、") + 3;
        body += "<div align=center><table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
                "style='border-collapse:collapse'><tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>"
                "<td width=568" + span + " valign=top style='width:426.1pt;border:solid windowtext 1.0pt'>"
                "<p class=MsoNormal align=left style='text-align:left'><b><span style='font-size:16.0pt;"
                "font-family:黑体'>" + head.substr(0, comma) + "</span></b><b><span style='font-size:16.0pt;"
                "font-family:黑体'>" + head.substr(comma) + "<span lang=EN-US><o:p></o:p></span></span></b>"
                "</p></td></tr>" + rows[i] + "</table></div><p class=MsoNormal><span lang=EN-US>"
                "<o:p>&nbsp;</o:p></span></p>";
        break;
      }
      case Style::kUnitCell:
        body += absl::StrCat("<table border=\"1\"><tr><td colspan=\"", kWidths[i] - 1, "\">", head,
                             "</td><td>（单位：件）</td></tr>", rows[i], "</table>");
        break;
      case Style::kTwoTitles:
        body += "<table border=\"1\"><tr><td" + span + ">" + head + "</td></tr><tr><td" + span + ">" +
                head.substr(6) + "</td></tr>" + rows[i] + "</table>";
        break;
      case Style::kCaption:
        body += "<table border=\"1\"><caption>" + head + "</caption>" + rows[i] + "</table>";
        break;
      case Style::kShortRow:
        body += "<table border=\"1\"><tr><td>" + head + "</td></tr>" + rows[i] + "</table>";
        break;
      case Style::kOwnTable:
        body += "<table><tr><td><b>" + head + "</b></td></tr></table><table border=\"1\">" + rows[i] +
                "</table>";
        break;
      case Style::kJoined:
        body += (i == 0 ? "<table border=\"1\">" : "") + std::string("<tr><td") + span + ">" + head +
                "</td></tr>" + rows[i] + (i == 2 ? "</table>" : "");
        break;
      case Style::kT3Only:
        body += i == 1 ? "<table border=\"1\"><tr><td" + span + ">" + head + "</td></tr>" + rows[i] +
                             "</table>"
                       : "<p>" + head + "</p><table border=\"1\">" + rows[i] + "</table>";
        break;
      case Style::kRestated:
        body += "<p>" + head + "</p><table border=\"1\"><tr><td" + span + ">" + head.substr(6) +
                "</td></tr>" + rows[i] + "</table>";
        break;
    }
  }
  return absl::StrCat("<html><head><meta charset=\"utf-8\"></head><body><h1>", kTitle,
                      "</h1><p>一、总体情况</p><p>2024年，我局认真贯彻落实《条例》，主动公开各类信息120条。</p>",
                      body,
                      "<p>五、存在的主要问题及改进情况</p><p>公开内容还不够全面，下一步将加强培训。</p>"
                      "<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></body></html>");
}

xxgk::v1::Report ParsePage(Style style) {
  xxgk::v1::Document d;
  d.set_content(Page(style));
  d.set_file_name("report.html");
  absl::StatusOr<xxgk::v1::Report> r = ParseDocument(d);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : xxgk::v1::Report();
}

// What a reading comes to: the parts (kind and heading), the heading each
// table stood under, and every cell read.
std::string Reading(const xxgk::v1::Report& r) {
  std::vector<std::string> out;
  for (const Section& s : r.sections()) {
    out.push_back(absl::StrCat("section ", Section::Kind_Name(s.kind()), " ", s.heading()));
  }
  out.push_back("t2 under " + r.tables().t2().info().heading());
  out.push_back("t3 under " + r.tables().t3().info().heading());
  out.push_back("t4 under " + r.tables().t4().info().heading());
  ForEachCell(r.tables(), [&](const std::string& key, const xxgk::v1::Cell& cell) {
    out.push_back(key + " = " + CellValueString(cell));
  });
  return absl::StrJoin(out, "\n");
}

TEST(PartHeadingsInTables, TheReferencePageReadsEveryPartAndTable) {
  const xxgk::v1::Report r = ParsePage(Style::kParagraph);
  std::vector<Section::Kind> kinds;
  for (const Section& s : r.sections()) kinds.push_back(s.kind());
  EXPECT_THAT(kinds, ElementsAre(Section::GENERAL, Section::ACTIVE_DISCLOSURE, Section::APPLICATIONS,
                                 Section::REVIEW_LITIGATION, Section::PROBLEMS, Section::OTHER_MATTERS));
  EXPECT_EQ(CellValueString(*FindCell(r.tables(), "t2.normative_documents.in_force")), "5");
  EXPECT_EQ(CellValueString(*FindCell(r.tables(), "t2.fees.amount_wan_yuan")), "1.25");
  EXPECT_EQ(CellValueString(*FindCell(r.tables(), "t3.new_received.total")), "16");
  EXPECT_EQ(CellValueString(*FindCell(r.tables(), "t3.carried_forward.natural_person")), "50");
  EXPECT_EQ(CellValueString(*FindCell(r.tables(), "t4.litigation_after_review.total")), "15");
  EXPECT_EQ(r.tables().t3().info().heading(), kHeads[1]);
}

std::string StyleName(const ::testing::TestParamInfo<Style>& info) {
  static const char* const kNames[] = {"Paragraph", "FirstRow", "TheadTh",  "WordRow",
                                       "Caption",   "ShortRow", "OwnTable", "Joined",
                                       "T3Only",    "Restated", "LeftBlocks",
                                       "UnitCell",  "TwoTitles"};
  return kNames[static_cast<int>(info.param)];
}

class PartHeadingsInTables : public ::testing::TestWithParam<Style> {};

TEST_P(PartHeadingsInTables, ReadAsTheSameReportWithParagraphHeadings) {
  EXPECT_EQ(Reading(ParsePage(GetParam())), Reading(ParsePage(Style::kParagraph)));
}

INSTANTIATE_TEST_SUITE_P(Styles, PartHeadingsInTables,
                         ::testing::Values(Style::kFirstRow, Style::kTheadTh, Style::kWordRow,
                                           Style::kCaption, Style::kShortRow, Style::kOwnTable,
                                           Style::kJoined, Style::kT3Only, Style::kRestated,
                                           Style::kLeftBlocks, Style::kUnitCell,
                                           Style::kTwoTitles),
                         StyleName);

// The same in a Word document: a table's first row, merged across it
// (w:gridSpan), holding the part's heading.
TEST(PartHeadingsInTables, AWordTablesMergedFirstRowOpensThePart) {
  auto p = [](const std::string& text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
  };
  auto tc = [&](const std::string& text, int span = 1) {
    return absl::StrCat("<w:tc><w:tcPr>",
                        span > 1 ? absl::StrCat("<w:gridSpan w:val=\"", span, "\"/>") : "",
                        "</w:tcPr>", p(text), "</w:tc>");
  };
  const std::string table =
      "<w:tbl><w:tr>" + tc("二、主动公开政府信息情况", 4) + "</w:tr>" +
      "<w:tr>" + tc("第二十条第（一）项", 4) + "</w:tr>" +
      "<w:tr>" + tc("信息内容") + tc("本年制发件数") + tc("本年废止件数") + tc("现行有效件数") + "</w:tr>" +
      "<w:tr>" + tc("规章") + tc("0") + tc("0") + tc("1") + "</w:tr>" +
      "<w:tr>" + tc("行政规范性文件") + tc("2") + tc("1") + tc("5") + "</w:tr></w:tbl>";
  const std::string body = p(kTitle) + p("一、总体情况") + p("2024年，我局主动公开各类信息120条。") +
                           table + p("五、存在的主要问题及改进情况") + p("公开内容还不够全面。");
  xxgk::v1::Document d;
  d.set_content(xxgk::testing::MakeZip(
      {{"[Content_Types].xml", "<Types/>"},
       {"word/document.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
            body + "</w:body></w:document>"}}));
  d.set_file_name("report.docx");
  absl::StatusOr<xxgk::v1::Report> r = ParseDocument(d);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> headings;
  for (const Section& s : r->sections()) headings.push_back(s.heading());
  EXPECT_THAT(headings, ElementsAre("一、总体情况", "二、主动公开政府信息情况", "五、存在的主要问题及改进情况"));
  EXPECT_EQ(r->tables().t2().info().heading(), "二、主动公开政府信息情况");
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t2.normative_documents.in_force")), "5");
  EXPECT_THAT(r->tables().t2().info().unplaced_rows(), IsEmpty());
}

}  // namespace
}  // namespace xxgk::report
