// Plain text → Blocks: lines and the text table layouts.
#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "report/readers.h"
#include "tests/report/fixtures/read_view.h"

namespace xxgk::report {
namespace {

using xxgk::testing::RowTexts;

// Every row's cell texts.
std::vector<std::vector<std::string>> AllRows(const TableGrid& g) {
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < g.rows.size(); ++i) rows.push_back(RowTexts(g, i));
  return rows;
}

std::vector<const Block*> Tables(const ReadResult& r) {
  std::vector<const Block*> out;
  for (const Block& b : r.blocks) {
    if (b.kind == Block::Kind::kTable) out.push_back(&b);
  }
  return out;
}

TEST(ReadText, PipeRowsWithEmptyCellRuns) {
  std::string text =
      "二、主动公开政府信息情况\n"
      "第二十条第(五)项 | |||\n"
      "信息内容 | 本年处理决定数量 | ||\n"
      "行政许可 | 12 | ||\n"
      "之后的正文。\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  const TableGrid& g = t[0]->table;
  EXPECT_EQ(g.source_kind, "text-pipe");
  ASSERT_EQ(g.rows.size(), 3u);
  EXPECT_THAT(RowTexts(g, 0), ::testing::ElementsAre("第二十条第(五)项", "", "", ""));
  EXPECT_THAT(RowTexts(g, 2), ::testing::ElementsAre("行政许可", "12", "", ""));
  EXPECT_EQ(g.caption, "二、主动公开政府信息情况");
  ASSERT_EQ(r->blocks.size(), 3u);
  EXPECT_EQ(r->blocks[0].text, "二、主动公开政府信息情况");
  EXPECT_EQ(r->blocks[2].text, "之后的正文。");
  // source offsets point at the original bytes
  const GridCell& v = g.rows[2][1];
  EXPECT_EQ(text.substr(v.source_begin, v.source_end - v.source_begin), "12");
}

// A copy that joined some cells with tabs and others with pipes: a tab
// before a number parts cells, and once it does, tabs part the table's
// other cells too (the header row) and a row of tabs alone belongs to the
// table. Read as one cell, "行政许可<TAB>12" would hide the number in the
// label and leave the row's cells blank. Where no tab comes before a number
// ("商业<TAB>企业", a label wrapped in its cell), a tab is no cell border.
TEST(ReadText, TabsInsidePipeRowsPartCellsWhereANumberFollows) {
  const std::string text =
      "第二十条第(五)项 | |||\n"
      "信息内容\t本年处理决定数量 | ||\n"
      "行政许可\t12\t||\n"
      "行政事业性收费\t120\t\n"
      "之后的正文。\n"
      "\n"
      "项目 | 数量 |\n"
      "商业\t企业 | 3 |\n";
  const absl::StatusOr<ReadResult> r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::vector<std::vector<std::string>>> grids;
  for (const Block* b : Tables(*r)) grids.push_back(AllRows(b->table));
  using Grid = std::vector<std::vector<std::string>>;
  EXPECT_THAT(grids, ::testing::ElementsAre(Grid{{"第二十条第(五)项", "", "", ""},
                                                 {"信息内容", "本年处理决定数量", "", ""},
                                                 {"行政许可", "12", "", ""},
                                                 {"行政事业性收费", "120", "", ""}},
                                            Grid{{"项目", "数量"}, {"商业\t企业", "3"}}));
  // the split cells keep their own source spans
  const GridCell& v = Tables(*r).at(0)->table.rows.at(2).at(1);
  EXPECT_EQ(text.substr(v.source_begin, v.source_end - v.source_begin), "12");
}

// A copy that lost the pipe between a label and its first value ("规章 8 |
// 13 | 2 |"): the number after the label's last blank is a cell of its
// own, so the values stay in their columns. Only the last label cell before
// the values is looked at, and only a number of digits splits off.
TEST(ReadText, APipeLostAfterALabelIsPutBack) {
  std::string text;
  for (const char* line : {"信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "规章 8 | 13 | 2 |",
                           "行政规范性文件 | 1,234 | 0 | 7 |", "行政许可 12 | ||",
                           "(三)不予公开 | 1.属于国家秘密 3 | 4 |", "其他 无 | 5 |", "第 2 | 6 |"}) {
    text = text + line + "\n";
  }
  const absl::StatusOr<ReadResult> r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  const auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  const TableGrid& g = t[0]->table;
  using Cells = std::vector<std::string>;
  EXPECT_THAT(AllRows(g), ::testing::ElementsAre(Cells{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                                           Cells{"规章", "8", "13", "2"},
                                           Cells{"行政规范性文件", "1,234", "0", "7"},
                                           Cells{"行政许可", "12", "", ""},
                                           Cells{"(三)不予公开", "1.属于国家秘密", "3", "4"},
                                           Cells{"其他无", "5", "", ""},  // blanks between Chinese characters are dropped
                                           Cells{"第", "2", "6", ""}));
  const GridCell& v = g.rows[1][1];
  EXPECT_EQ(text.substr(v.source_begin, v.source_end - v.source_begin), "8");
}

// A copy that made every line a paragraph puts a blank line after each: the
// blank lines are dropped and a table of one cell per line reads whole.
// Where blank lines are not everywhere, one still ends a table.
TEST(ReadText, BlankLinesAfterEveryLineAreDropped) {
  const std::vector<std::string> lines = {"二、主动公开政府信息情况", "|", "信息内容 |", "本年制发件数 |",
                                          "本年废止件数 |", "现行有效件数 |", "|", "规章 |", "1 |", "2 |",
                                          "3 |", "|", "三、收到和处理政府信息公开申请情况"};
  std::string spaced, single;
  for (const std::string& l : lines) {
    spaced += l + "\n\n";
    single += l + (l == "1 |" ? "\n\n" : "\n");  // one blank line, inside the table
  }
  const absl::StatusOr<ReadResult> r = ReadText(spaced);
  ASSERT_TRUE(r.ok()) << r.status();
  const auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]->table.source_kind, "text-cell-lines");
  EXPECT_THAT(AllRows(t[0]->table),
              ::testing::ElementsAre(::testing::ElementsAre("信息内容", "本年制发件数", "本年废止件数", "现行有效件数", ""),
                                     ::testing::ElementsAre("规章", "1", "2", "3", "")));
  const absl::StatusOr<ReadResult> one = ReadText(single);
  ASSERT_TRUE(one.ok());
  const auto first = Tables(*one);
  ASSERT_FALSE(first.empty());
  EXPECT_THAT(AllRows(first[0]->table).back(), ::testing::ElementsAre("规章", "1", "", ""))
      << "one blank line ends the table";
}

// Text that sets each row's values before its label (a browser's PDF
// extracted as plain text): the values go with the label after them, since
// that reading places more of the table's cells. Text in the usual order
// whose last row is blank (a label alone at the end) keeps its order: the
// other reading places no more cells.
TEST(ReadText, FlatTextWithValuesBeforeTheirLabelsPairsThemWithTheLabelAfter) {
  auto grid_of = [](const std::vector<std::string>& lines) {
    std::string text = "二、主动公开政府信息情况\n";
    for (const std::string& l : lines) text += l + "\n";
    text += "三、收到和处理政府信息公开申请情况\n";
    auto r = ReadText(text);
    EXPECT_TRUE(r.ok());
    const auto t = Tables(*r);
    return t.empty() ? std::vector<std::vector<std::string>>{} : AllRows(t[0]->table);
  };
  using Cells = std::vector<std::string>;
  const std::vector<std::string> header = {"第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"};
  std::vector<std::string> before = header;
  for (const char* l : {"70", "10", "47", "规章", "84", "2712", "61", "行政规范性文件"}) before.push_back(l);
  EXPECT_THAT(grid_of(before), ::testing::AllOf(::testing::Contains(Cells{"规章", "70", "10", "47"}),
                                                ::testing::Contains(Cells{"行政规范性文件", "84", "2712", "61"})));
  std::vector<std::string> after = header;
  for (const char* l : {"规章", "70", "10", "47", "行政规范性文件"}) after.push_back(l);
  EXPECT_THAT(grid_of(after), ::testing::Contains(Cells{"规章", "70", "10", "47"}));
}

TEST(ReadText, OneCellPerLineBetweenPipeLines) {
  std::string text =
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "|\n"
      "行政复议 |\n"
      "行政诉讼 |\n"
      "|||\n"
      "|\n"
      "(一)予以公开 |\n"
      "3 |\n"
      "4 |\n"
      "|\n"
      "|\n"
      "2.重复申请 |\n"
      "5 |\n"
      "||\n"
      "五、存在的主要问题及改进情况\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  const TableGrid& g = t[0]->table;
  EXPECT_EQ(g.source_kind, "text-cell-lines");
  ASSERT_EQ(g.rows.size(), 3u);
  EXPECT_THAT(RowTexts(g, 0), ::testing::ElementsAre("行政复议", "行政诉讼", "", "", ""));
  EXPECT_THAT(RowTexts(g, 1), ::testing::ElementsAre("(一)予以公开", "3", "4", "", ""));
  EXPECT_THAT(RowTexts(g, 2), ::testing::ElementsAre("2.重复申请", "5", "", "", ""));
  EXPECT_EQ(r->blocks.back().kind, Block::Kind::kLine);
  EXPECT_EQ(r->blocks.back().text, "五、存在的主要问题及改进情况");
}

TEST(ReadText, CellLinesWithAWrappedCellText) {
  std::string text =
      "|\n"
      "(二)部分公开(区分处理的,只计这一情形,\n"
      "不计其他情形) |\n"
      "2 |\n"
      "|\n"
      "(七)总计 |\n"
      "5 |\n"
      "五、存在的主要问题及改进情况\n"
      "正文。\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  ASSERT_EQ(t[0]->table.rows.size(), 2u);
  EXPECT_THAT(RowTexts(t[0]->table, 0),
              ::testing::ElementsAre("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "2"));
  EXPECT_EQ(r->blocks.size(), 3u);
}

TEST(ReadText, MarkdownTable) {
  std::string text =
      "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
      "|---|:---:|---|---|\n"
      "| 规章 | 1 |  | 3 |\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]->table.source_kind, "text-markdown");
  ASSERT_EQ(t[0]->table.rows.size(), 2u);
  EXPECT_THAT(RowTexts(t[0]->table, 1), ::testing::ElementsAre("规章", "1", "", "3"));
}

TEST(ReadText, WhitespaceAlignedColumns) {
  std::string text =
      "正文一行。\n"
      "行政许可\t12\t\n"
      "一、本年新收政府信息公开申请数量   1   0   0   0   0   0   1\n"
      "二、上年结转政府信息公开申请数量   0   0   0   0   0   0   0\n"
      "结尾。\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]->table.source_kind, "text-aligned");
  ASSERT_EQ(t[0]->table.rows.size(), 3u);
  EXPECT_EQ(t[0]->table.rows[1].size(), 8u);
  EXPECT_EQ(t[0]->table.rows[1][0].text, "一、本年新收政府信息公开申请数量");
  EXPECT_EQ(t[0]->table.rows[1][7].text, "1");
}

// A table copied from a web page or saved as text by Word: one tab between
// every two cells. Blank cells (two tabs in a row, or tabs after the last
// value) keep the values after them in their columns; a row of blanks and
// the band rows of table 二 stay in the table; a section heading between two
// tables does not; table 四's single row of values under its headers makes a
// table.
TEST(ReadText, TabSeparatedCellsKeepBlankCellsInTheirColumns) {
  const std::string text =
      "二、主动公开政府信息情况\n"
      "第二十条第(一)项\n"
      "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
      "规章\t3\t5\t74\n"
      "第二十条第(五)项\n"
      "信息内容\t本年处理决定数量\n"
      "行政许可\t300\n"
      "三、收到和处理政府信息公开申请情况\n"
      "一、本年新收政府信息公开申请数量\t258\t12\t\t\t1\t1\t273\n"
      "2.其他法律行政法规禁止公开\t\t\t\t\t\t\t\n"
      "3.危及“三安全一稳定”\t\t\t\t\t\t\t\n"
      "8.属于行政查询事项\t10\t2\t\t\t\t\t12\n"
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "行政复议\t行政诉讼\n"
      "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
      "5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t\n"
      "五、存在的主要问题及改进情况\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 3u);
  const TableGrid& t2 = t[0]->table;
  // from the first row with a tab; the 第二十条第(五)项 band row is a row
  // of it (rows padded to the widest)
  ASSERT_EQ(t2.rows.size(), 5u);
  EXPECT_THAT(RowTexts(t2, 1), ::testing::ElementsAre("规章", "3", "5", "74"));
  EXPECT_THAT(RowTexts(t2, 2), ::testing::ElementsAre("第二十条第(五)项", "", "", ""));
  EXPECT_THAT(RowTexts(t2, 4), ::testing::ElementsAre("行政许可", "300", "", ""));

  const TableGrid& t3 = t[1]->table;
  ASSERT_EQ(t3.rows.size(), 4u);
  EXPECT_THAT(RowTexts(t3, 0), ::testing::ElementsAre("一、本年新收政府信息公开申请数量", "258", "12", "",
                                                      "", "1", "1", "273"));
  EXPECT_THAT(RowTexts(t3, 1), ::testing::ElementsAre("2.其他法律行政法规禁止公开", "", "", "", "", "",
                                                      "", ""));
  EXPECT_THAT(RowTexts(t3, 3), ::testing::ElementsAre("8.属于行政查询事项", "10", "2", "", "", "", "", "12"));

  const TableGrid& t4 = t[2]->table;
  ASSERT_EQ(t4.rows.size(), 3u);
  EXPECT_EQ(t4.rows[2].size(), 15u);
  EXPECT_EQ(t4.rows[2][3].text, "2");
  EXPECT_EQ(t4.rows[2][8].text, "1");

  // the section headings between the tables are lines
  std::vector<std::string> lines;
  for (const Block& b : r->blocks) {
    if (b.kind == Block::Kind::kLine) lines.push_back(b.text);
  }
  EXPECT_THAT(lines, ::testing::Contains("三、收到和处理政府信息公开申请情况"));
  EXPECT_THAT(lines, ::testing::Contains("四、政府信息公开行政复议、行政诉讼情况"));
}

// Where spaces align the columns, a run of blanks is one gap whatever the
// tabs in it.
// Text laid out by a PDF converter (pdftotext -layout) sets a long label or
// a wide number a single blank before the next column. Numbers after a
// single blank are cells of their own, so each row keeps its seven values
// in order; a field of words ("(三) 1.属于国家秘密") is not split.
TEST(ReadText, NumbersOneBlankAfterTheFieldBeforeAreCells) {
  std::string text;
  for (const char* line : {"一、本年新收政府信息公开申请数量 52               89          29     66   678    43   80",
                           "二、上年结转政府信息公开申请数量 20               57          10622 34    71     11   48",
                           "(三) 1.属于国家秘密  21           6554        95     35   72     12   5537"}) {
    text = text + line + "\n";
  }
  const absl::StatusOr<ReadResult> r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  const auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_THAT(AllRows(t[0]->table),
              ::testing::ElementsAre(
                  ::testing::ElementsAre("一、本年新收政府信息公开申请数量", "52", "89", "29", "66", "678", "43", "80"),
                  ::testing::ElementsAre("二、上年结转政府信息公开申请数量", "20", "57", "10622", "34", "71", "11", "48"),
                  ::testing::ElementsAre("(三) 1.属于国家秘密", "21", "6554", "95", "35", "72", "12", "5537")));
}

TEST(ReadText, SpaceAlignedGapsWithTabsAreOneGap) {
  auto r = ReadText("规章    3  \t  5    74\n规范性文件  \t\t  2    6    80\n");
  ASSERT_TRUE(r.ok()) << r.status();
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_THAT(RowTexts(t[0]->table, 0), ::testing::ElementsAre("规章", "3", "5", "74"));
  EXPECT_THAT(RowTexts(t[0]->table, 1), ::testing::ElementsAre("规范性文件", "2", "6", "80"));
}

// Spaces keep the columns (a table copied out of a PDF viewer or a page).
// Table 四 has a single row of values under its header rows, and table 二's
// later blocks one value per row under a band (第二十条第（五）项) and a row of
// headers: each is read when its headers name the table. Rows of one value
// each under no header row are not a table.
TEST(ReadText, SpacedTablesOfOneValueRowOrOneValueColumn) {
  std::string t4 =
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "行政复议    行政诉讼\n"
      "结果维持    结果纠正    其他结果    尚未审结    总计    未经复议直接起诉    复议后起诉\n"
      "1    2    3    4    10    5    6    7    8    26    9    11    12    13    45\n"
      "五、存在的主要问题及改进情况\n";
  auto r = ReadText(t4);
  ASSERT_TRUE(r.ok()) << r.status();
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  ASSERT_EQ(t[0]->table.rows.size(), 3u);
  EXPECT_EQ(t[0]->table.rows[2].size(), 15u);
  EXPECT_EQ(t[0]->table.rows[2][14].text, "45");

  std::string t2 =
      "第二十条第(一)项\n"
      "信息内容    本年制发件数    本年废止件数    现行有效件数\n"
      "规章    1    2    3\n"
      "行政规范性文件    4    5    6\n"
      "第二十条第(五)项\n"
      "信息内容    本年处理决定数量\n"
      "行政许可    7\n"
      "第二十条第(六)项\n"
      "信息内容    本年处理决定数量\n"
      "行政处罚    8\n"
      "行政强制    9\n"
      "三、收到和处理政府信息公开申请情况\n";
  r = ReadText(t2);
  ASSERT_TRUE(r.ok()) << r.status();
  t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]->table.rows.size(), 10u);
  EXPECT_THAT(RowTexts(t[0]->table, 9), ::testing::ElementsAre("行政强制", "9", "", ""));

  r = ReadText("正文。\n行政许可    7\n行政处罚    8\n结尾。\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(Tables(*r).empty());
}

// `text` read; it must hold exactly one table (an empty result otherwise).
ReadResult ReadOneTable(const std::string& text) {
  absl::StatusOr<ReadResult> r = ReadText(text);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok() || Tables(*r).size() != 1) return {};
  return *std::move(r);
}

// pdftotext -layout keeps each word at its column but may set two columns
// only one blank apart: column titles ("本年制发件数 本年废止件数", a blank that
// normalisation drops between ideographs) and a long label before its first
// value ("行政规范性文件 12"; "行政事业性收费 123.45", a row with no wider gap).
TEST(ReadText, PdftotextLayoutColumnsOneBlankApart) {
  const std::string text =
      "第二十条第(一)项\n"
      "信息内容    本年制发件数 本年废止件数 现行有效件数\n"
      "规章      2      1      15\n"
      "行政规范性文件 12     3      48\n"
      "第二十条第(八)项\n"
      "信息内容    本年收费金额(单位:万元)\n"
      "行政事业性收费 123.45\n"
      "\n"
      "三、收到和处理政府信息公开申请情况\n";
  const ReadResult r = ReadOneTable(text);
  ASSERT_FALSE(r.blocks.empty());
  const TableGrid& g = Tables(r)[0]->table;
  ASSERT_EQ(g.rows.size(), 6u);
  // the titles one blank apart, each a cell over its column
  EXPECT_THAT(RowTexts(g, 0), ::testing::ElementsAre("信息内容", "本年制发件数", "本年废止件数",
                                                     "现行有效件数"));
  EXPECT_THAT(RowTexts(g, 2), ::testing::ElementsAre("行政规范性文件", "12", "3", "48"));
  // the fee's row, its value under 本年收费金额
  EXPECT_THAT(RowTexts(g, 5), ::testing::ElementsAre("行政事业性收费", "123.45", "", ""));
}

// A line with a number one blank after its words stays a line when the
// number is under no column of the table above it.
TEST(ReadText, PdftotextLayoutNumberUnderNoColumnIsNoRow) {
  const std::string text =
      "信息内容    本年处理决定数量\n"
      "行政处罚    1234\n"
      "行政强制    17\n"
      "共收到申请件数合计为 12\n";
  const ReadResult r = ReadOneTable(text);
  ASSERT_FALSE(r.blocks.empty());
  EXPECT_EQ(Tables(r)[0]->table.rows.size(), 3u);
  EXPECT_EQ(r.blocks.back().kind, Block::Kind::kLine);
  EXPECT_EQ(r.blocks.back().text, "共收到申请件数合计为 12");
}

// pdftotext -layout parts a table's rows with one or two blank lines and
// sets header lines with titles one blank apart (no wider gap) over the row
// of values: one table, a page's number where it crosses a page no row of
// it. A paragraph past the table stays text.
TEST(ReadText, PdftotextLayoutBlankLinesAndTitleLinesInsideATable) {
  const std::string text =
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "行政复议                   行政诉讼\n"
      "\n"
      "\n"
      "                   未经复议直接起诉             复议后起诉\n"
      "结果维持 结果纠正 其他结果 尚未审结 总计\n"
      "3\n"
      "                   结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正\n"
      "\n"
      "\n"
      "3    1    0    1    5 2     0    1    0    3 1     0    0    0    1\n"
      "\n"
      "\n"
      "本年度共办理行政复议案件 5\n";
  const ReadResult r = ReadOneTable(text);
  ASSERT_FALSE(r.blocks.empty());
  const TableGrid& g = Tables(r)[0]->table;
  ASSERT_EQ(g.rows.size(), 5u);
  EXPECT_EQ(g.rows[4].size(), 15u);
  EXPECT_EQ(g.rows[4][5].text, "2");
  EXPECT_EQ(r.blocks.back().kind, Block::Kind::kLine);
}

TEST(ReadText, ProseWithWideGapsIsNotATable) {
  std::string text = "发布时间:2018-08-21 21:15:58     来源:某镇人民政府 阅读次数:3689\n\n正文。\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(Tables(*r).empty());
}

TEST(ReadText, LabelUnitAndValueRunTogether) {
  std::string text =
      "政府信息公开情况统计表\n"
      "统计指标单位统计数\n"
      "一、主动公开情况\xC2\xA0\xC2\xA0\n"
      "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)300\n"
      "2.政府网站公开政府信息数244\n"
      "统计指标单位统计数\n"
      "七、依申请公开信息收取的费用万元\xC2\xA0\n"
      "(三)接受培训人员数人次\n"
      "(三)从事政府信息公开工作人员数 人 12\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  const TableGrid& g = t[0]->table;
  EXPECT_EQ(g.source_kind, "text-run-together");
  ASSERT_EQ(g.rows.size(), 7u);  // header once, repeated header dropped
  EXPECT_THAT(RowTexts(g, 0), ::testing::ElementsAre("统计指标", "单位", "统计数"));
  EXPECT_THAT(RowTexts(g, 1), ::testing::ElementsAre("一、主动公开情况", "", ""));
  EXPECT_THAT(RowTexts(g, 2), ::testing::ElementsAre(
                                  "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", "", "300"));
  EXPECT_THAT(RowTexts(g, 3), ::testing::ElementsAre("2.政府网站公开政府信息数", "", "244"));
  EXPECT_THAT(RowTexts(g, 4), ::testing::ElementsAre("七、依申请公开信息收取的费用", "万元", ""));
  EXPECT_THAT(RowTexts(g, 5), ::testing::ElementsAre("(三)接受培训人员数", "人次", ""));
  EXPECT_THAT(RowTexts(g, 6), ::testing::ElementsAre("(三)从事政府信息公开工作人员数", "人", "12"));
}

// Header lines are recognised by their key whatever surrounds the words
// (numbering, spaces, 计量单位); long lines that merely mention 统计 are not
// headers.
// The run-together row split by hand equals the pattern it replaced, on
// generated lines built from the characters that matter to it.
TEST(ReadText, TrailingValueSplitEqualsItsPattern) {
  static const RE2 kPattern(
      R"(^(.*?)\s*((?:[0-9][0-9,]*(?:\.[0-9]+)?)|(?:\s/|\s-|\s—+|\s无))$)");
  const std::vector<std::string> parts = {"申", "请", "数", "件", "万元", "a", " ", "  ", "\t", "\u3000",
                                          "0", "1", "7", "12", ",", ".", "/", "-", "—", "无",
                                          "(", ")", "\r", "\f"};
  std::mt19937 rng(7);
  int split = 0, whole = 0;
  for (int n = 0; n < 60000; ++n) {
    std::string line;
    const int len = static_cast<int>(rng() % 10);
    for (int k = 0; k < len; ++k) line += parts[rng() % parts.size()];
    re2::StringPiece head, val;
    const bool want = RE2::FullMatch(line, kPattern, &head, &val);
    size_t got_head = 0, got_value = 0;
    const bool got = internal::SplitTrailingValue(line, &got_head, &got_value);
    ASSERT_EQ(got, want) << "[" << line << "]";
    if (!want) continue;
    ASSERT_EQ(got_head, head.size()) << "[" << line << "]";
    ASSERT_EQ(got_value, static_cast<size_t>(val.data() - line.data())) << "[" << line << "]";
    ++(got_head > 0 ? split : whole);
  }
  // Both outcomes are reached often.
  EXPECT_GT(split, 5000);
  EXPECT_GT(whole, 500);
}

TEST(ReadText, RunTogetherHeaderVariantsAndLongLinesMentioningStatistics) {
  for (const std::string header :
       {"统计指标 单位 统计数", "一、统计指标  计量单位  统计数", "(一) 统 计 指 标 / 单位 / 统计数",
        "第一部分 统计指标单位统计数"}) {
    std::string text = header + "\n"
                       "一、主动公开情况\n"
                       "(一)主动公开政府信息数120\n";
    auto r = ReadText(text);
    ASSERT_TRUE(r.ok());
    auto t = Tables(*r);
    ASSERT_EQ(t.size(), 1u) << header;
    EXPECT_EQ(t[0]->table.source_kind, "text-run-together") << header;
  }
  std::string text =
      "本机关按照统计指标单位统计数的要求认真填报了政府信息公开情况统计表并在网站公开发布供公众查阅\n"
      "一、主动公开情况\n"
      "(一)主动公开政府信息数120\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(Tables(*r).empty());
}

TEST(ReadText, RunTogetherTableWithoutHeaderLineAfterItsTitle) {
  std::string text =
      "附件\n"
      "政府信息公开情况统计表\n"
      "(2016年度)\n"
      "一、主动公开情况\n"
      "(一)主动公开政府信息数120\n"
      "1.政府公报公开政府信息数3\n"
      "2.政府网站公开政府信息数117\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  ASSERT_EQ(t[0]->table.rows.size(), 5u);
  EXPECT_THAT(RowTexts(t[0]->table, 4), ::testing::ElementsAre("2.政府网站公开政府信息数", "", "117"));
  EXPECT_EQ(r->blocks[2].text, "(2016年度)");
}

// A table whose grid was lost on the way to text: every cell on a line of
// its own. Values join the row above; column headers stacked one per line
// above a row of k values become one header row of k + 1 cells; short lines
// before the table that name no table stay lines, and so does what follows.
TEST(ReadText, CellPerLineWithoutSeparatorsIsATable) {
  std::string text =
      "二、主动公开政府信息情况\n"
      "具体情况见下表\n"
      "第二十条第(一)项\n"
      "信息内容\n"
      "本年制发件数\n"
      "本年废止件数\n"
      "现行有效件数\n"
      "规章\n"
      "1\n"
      "\n"
      "2\n"
      "3\n"
      "行政规范性文件\n"
      "4\n"
      "5\n"
      "1,234\n"
      "第二十条第(五)项\n"
      "信息内容\n"
      "本年处理决定数量\n"
      "行政许可\n"
      "—\n"
      "说明\n"
      "三、收到和处理政府信息公开申请情况\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  const TableGrid& g = t[0]->table;
  EXPECT_EQ(g.source_kind, "text-flat");
  ASSERT_EQ(g.rows.size(), 7u);
  EXPECT_THAT(RowTexts(g, 0), ::testing::ElementsAre("第二十条第(一)项", "", "", ""));
  EXPECT_THAT(RowTexts(g, 1),
              ::testing::ElementsAre("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"));
  EXPECT_THAT(RowTexts(g, 2), ::testing::ElementsAre("规章", "1", "2", "3"));
  EXPECT_THAT(RowTexts(g, 3), ::testing::ElementsAre("行政规范性文件", "4", "5", "1,234"));
  EXPECT_THAT(RowTexts(g, 4), ::testing::ElementsAre("第二十条第(五)项", "", "", ""));
  EXPECT_THAT(RowTexts(g, 5), ::testing::ElementsAre("信息内容", "本年处理决定数量", "", ""));
  EXPECT_THAT(RowTexts(g, 6), ::testing::ElementsAre("行政许可", "—", "", ""));
  ASSERT_EQ(r->blocks.size(), 5u);
  EXPECT_EQ(r->blocks[0].text, "二、主动公开政府信息情况");
  EXPECT_EQ(r->blocks[1].text, "具体情况见下表");
  EXPECT_EQ(g.caption, "具体情况见下表");
  EXPECT_EQ(r->blocks[3].text, "说明");  // a label row after the last values
  EXPECT_EQ(r->blocks[4].text, "三、收到和处理政府信息公开申请情况");
  // cells point at their own lines in the original
  const GridCell& v = g.rows[3][3];
  EXPECT_EQ(text.substr(v.source_begin, v.source_end - v.source_begin), "1,234");
}

// Rows whose cells are separated by single blanks: the values at the end
// of a line are cells, the blank-separated words before them label cells;
// a line of values alone (table 四's) continues the row above.
TEST(ReadText, SingleBlankSeparatedRowsAreATable) {
  std::string text =
      "三、收到和处理政府信息公开申请情况\n"
      "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\n"
      "申请人情况\n"
      "一、本年新收政府信息公开申请数量 10 2 0 0 0 1 13\n"
      "三、本年度办理结果 (一)予以公开 5 1 0 0 0 0 6\n"
      "(三)不予公开 1.属于国家秘密 0 0 0 0 0 / 0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "行政复议\n"
      "行政诉讼\n"
      "未经复议直接起诉\n"
      "复议后起诉\n"
      "总计\n"
      "1 0 0 0 1 0 0 0 0 0 2 0 0 0 2\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 2u);
  const TableGrid& t3 = t[0]->table;
  EXPECT_EQ(t3.source_kind, "text-flat");
  ASSERT_EQ(t3.rows.size(), 5u);
  EXPECT_THAT(RowTexts(t3, 2), ::testing::ElementsAre("一、本年新收政府信息公开申请数量", "10", "2", "0",
                                                      "0", "0", "1", "13", ""));
  EXPECT_THAT(RowTexts(t3, 3), ::testing::ElementsAre("三、本年度办理结果", "(一)予以公开", "5", "1", "0",
                                                      "0", "0", "0", "6"));
  EXPECT_THAT(RowTexts(t3, 4), ::testing::ElementsAre("(三)不予公开", "1.属于国家秘密", "0", "0", "0", "0",
                                                      "0", "/", "0"));
  const TableGrid& t4 = t[1]->table;
  ASSERT_EQ(t4.rows.size(), 5u);
  EXPECT_EQ(t4.rows[4].size(), 16u);
  EXPECT_EQ(t4.rows[4][0].text, "总计");
  EXPECT_EQ(t4.rows[4][11].text, "2");
}

// Plain pdftotext (no -layout) sets a table's cells one per line, but keeps
// column titles that share a line of the page on one line, one blank apart
// (a blank normalisation drops between ideographs), and a label with its
// first value ("行政规范性文件 12"). The titles are header cells of their
// own when a cell a word makes as many as the row of values below has; a
// body paragraph holding a number stays a line.
TEST(ReadText, CellPerLineTableWithColumnTitlesOnOneLine) {
  const std::string text =
      "二、主动公开政府信息情况\n"
      "全年共收到申请 12 件\n"
      "第二十条第(一)项\n"
      "信息内容\n"
      "本年制发件数 本年废止件数 现行有效件数\n"
      "规章\n"
      "2\n"
      "1\n"
      "15\n"
      "行政规范性文件 12\n"
      "3\n"
      "48\n"
      "三、收到和处理政府信息公开申请情况\n";
  const ReadResult r = ReadOneTable(text);
  const auto t = Tables(r);
  ASSERT_EQ(t.size(), 1u);
  using Cells = std::vector<std::string>;
  EXPECT_THAT(AllRows(t[0]->table),
              ::testing::ElementsAre(Cells{"第二十条第(一)项", "", "", ""},
                                     Cells{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                                     Cells{"规章", "2", "1", "15"},
                                     Cells{"行政规范性文件", "12", "3", "48"}));
  EXPECT_EQ(r.blocks[1].text, "全年共收到申请 12 件");
  const GridCell& title = t[0]->table.rows[1][2];
  EXPECT_EQ(text.substr(title.source_begin, title.source_end - title.source_begin), "本年废止件数");
}

// A page footer among table 四's header lines, one title a line, has as
// many blank-separated words as the header lacks cells (第 3 页 共 8 页):
// a line holding a number is no line of titles, and the row of values
// keeps its numbers.
TEST(ReadText, PageFooterAmongHeaderLinesIsNoLineOfTitles) {
  std::string text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n";
  for (int block = 0; block < 3; ++block) {
    text += "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n";
    if (block == 0) text += "未经复议直接起诉\n复议后起诉\n第 3 页 共 8 页\n";
  }
  for (const char c : std::string("310152010310001")) text += std::string(1, c) + "\n";
  text += "五、存在的主要问题及改进情况\n";
  const ReadResult r = ReadOneTable(text);
  const auto t = Tables(r);
  ASSERT_EQ(t.size(), 1u);
  const std::vector<std::string> last = RowTexts(t[0]->table, t[0]->table.rows.size() - 1);
  EXPECT_THAT(last, ::testing::Contains("5"));
  EXPECT_THAT(AllRows(t[0]->table), ::testing::Each(::testing::Not(::testing::Contains("页"))));
}

// Short lines that happen to hold a number are not tables: a label and one
// value a line (prose as often as not), numbers under labels of no
// statistics table, and a tab-separated table, which keeps its blank cells
// and is read as one.
TEST(ReadText, ShortLinesWithNumbersThatAreNoFlatTable) {
  auto pairs = ReadText("行政许可 12\n行政处罚 3\n行政强制 0\n");
  ASSERT_TRUE(pairs.ok());
  EXPECT_TRUE(Tables(*pairs).empty());
  EXPECT_EQ(pairs->blocks.size(), 3u);

  auto quarters = ReadText("第一季度\n12\n15\n第二季度\n20\n22\n");
  ASSERT_TRUE(quarters.ok());
  EXPECT_TRUE(Tables(*quarters).empty());
  EXPECT_EQ(quarters->blocks.size(), 6u);

  auto tabbed = ReadText(
      "第二十条第(一)项\n"
      "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
      "规章\t3\t\t74\n"
      "行政规范性文件\t1\t2\t3\n");
  ASSERT_TRUE(tabbed.ok());
  auto t = Tables(*tabbed);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]->table.source_kind, "text-aligned");
  EXPECT_THAT(RowTexts(t[0]->table, 1), ::testing::ElementsAre("规章", "3", "", "74"));
}

// The pre-2019 table with each cell on a line of its own: a unit or a
// value alone on a line fills the row above (a placeholder the unit first).
TEST(ReadText, RunTogetherTableWithACellPerLine) {
  std::string text =
      "政府信息公开情况统计表\n"
      "一、主动公开情况\n"
      "——\n"
      "——\n"
      "(一)主动公开政府信息数\n"
      "条\n"
      "244\n"
      "其中:主动公开规范性文件数\n"
      "条\n"
      "3\n"
      "七、依申请公开信息收取的费用\n"
      "万元\n"
      "0.5\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  const TableGrid& g = t[0]->table;
  EXPECT_EQ(g.source_kind, "text-run-together");
  ASSERT_EQ(g.rows.size(), 5u);
  EXPECT_THAT(RowTexts(g, 1), ::testing::ElementsAre("一、主动公开情况", "——", "——"));
  EXPECT_THAT(RowTexts(g, 2), ::testing::ElementsAre("(一)主动公开政府信息数", "条", "244"));
  EXPECT_THAT(RowTexts(g, 3), ::testing::ElementsAre("其中:主动公开规范性文件数", "条", "3"));
  EXPECT_THAT(RowTexts(g, 4), ::testing::ElementsAre("七、依申请公开信息收取的费用", "万元", "0.5"));
}

// Another reader's lines (a web page or a document with each cell in a
// paragraph): a run of line blocks that is a flat statistics table becomes
// a table block in its place, with the page and source span of its lines;
// other lines and tables stay as they were.
TEST(GatherFlatTables, ReplacesTheLinesOfAFlatTableInPlace) {
  std::vector<Block> blocks;
  uint32_t at = 0;
  auto line = [&](const std::string& text, uint32_t page) {
    Block& b = blocks.emplace_back();
    b.text = text;
    b.page = page;
    b.source_begin = at + 3;  // a tag before the text
    b.source_end = b.source_begin + static_cast<uint32_t>(text.size());
    at = b.source_end + 4;
  };
  line("二、主动公开政府信息情况", 1);
  line("第二十条第(一)项", 1);
  line("信息内容", 1);
  line("本年制发件数", 1);
  line("本年废止件数", 1);
  line("现行有效件数", 1);
  line("规章", 1);
  line("1", 1);
  line("2", 2);
  line("3", 2);
  line("说明", 2);
  Block& grid = blocks.emplace_back();
  grid.kind = Block::Kind::kTable;
  grid.table.source_kind = "html";
  grid.table.rows = {{GridCell{.text = "a"}}};
  line("四、政府信息公开行政复议、行政诉讼情况", 2);
  line("行政复议 1", 2);
  const uint32_t two_begin = blocks[8].source_begin, three_end = blocks[9].source_end;
  const uint32_t article_begin = blocks[1].source_begin;

  GatherFlatTables(&blocks);
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(blocks[0].text, "二、主动公开政府信息情况");
  const Block& t = blocks[1];
  ASSERT_EQ(t.kind, Block::Kind::kTable);
  EXPECT_EQ(t.table.source_kind, "text-flat");
  EXPECT_EQ(t.page, 1u);
  EXPECT_EQ(t.source_begin, article_begin);
  EXPECT_EQ(t.source_end, three_end);
  EXPECT_EQ(t.table.caption, "二、主动公开政府信息情况");
  ASSERT_EQ(t.table.rows.size(), 3u);
  EXPECT_THAT(RowTexts(t.table, 1),
              ::testing::ElementsAre("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"));
  EXPECT_THAT(RowTexts(t.table, 2), ::testing::ElementsAre("规章", "1", "2", "3"));
  // a cell that was a whole line has the line's span
  EXPECT_EQ(t.table.rows[2][2].source_begin, two_begin);
  EXPECT_EQ(blocks[2].text, "说明");
  EXPECT_EQ(blocks[2].page, 2u);
  EXPECT_EQ(blocks[3].table.source_kind, "html");
  EXPECT_EQ(blocks[4].text, "四、政府信息公开行政复议、行政诉讼情况");
  EXPECT_EQ(blocks[5].text, "行政复议 1");

  // lines that are no table are left alone
  std::vector<Block> prose(4);
  for (size_t i = 0; i < prose.size(); ++i) prose[i].text = "第" + std::to_string(i) + "段 12";
  GatherFlatTables(&prose);
  ASSERT_EQ(prose.size(), 4u);
  EXPECT_EQ(prose[3].text, "第3段 12");
}

TEST(ReadText, WrappedLabelLineJoinsTheNextPipeRow) {
  std::string text =
      "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
      "(二)部分公开(区分处理的,只计这一情形,\n"
      "不计其他情形) | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  ASSERT_EQ(t[0]->table.rows.size(), 2u);
  EXPECT_EQ(t[0]->table.rows[1][0].text, "(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
}

// Text taken from a PDF keeps the page's number where the page broke, on a
// line of its own between two rows. It is no wrapped label: joined to the
// next row it read "2" + "0" as 20, or set every value a column right. A
// line before a row that starts with a value has no label to continue
// either; a wrapped label before a row with its own label still joins it.
TEST(ReadText, APageNumberBetweenRowsIsNoPartOfTheNextRow) {
  // The one table `text` holds, as rows of cell texts.
  auto rows_of = [](const std::string& text) {
    auto r = ReadText(text);
    EXPECT_TRUE(r.ok());
    std::vector<std::vector<std::string>> rows;
    if (r.ok() && Tables(*r).size() == 1) rows = AllRows(Tables(*r)[0]->table);
    return rows;
  };
  const std::string head =
      "行政复议 | 行政诉讼 | |||||||||||||\n"
      "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n";
  const std::string row = "0 | 1 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
  for (const std::string& mark :
       {std::string("2"), std::string("— 2 —"), std::string("- 2 -"), std::string("第 2 页 共 8 页"),
        std::string("第2页"), std::string("2/8"), std::string("（单位：件）")}) {
    const auto rows = rows_of(head + mark + "\n" + row);
    ASSERT_EQ(rows.size(), 3u) << mark;
    EXPECT_EQ(rows[2][0], "0") << mark;
    EXPECT_EQ(rows[2][4], "2") << mark;
  }
  const auto rows = rows_of(
      "规章 | 0 | 0 | 0 |\n3\n规范性文件 | 2 | 1 | 5 |\n第二十条第（五）项 | |||\n"
      "信息内容 | 本年处理决定数量 |\n行政许\n可 | 12 |\n");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[1][0], "规范性文件");
  EXPECT_EQ(rows[4][0], "行政许可");
}

TEST(ReadText, FullWidthAndTraditionalAreNormalised) {
  std::string text =
      "一、總體情況\n"
      "本機關政府信息公開工作開展順利，相關報告見下。本年度沒有收到申請，也沒有發生複議。\n"
      "行政許可 | １２ | ||\n"
      "行政處罰 | ３ | ||\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->script, xxgk::v1::TRADITIONAL);
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]->table.rows[0][0].text, "行政许可");
  EXPECT_EQ(t[0]->table.rows[0][1].text, "12");
}

// A copy that set each row of a table as a paragraph of its own parts the
// rows with blank lines: rows holding values either side of a blank line
// are one table. A line with a pipe but no value ("首页 | 政务公开") after a
// blank line stays a line, and a blank line still ends a table before prose.
TEST(ReadText, PipeRowsPartedByBlankLinesAreOneTable) {
  const std::string text =
      "二、主动公开政府信息情况\n"
      "首页 | 政务公开\n"
      "\n"
      "规章 | 3 | 1 | 12 |\n"
      "\n"
      "行政规范性文件 | 27 | 4 | 103 |\n"
      "\n"
      "行政许可 | 56\n"
      "\n"
      "无此类情况 | 无\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_THAT(AllRows(t[0]->table),
              ::testing::ElementsAre(::testing::ElementsAre("规章", "3", "1", "12"),
                                     ::testing::ElementsAre("行政规范性文件", "27", "4", "103"),
                                     ::testing::ElementsAre("行政许可", "56", "", "")));
  const GridCell& v = t[0]->table.rows[2][1];
  EXPECT_EQ(text.substr(v.source_begin, v.source_end - v.source_begin), "56");
  ASSERT_EQ(r->blocks.size(), 4u);
  EXPECT_EQ(r->blocks[1].text, "首页 | 政务公开");
  EXPECT_EQ(r->blocks[3].text, "无此类情况 | 无");
}

// A tab-separated table copied with every row a paragraph of its own: a
// blank line after each row, a band row (第二十条…) among them. The rows are
// one table; a table whose first rows are not so parted ends at a blank
// line, and prose after one is never a row.
TEST(ReadText, TabRowsPartedByBlankLinesAreOneTable) {
  const std::string text =
      "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
      "\n"
      "规章\t3\t1\t12\n"
      "\n"
      "第二十条第（五）项\n"
      "\n"
      "信息内容\t本年处理决定数量\n"
      "\n"
      "行政许可\t56\n"
      "\n"
      "三、收到和处理政府信息公开申请情况\n";
  auto r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  auto t = Tables(*r);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_THAT(AllRows(t[0]->table),
              ::testing::ElementsAre(
                  ::testing::ElementsAre("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
                  ::testing::ElementsAre("规章", "3", "1", "12"),
                  ::testing::ElementsAre("第二十条第(五)项", "", "", ""),
                  ::testing::ElementsAre("信息内容", "本年处理决定数量", "", ""),
                  ::testing::ElementsAre("行政许可", "56", "", "")));
  const GridCell& v = t[0]->table.rows[4][1];
  EXPECT_EQ(text.substr(v.source_begin, v.source_end - v.source_begin), "56");
  EXPECT_EQ(r->blocks.back().text, "三、收到和处理政府信息公开申请情况");

  auto two = ReadText("规章\t3\t1\t12\n行政规范性文件\t4\t0\t9\n\n行政许可\t56\n行政处罚\t7\n");
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_EQ(Tables(*two).size(), 2u);

  auto prose = ReadText("规章\t3\t1\t12\n\n本年度\t共办理申请\t12件。\n");
  ASSERT_TRUE(prose.ok()) << prose.status();
  auto pt = Tables(*prose);
  ASSERT_LE(pt.size(), 1u);
  for (const auto* table : pt) {
    for (const auto& row : AllRows(table->table)) EXPECT_NE(row.front(), "本年度");
  }
}

}  // namespace
}  // namespace xxgk::report
