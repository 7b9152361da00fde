// PageLayout on words placed by hand, for layouts that are hard to get out of
// a renderer on purpose: cramped rows where a number touches its label.
#include "report/page_layout.h"

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/report/fixtures/read_view.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;

constexpr double kH = 10;       // line height
constexpr double kDigit = 4.8;  // width of a digit

// A word on the line at `y`, starting at `x`, as wide as its text: a digit is
// kDigit wide, any other character (CJK, enumerator punctuation) a full em.
PlacedWord At(double x, double y, const std::string& text) {
  double width = 0;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += (c >= '0' && c <= '9') ? kDigit : kH;
    i += len;
  }
  return {text, x, x + width, y, y + kH, false};
}

// A word as At() makes it, centred on `centre`.
PlacedWord Centred(double centre, double y, const std::string& text) {
  PlacedWord w = At(0, y, text);
  const double width = w.x1 - w.x0;
  w.x0 = centre - width / 2;
  w.x1 = centre + width / 2;
  return w;
}

// A label filling its cell: from the label column's left edge (x = 20) to
// 1 pt before the first value column.
PlacedWord Filling(double y, const std::string& text) { return {text, 20, 99, y, y + kH, false}; }

// The blocks of pages 800 pt tall, each given as its words.
std::vector<Block> LayoutPages(std::vector<std::vector<PlacedWord>> pages) {
  PageLayout layout("pdf");
  for (size_t p = 0; p < pages.size(); ++p) {
    layout.AddPage(static_cast<uint32_t>(p + 1), 800, std::move(pages[p]));
  }
  TextCleaner cleaner;
  std::vector<Block> blocks;
  layout.AppendBlocks(&cleaner, &blocks);
  return blocks;
}

std::vector<Block> Layout(std::vector<PlacedWord> words) { return LayoutPages({std::move(words)}); }

const TableGrid* OnlyTable(const std::vector<Block>& blocks) {
  const TableGrid* table = nullptr;
  for (const Block& b : blocks) {
    if (b.kind != Block::Kind::kTable) continue;
    if (table != nullptr) return nullptr;
    table = &b.table;
  }
  return table;
}

std::vector<std::string> Row(const TableGrid& t, size_t r) { return xxgk::testing::RowTexts(t, r); }

// Every row of `t`, as texts.
std::vector<std::vector<std::string>> AllRows(const TableGrid& t) {
  std::vector<std::vector<std::string>> rows;
  for (size_t r = 0; r < t.rows.size(); ++r) rows.push_back(Row(t, r));
  return rows;
}

// The rows of the one table laid out from `words` (none when there is not
// exactly one table).
std::vector<std::vector<std::string>> TableRows(std::vector<PlacedWord> words) {
  const auto blocks = Layout(std::move(words));
  const TableGrid* t = OnlyTable(blocks);
  std::vector<std::vector<std::string>> rows;
  for (size_t r = 0; t != nullptr && r < t->rows.size(); ++r) rows.push_back(Row(*t, r));
  return rows;
}

// Value columns start at x = 100, 140 and 180, numbers set flush left. In
// rows two and three the label fills its cell and ends 1 pt before the first
// number, the spacing a renderer puts between Chinese text and digits in a
// sentence; in row three the first number is so long that it also ends 1.6 pt
// before the second. Each number stands in a value column of the other rows,
// so each is a cell of its own. A digit at the end of a label that stands
// left of every value column stays part of the label.
TEST(PageLayoutCramped, NumbersTouchingTheirLabelAreSplitOffWhereTheyStandInAColumn) {
  std::vector<PlacedWord> words;
  auto row = [&](double y, std::vector<PlacedWord> cells) {
    for (PlacedWord& w : cells) {
      w.y0 = y;
      w.y1 = y + kH;
      words.push_back(std::move(w));
    }
  };
  row(100, {At(20, 0, "一、本年新收"), At(100, 0, "12"), At(140, 0, "34"), At(180, 0, "56")});
  row(115, {Filling(0, "二、上年结转数量"), At(100, 0, "10170"), At(140, 0, "30"), At(180, 0, "5")});
  row(130, {Filling(0, "三、办理结果合计"), At(100, 0, "81234567"), At(140, 0, "30"),
            At(180, 0, "7")});
  row(145, {At(20, 0, "事项"), At(40.5, 0, "1"), At(100, 0, "1"), At(140, 0, "2"), At(180, 0, "3")});
  EXPECT_THAT(TableRows(std::move(words)),
              ElementsAre(ElementsAre("一、本年新收", "12", "34", "56"),
                          ElementsAre("二、上年结转数量", "10170", "30", "5"),
                          ElementsAre("三、办理结果合计", "81234567", "30", "7"),
                          ElementsAre("事项1", "1", "2", "3")));
}

// The first row of a table is read before any column is known: its touching
// number is split off once the rows below have set the columns.
TEST(PageLayoutCramped, TheFirstRowIsSplitOnceTheColumnsAreKnown) {
  std::vector<PlacedWord> words = {
      Filling(100, "一、本年新收"), At(100, 100, "10170"), At(140, 100, "34"),
      At(20, 115, "二、上年结转"),       At(100, 115, "3"),     At(140, 115, "4"),
  };
  EXPECT_THAT(TableRows(std::move(words)),
              ElementsAre(ElementsAre("一、本年新收", "10170", "34"),
                          ElementsAre("二、上年结转", "3", "4")));
}

// A sentence below a table that ends in a number close after its text keeps
// the number: it is text, and no column runs under it.
TEST(PageLayoutCramped, ANumberEndingASentenceOutsideTheColumnsStaysText) {
  std::vector<PlacedWord> words = {
      At(20, 100, "一、本年新收"), At(100, 100, "1"), At(140, 100, "2"),
      At(20, 115, "二、上年结转"), At(100, 115, "3"), At(140, 115, "4"),
      At(20, 200, "全年共收到申请"), At(91, 200, "120"),
  };
  const auto blocks = Layout(std::move(words));
  const TableGrid* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows.size(), 2u);
  std::vector<std::string> lines;
  for (const Block& b : blocks) {
    if (b.kind == Block::Kind::kLine) lines.push_back(b.text);
  }
  EXPECT_THAT(lines, ElementsAre("全年共收到申请120"));
}

// Labels wrapped round their values (a narrow table printed with cells
// centred vertically): the values stand level with a label's middle line.
// Lines of one label are kH + 2 apart; rows are further apart.

// The first row's label starts on the line above its values (一、本年新收政 /
// 府信息公开申请 12 34 / 数量): the line that starts the item is the row's,
// not a heading above the table.
TEST(PageLayoutWrapped, TheFirstRowsLabelStartsAboveItsValues) {
  std::vector<PlacedWord> words = {
      At(20, 100, "一、本年新收政"), At(20, 112, "府信息公开申请"), At(100, 112, "12"), At(140, 112, "34"),
      At(20, 124, "数量"),
      At(20, 145, "二、上年结转"),   At(100, 145, "5"),                 At(140, 145, "6"),
  };
  const auto blocks = Layout(std::move(words));
  const TableGrid* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_THAT(Row(*t, 0), ElementsAre("一、本年新收政府信息公开申请数量", "12", "34"));
  EXPECT_THAT(Row(*t, 1), ElementsAre("二、上年结转", "5", "6"));
  for (const Block& b : blocks) EXPECT_NE(b.kind, Block::Kind::kLine) << b.text;
}

// A row of one value whose label wrapped round it (行政事业性 / 366 / 收费):
// the number alone on its line stands in the value column of the rows
// above, so it is that row's value.
TEST(PageLayoutWrapped, ANumberAloneOnItsLineInAValueColumnIsARowsValue) {
  std::vector<PlacedWord> words = {
      At(20, 100, "行政处罚"), At(100, 100, "252"),
      At(20, 115, "行政强制"), At(100, 115, "259"),
      At(20, 130, "行政事业性"), At(100, 136, "366"), At(20, 142, "收费"),
  };
  const auto blocks = Layout(std::move(words));
  const TableGrid* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_THAT(Row(*t, 2), ElementsAre("行政事业性收费", "366"));
}

// In a large font every row's label wraps round its values: its first line
// above them, its second below, none on the values' line. The labels still
// make the label column, and the first value column keeps its values.
TEST(PageLayoutWrapped, LabelsWrappedRoundEveryRowsValuesMakeTheLabelColumn) {
  std::vector<PlacedWord> words = {
      At(20, 100, "一、本年新收"), At(100, 106, "12"), At(140, 106, "34"), At(180, 106, "46"),
      Centred(50, 112, "申请数量"),
      At(20, 130, "二、上年结转"), At(100, 136, "5"),  At(140, 136, "6"),  At(180, 136, "11"),
      Centred(50, 142, "申请数量"),
  };
  EXPECT_THAT(TableRows(std::move(words)),
              ElementsAre(ElementsAre("一、本年新收申请数量", "12", "34", "46"),
                          ElementsAre("二、上年结转申请数量", "5", "6", "11")));
}

// A group label centred on its group lies between two rows when they differ
// in height: (六) is level with neither its first item (one line) nor its
// second (three lines). It still heads its group, not the group above.
TEST(PageLayoutWrapped, AGroupLabelBetweenTwoRowsHeadsItsGroup) {
  std::vector<PlacedWord> words = {
      At(20, 100, "(五)"), At(60, 100, "1.甲项"), At(100, 100, "1"), At(140, 100, "2"),
      At(60, 115, "2.乙项"), At(100, 115, "3"), At(140, 115, "4"),
      At(60, 130, "1.丙项"), At(100, 130, "5"), At(140, 130, "6"),
      At(20, 146, "(六)"),
      At(60, 150, "2.丁项"), At(60, 162, "很长"), At(100, 162, "7"), At(140, 162, "8"),
      At(60, 174, "的标签"),
  };
  EXPECT_THAT(TableRows(std::move(words)),
              ElementsAre(ElementsAre("(五)", "1.甲项", "1", "2"),
                          ElementsAre("(五)", "2.乙项", "3", "4"),
                          ElementsAre("(六)", "1.丙项", "5", "6"),
                          ElementsAre("(六)", "2.丁项很长的标签", "7", "8")));
}

// A group label centred in its group falls into the gap between two rows
// whose labels wrap over many lines, further from either row's values than
// a few lines (申请人无正当理由逾期不补正… and 申请人逾期未按收费通知…, both
// wrapped over six lines in a narrow column): it heads the group it stands
// beside, not a row of its own.
TEST(PageLayoutWrapped, AGroupLabelBetweenTwoTallRowsHeadsItsGroup) {
  std::vector<PlacedWord> words = {
      At(20, 100, "(五)"), At(60, 100, "1.甲项"), At(100, 100, "1"), At(140, 100, "2"),
      At(60, 115, "2.乙项"), At(100, 115, "3"), At(140, 115, "4"),
  };
  // rows of six label lines each, values level with the third and fourth
  auto tall = [&](double top, const std::string& first, const std::string& a,
                  const std::string& b) {
    words.push_back(At(60, top, first));
    for (int k = 1; k < 6; ++k) words.push_back(At(60, top + 12 * k, "续"));
    words.push_back(At(100, top + 30, a));
    words.push_back(At(140, top + 30, b));
  };
  tall(130, "1.丙项", "5", "6");
  tall(205, "2.丁项", "7", "8");
  words.push_back(At(20, 195, "(六)"));  // the gap between the two rows
  tall(280, "3.戊项", "9", "10");
  EXPECT_THAT(TableRows(std::move(words)),
              ElementsAre(ElementsAre("(五)", "1.甲项", "1", "2"),
                          ElementsAre("(五)", "2.乙项", "3", "4"),
                          ElementsAre("(六)", "1.丙项续续续续续", "5", "6"),
                          ElementsAre("(六)", "2.丁项续续续续续", "7", "8"),
                          ElementsAre("(六)", "3.戊项续续续续续", "9", "10")));
}

// A number too wide for its narrow cell wraps: "134" half a line above the
// row's other values and "9" right under it, centred in the cell, is 1349
// (LibreOffice with a narrow 其他 column); so is "156" level with the row's
// values and "4" alone right under it, in cells aligned to their top. Rows
// set without padding stack their numbers too, but each level with its own
// row: they stay apart.
TEST(PageLayoutWrapped, ANumberWrappedInItsCellIsOneNumber) {
  EXPECT_THAT(TableRows({At(20, 100, "规章"), At(100, 100, "1"), At(140, 100, "2"),
                         Centred(190, 94, "134"), Centred(190, 104, "9"),
                         At(20, 130, "行政规范性文件"), At(100, 130, "3"), At(140, 130, "4"),
                         Centred(190, 130, "5")}),
              ElementsAre(ElementsAre("规章", "1", "2", "1349"),
                          ElementsAre("行政规范性文件", "3", "4", "5")));
  EXPECT_THAT(TableRows({At(20, 100, "规章"), At(100, 100, "1"), At(140, 100, "2"),
                         Centred(190, 100, "13"), At(20, 110, "行政规范"), At(100, 110, "3"),
                         At(140, 110, "4"), Centred(190, 110, "9")}),
              ElementsAre(ElementsAre("规章", "1", "2", "13"),
                          ElementsAre("行政规范", "3", "4", "9")));
  // Cells aligned to their top: "156" level with the row's values, "4"
  // alone on the line right under it.
  EXPECT_THAT(TableRows({At(20, 100, "规章"), At(100, 100, "1"), At(140, 100, "2"),
                         At(180, 100, "156"), At(180, 110, "4"), At(20, 130, "行政规范性文件"),
                         At(100, 130, "3"), At(140, 130, "4"), At(180, 130, "5")}),
              ElementsAre(ElementsAre("规章", "1", "2", "1564"),
                          ElementsAre("行政规范性文件", "3", "4", "5")));
}

// A row with one number, set flush right under the middle of three
// headings (行政规范性文件 with only 本年废止件数 filled in, a table of its
// own under 规章 whose longer label starts further left): the headings
// either side make blank columns, and the number stays in the middle one.
TEST(PageLayoutCentred, ALoneNumberFlushRightUnderItsHeadingKeepsItsColumn) {
  EXPECT_THAT(TableRows({At(20, 80, "信息内容"), Centred(120, 80, "本年制发件数"),
                         Centred(200, 80, "本年废止件数"), Centred(280, 80, "现行有效件数"),
                         At(20, 100, "规章"), At(230 - kDigit, 100, "8")}),
              ElementsAre(ElementsAre("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
                          ElementsAre("规章", "", "8", "")));
}

// Labels centred (or set flush right) in their column start further left
// the longer they are: 行政规范性文件 under 规章 is a row of the same table,
// and its one number keeps the column the rows above give it. A paragraph
// under a table, running across the value columns, is no row of it.
TEST(PageLayoutCentred, ALongerCentredLabelStartingFurtherLeftGoesOnWithTheTable) {
  auto table = [] {
    return std::vector<PlacedWord>{Centred(50, 100, "规章"), At(100, 100, "1"), At(140, 100, "2"),
                                   At(180, 100, "3"), Centred(50, 115, "行政规范性文件"),
                                   At(180, 115, "9")};
  };
  EXPECT_THAT(TableRows(table()), ElementsAre(ElementsAre("规章", "1", "2", "3"),
                                                  ElementsAre("行政规范性文件", "", "", "9")));
  // the same labels set flush right, ending at x = 90
  std::vector<PlacedWord> right = table();
  for (int k : {0, 4}) {
    const double width = right[k].x1 - right[k].x0;
    right[k].x1 = 90;
    right[k].x0 = 90 - width;
  }
  EXPECT_THAT(TableRows(std::move(right)), ElementsAre(ElementsAre("规章", "1", "2", "3"),
                                                        ElementsAre("行政规范性文件", "", "", "9")));
  std::vector<PlacedWord> prose = {At(20, 100, "规章"), At(100, 100, "1"), At(140, 100, "2"),
                                   At(180, 100, "3"), At(5, 115, "本年度共制发规范性文件，其中"),
                                   At(180, 115, "9")};
  EXPECT_EQ(OnlyTable(Layout(std::move(prose))), nullptr);
}

// A Chinese label whose full-width bracket the cleaner folded to ASCII
// ("(六)") and the next cell's label ("1.申请人") 4 pt after it, the producer
// having put a space between them: two cells, not two Latin words.
TEST(PageLayoutCramped, AFoldedBracketAndTheNextCellAreNoLatinPhrase) {
  std::vector<PlacedWord> words = {
      {"(六)", 20, 50, 100, 100 + kH, true},  {"1.申请人", 54, 94, 100, 100 + kH, false},
      At(100, 100, "1"), At(140, 100, "2"),
      {"2.其他", 54, 74, 115, 115 + kH, false}, At(100, 115, "3"), At(140, 115, "4"),
  };
  EXPECT_THAT(TableRows(std::move(words)),
              ElementsAre(ElementsAre("(六)", "1.申请人", "1", "2"),
                          ElementsAre("(六)", "2.其他", "3", "4")));
}

// Labels centred in their cells: each starts where its length puts it, six
// starts for two label columns. The columns are the runs between the gap
// no label crosses, so each item keeps its column and its group.
TEST(PageLayoutCentred, CentredLabelsKeepTheirColumns) {
  std::vector<PlacedWord> words;
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"(一)", "1.甲"}, {"", "2.乙乙乙"}, {"(二)", "1.丙丙"}, {"", "2.丁丁丁丁"}, {"(三)", "1.戊"}, {"", "2.己己己己己"}};
  for (size_t k = 0; k < rows.size(); ++k) {
    const double y = 100 + 15.0 * static_cast<double>(k);
    if (!rows[k].first.empty()) words.push_back(Centred(60, y, rows[k].first));
    words.push_back(Centred(115, y, rows[k].second));
    words.push_back(At(150, y, std::to_string(k + 1)));
    words.push_back(At(190, y, std::to_string(k + 11)));
  }
  EXPECT_THAT(TableRows(std::move(words)),
              ElementsAre(ElementsAre("(一)", "1.甲", "1", "11"),
                          ElementsAre("(一)", "2.乙乙乙", "2", "12"),
                          ElementsAre("(二)", "1.丙丙", "3", "13"),
                          ElementsAre("(二)", "2.丁丁丁丁", "4", "14"),
                          ElementsAre("(三)", "1.戊", "5", "15"),
                          ElementsAre("(三)", "2.己己己己己", "6", "16")));
}

// Headings and numbers centred in their columns: a heading wider than the
// numbers under it starts left of them, in what the numbers alone make the
// label area. Standing mostly over its column, it heads that column and is
// not joined to the label heading before it.
TEST(PageLayoutCentred, AColumnHeadingWiderThanItsNumbersHeadsItsColumn) {
  std::vector<PlacedWord> words;
  words.push_back(At(20, 100, "信息内容"));
  words.push_back(Centred(120, 100, "本年制发件数"));
  words.push_back(Centred(190, 100, "本年废止件数"));
  words.push_back(Centred(260, 100, "现行有效件数"));
  words.push_back(At(20, 115, "规章"));
  words.push_back(At(20, 130, "行政规范性文件"));
  for (int k = 0; k < 2; ++k) {
    const double y = 115 + 15.0 * k;
    words.push_back(Centred(120, y, std::to_string(6403 + k)));
    words.push_back(Centred(190, y, std::to_string(6410 + k)));
    words.push_back(Centred(260, y, std::to_string(6417 + k)));
  }
  EXPECT_THAT(TableRows(std::move(words)),
              ElementsAre(ElementsAre("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
                          ElementsAre("规章", "6403", "6410", "6417"),
                          ElementsAre("行政规范性文件", "6404", "6411", "6418")));
}

// Part headings set in body style right under a table, at single spacing
// (公文 style, indented two characters): each ends the table above it and
// stays text, and the table after it is a table of its own.
TEST(PageLayoutHeadings, APartHeadingRightUnderATableEndsIt) {
  const std::vector<PlacedWord> words = {
      At(20, 100, "一、本年新收"), At(100, 100, "1"), At(140, 100, "2"),
      At(20, 115, "二、上年结转"), At(100, 115, "3"), At(140, 115, "4"),
      At(40, 130, "四、政府信息公开行政复议、行政诉讼情况"),
      At(100, 145, "总计"), At(140, 145, "维持"),
      At(100, 160, "5"), At(140, 160, "6"),
      At(40, 171, "五、存在的主要问题及改进情况"),
  };
  std::vector<std::string> seen;
  std::vector<const TableGrid*> tables;
  const std::vector<Block> blocks = Layout(words);
  for (const Block& b : blocks) {
    seen.push_back(b.kind == Block::Kind::kTable ? "table" : b.text);
    if (b.kind == Block::Kind::kTable) tables.push_back(&b.table);
  }
  EXPECT_THAT(seen, ElementsAre("table", "四、政府信息公开行政复议、行政诉讼情况", "table",
                                "五、存在的主要问题及改进情况"));
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0]->rows.size(), 2u);
  ASSERT_EQ(tables[1]->rows.size(), 2u);
  EXPECT_THAT(Row(*tables[1], 0), ElementsAre("总计", "维持"));
  EXPECT_THAT(Row(*tables[1], 1), ElementsAre("5", "6"));
}

// A table crossing a page with its header rows repeated on the new page
// (Word's 重复标题行): the repeat is no row of the table, and its line in the
// label column (a note on the sums) is no tail of the label above the page
// break.
TEST(PageLayoutPages, AHeaderRepeatedOnTheNextPageIsNoRow) {
  auto page = [](const std::string& first, const std::string& second, int a, int b) {
    return std::vector<PlacedWord>{
        At(100, 100, "申请人情况"),
        At(20, 112, "(本列勾稽关系)"),
        At(100, 124, "自然人"), At(150, 124, "企业"),
        At(20, 139, first), At(100, 139, std::to_string(a)), At(150, 139, std::to_string(a + 1)),
        At(20, 154, second), At(100, 154, std::to_string(b)), At(150, 154, std::to_string(b + 1)),
    };
  };
  const std::vector<Block> blocks = LayoutPages(
      {page("一、本年新收", "二、上年结转", 1, 3), page("三、本年办理", "四、结转下年", 5, 7)});
  const TableGrid* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  std::vector<std::vector<std::string>> rows;
  for (size_t r = 0; r < t->rows.size(); ++r) rows.push_back(Row(*t, r));
  EXPECT_THAT(rows, ElementsAre(ElementsAre("", "申请人情况", ""),
                                ElementsAre("(本列勾稽关系)", "", ""),
                                ElementsAre("", "自然人", "企业"),
                                ElementsAre("一、本年新收", "1", "2"),
                                ElementsAre("二、上年结转", "3", "4"),
                                ElementsAre("三、本年办理", "5", "6"),
                                ElementsAre("四、结转下年", "7", "8")));
  for (const Block& b : blocks) EXPECT_NE(b.kind, Block::Kind::kLine) << b.text;
}

// A table with no label column (table 四) and a cell left blank: the blank
// column has no number to place it, but its heading centred over it does,
// so the numbers after it keep their columns. The first heading, wider
// than its number, starts left of it and still heads the table.
TEST(PageLayoutCentred, ABlankCellKeepsItsColumnByItsHeading) {
  std::vector<PlacedWord> words;
  const std::vector<std::string> heads = {"结果维持", "结果纠正", "其他结果", "尚未审结"};
  const std::vector<std::string> values = {"3", "1", "", "5"};
  for (size_t c = 0; c < heads.size(); ++c) {
    const double centre = 60 + 45.0 * static_cast<double>(c);
    words.push_back(Centred(centre, 100, heads[c]));
    if (!values[c].empty()) words.push_back(Centred(centre, 115, values[c]));
  }
  EXPECT_THAT(TableRows(std::move(words)),
              ElementsAre(ElementsAre("结果维持", "结果纠正", "其他结果", "尚未审结"),
                          ElementsAre("3", "1", "", "5")));
}

// A row label with nothing under the value columns, among rows that have
// values, is a row of blanks (its cells left blank, as agencies often do),
// listed in blank_rows; a group label beside it heads its group from there.
TEST(PageLayoutBlanks, ALabelWithNothingUnderTheValuesIsARowOfBlanks) {
  std::vector<PlacedWord> words = {
      At(20, 100, "一、本年新收"), At(170, 100, "1"), At(210, 100, "2"), At(250, 100, "3"),
      At(20, 115, "不予公开"),     At(70, 115, "1.国家秘密"),
      At(70, 130, "2.其他法律"),   At(170, 130, "4"), At(210, 130, "5"), At(250, 130, "6"),
      At(70, 145, "3.危及稳定"),
      At(70, 160, "4.第三方"),     At(170, 160, "7"), At(210, 160, "8"), At(250, 160, "9"),
  };
  const std::vector<Block> blocks = Layout(std::move(words));
  const TableGrid* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  EXPECT_THAT(AllRows(*t),
              ElementsAre(ElementsAre("一、本年新收", "一、本年新收", "1", "2", "3"),
                          ElementsAre("不予公开", "1.国家秘密", "", "", ""),
                          ElementsAre("不予公开", "2.其他法律", "4", "5", "6"),
                          ElementsAre("不予公开", "3.危及稳定", "", "", ""),
                          ElementsAre("不予公开", "4.第三方", "7", "8", "9")));
  EXPECT_THAT(t->blank_rows, ElementsAre(1, 3));
}

// Lays out a line of column headings (`corner` over the labels), a row
// `blank` set apart from it as rows are with nothing under the values, and a
// row `full` with values, and expects one table of these three rows, the
// second a row of blanks.
void ExpectRowOfBlanksUnderTheHeadings(const std::string& corner, const std::string& blank,
                                       const std::string& full) {
  std::vector<PlacedWord> words = {
      At(20, 100, corner), Centred(170, 100, "本年制发"), Centred(230, 100, "本年废止"),
      At(30, 118, blank),
      At(20, 136, full), Centred(170, 136, "2"), Centred(230, 136, "1"),
  };
  const std::vector<Block> blocks = Layout(std::move(words));
  const TableGrid* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  EXPECT_THAT(AllRows(*t), ElementsAre(ElementsAre(corner, "本年制发", "本年废止"),
                                       ElementsAre(blank, "", ""), ElementsAre(full, "2", "1")));
  EXPECT_THAT(t->blank_rows, ElementsAre(1));
}

// A label alone on its line under the column headings, set apart from them
// as rows are (规章 with its three cells blank), is the table's first row, a
// row of blanks, and no header row.
TEST(PageLayoutBlanks, ALabelUnderTheHeadingsIsARowOfBlanks) {
  ExpectRowOfBlanksUnderTheHeadings("信息内容", "规章", "规范性文件");
}

// So is a numbered label there (一、本年新收… with its cells blank): it is
// no heading above the table.
TEST(PageLayoutBlanks, ANumberedLabelUnderTheHeadingsIsARowOfBlanks) {
  ExpectRowOfBlanksUnderTheHeadings("项目", "一、本年新收", "二、上年结转");
}

// A numbered line right above a table's first row with no column headings
// above it is a heading of the text, not a row of blanks.
TEST(PageLayoutBlanks, ANumberedLineAboveATableWithoutHeadingsIsText) {
  std::vector<PlacedWord> words = {
      At(20, 100, "（一）主动公开"),
      At(20, 118, "规章"), Centred(170, 118, "2"), Centred(230, 118, "1"),
      At(20, 133, "规范性文件"), Centred(170, 133, "4"), Centred(230, 133, "3"),
  };
  const std::vector<Block> blocks = Layout(std::move(words));
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].text, "(一)主动公开");
  ASSERT_EQ(blocks[1].kind, Block::Kind::kTable);
  EXPECT_THAT(AllRows(blocks[1].table), ElementsAre(ElementsAre("规章", "2", "1"),
                                                    ElementsAre("规范性文件", "4", "3")));
}

// A numbered label right under a table's last row, set as the next row would
// be, with nothing under the value columns (四、结转下年度继续办理 left
// blank), is the table's last row, a row of blanks.
TEST(PageLayoutBlanks, ANumberedLabelUnderTheLastRowIsARowOfBlanks) {
  std::vector<PlacedWord> words = {
      At(20, 100, "一、本年新收"), Centred(170, 100, "2"), Centred(230, 100, "1"),
      At(20, 115, "二、上年结转"), Centred(170, 115, "4"), Centred(230, 115, "3"),
      At(20, 130, "四、结转下年"),
  };
  const std::vector<Block> blocks = Layout(std::move(words));
  const TableGrid* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(blocks.size(), 1u);
  EXPECT_THAT(AllRows(*t), ElementsAre(ElementsAre("一、本年新收", "2", "1"),
                                       ElementsAre("二、上年结转", "4", "3"),
                                       ElementsAre("四、结转下年", "", "")));
  EXPECT_THAT(t->blank_rows, ElementsAre(2));
}

// The words of table 二's last rows: a row with a value, then the band of
// 第二十条第（八）项 across the table and its row of headings, each set as
// rows are.
std::vector<PlacedWord> TableTwoClosing() {
  return {
      At(20, 100, "行政许可"), Centred(170, 100, "126"),
      Centred(120, 115, "第二十条第（八）项"),
      At(20, 130, "信息内容"), Centred(170, 130, "收费金额"),
  };
}

// A label under them, set as the labels above are (行政事业性收费 with its
// value left blank), is the table's last row, a row of blanks: the band
// and the headings above it are the table's too.
TEST(PageLayoutBlanks, ALabelClosingTableTwoIsARowOfBlanks) {
  std::vector<PlacedWord> words = TableTwoClosing();
  words.push_back(At(20, 145, "行政事业性收费"));
  const std::vector<Block> blocks = Layout(std::move(words));
  const TableGrid* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(blocks.size(), 1u);
  EXPECT_THAT(AllRows(*t), ElementsAre(ElementsAre("行政许可", "126"),
                                       ElementsAre("第二十条第(八)项", ""),
                                       ElementsAre("信息内容", "收费金额"),
                                       ElementsAre("行政事业性收费", "")));
  EXPECT_THAT(t->blank_rows, ElementsAre(3));
}

// Without such a label under them, they stay text after the table.
TEST(PageLayoutBlanks, LinesUnderTheLastRowWithNoLabelBelowAreText) {
  const std::vector<Block> blocks = Layout(TableTwoClosing());
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].kind, Block::Kind::kTable);
  EXPECT_THAT(AllRows(blocks[0].table), ElementsAre(ElementsAre("行政许可", "126")));
  EXPECT_EQ(blocks[1].text, "第二十条第(八)项");
  EXPECT_EQ(blocks[2].text, "信息内容收费金额");
}

// A row starting left of the rows above (a label column of its own) starts
// a new table, which goes on from the one above: a column blank on every
// one of its rows keeps its place by the heading over the table above.
TEST(PageLayoutBlanks, ATableGoingOnKeepsTheBlankColumnsOfTheOneAbove) {
  std::vector<PlacedWord> words;
  const std::vector<std::string> heads = {"自然人", "企业", "机构", "组织", "总计"};
  for (size_t c = 0; c < heads.size(); ++c) {
    words.push_back(Centred(150 + 40.0 * static_cast<double>(c), 100, heads[c]));
  }
  auto row = [&](double x, double y, const std::string& label, const std::string& a,
                 const std::string& b, const std::string& c, const std::string& d) {
    words.push_back(At(x, y, label));
    words.push_back(Centred(150, y, a));
    words.push_back(Centred(190, y, b));
    words.push_back(Centred(270, y, c));
    words.push_back(Centred(310, y, d));
  };
  row(40, 115, "一、新收", "1", "2", "3", "6");
  row(20, 130, "三、办理", "4", "5", "6", "15");
  row(40, 145, "(一)公开", "7", "8", "9", "24");
  std::vector<std::vector<std::string>> last;
  for (const Block& b : Layout(std::move(words))) {
    if (b.kind != Block::Kind::kTable) continue;
    last = AllRows(b.table);
  }
  ASSERT_FALSE(last.empty());
  EXPECT_THAT(last.front(), ElementsAre("三、办理", "三、办理", "4", "5", "", "6", "15"));
}

// Table 四 laid out with its three lines of headings from y = 100 on, its
// fifteen columns 30 apart, and under them `values` (an empty one left
// blank) on the line at y = 140.
std::vector<PlacedWord> TableFour(const std::vector<std::string>& values) {
  std::vector<PlacedWord> words;
  auto centre = [](int c) { return 90 + 30.0 * c; };
  words.push_back(Centred(centre(2), 100, "行政复议"));
  words.push_back(Centred((centre(9) + centre(10)) / 2, 100, "行政诉讼"));
  words.push_back(Centred(centre(7), 112, "未经复议直接起诉"));
  words.push_back(Centred(centre(12), 112, "复议后起诉"));
  const std::vector<std::string> heads = {"维持", "纠正", "其他", "尚未", "总计"};
  for (int c = 0; c < 15; ++c) {
    words.push_back(Centred(centre(c), 124, heads[c % 5]));
    const std::string& value = c < static_cast<int>(values.size()) ? values[c] : "";
    if (!value.empty()) words.push_back(Centred(centre(c), 140, value));
  }
  return words;
}

// Table 四 with six of its fifteen cells blank: most gaps between the
// numbers are then two or three columns wide, and the blank columns still
// keep their places by their headings. A heading over several of them
// (复议后起诉) does not join their headings into one.
TEST(PageLayoutCentred, ManyBlankCellsKeepTheirColumnsByTheirHeadings) {
  const std::vector<std::string> values = {"3", "1", "", "1", "5", "1", "", "1",
                                           "", "2", "", "1", "", "", "1"};
  const std::vector<std::vector<std::string>> rows = TableRows(TableFour(values));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back(), values);
}

// Table 三's seven columns of applicants (headings centred 70 apart from
// x = 130) over three rows, each row's number set in the columns `filled`
// only, the others left blank on every row.
std::vector<std::vector<std::string>> TableThreeFilledIn(const std::vector<int>& filled) {
  const std::vector<std::string> heads = {"自然人", "商业企业", "科研机构", "社会公益组织",
                                          "法律服务机构", "其他", "总计"};
  std::vector<PlacedWord> words;
  for (size_t c = 0; c < heads.size(); ++c) {
    words.push_back(Centred(130 + 70.0 * static_cast<double>(c), 100, heads[c]));
  }
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"本年新收", "41"}, {"上年结转", "3"}, {"予以公开", "17"}};
  double y = 115;
  for (const auto& [label, value] : rows) {
    words.push_back(At(20, y, label));
    for (int c : filled) words.push_back(Centred(130 + 70.0 * c, y, value));
    y += 15;
  }
  return TableRows(std::move(words));
}

// Table 三 with only its first and last columns filled in (自然人 and 总计,
// the other applicants' columns left blank on every row, as often): the
// numbers' columns stand six pitches apart, and the headings, one over each
// column, tell the pitch and keep the five blank columns in their places.
TEST(PageLayoutCentred, ColumnsBlankOnEveryRowKeepTheirPlacesByTheirHeadings) {
  const std::vector<std::vector<std::string>> table = TableThreeFilledIn({0, 6});
  ASSERT_EQ(table.size(), 4u);
  EXPECT_THAT(table[0], ElementsAre("", "自然人", "商业企业", "科研机构", "社会公益组织",
                                    "法律服务机构", "其他", "总计"));
  EXPECT_THAT(table[1], ElementsAre("本年新收", "41", "", "", "", "", "", "41"));
  EXPECT_THAT(table[3], ElementsAre("予以公开", "17", "", "", "", "", "", "17"));
}

// Table 三 with only 总计 filled in: the six columns blank on every row
// stand left of the only column with numbers. Their headings, right of
// every row's label, keep them in their places.
TEST(PageLayoutCentred, ColumnsBlankLeftOfTheOnlyFilledOneKeepTheirPlaces) {
  const std::vector<std::vector<std::string>> table = TableThreeFilledIn({6});
  ASSERT_EQ(table.size(), 4u);
  EXPECT_THAT(table[0], ElementsAre("", "自然人", "商业企业", "科研机构", "社会公益组织",
                                    "法律服务机构", "其他", "总计"));
  EXPECT_THAT(table[1], ElementsAre("本年新收", "", "", "", "", "", "", "41"));
  EXPECT_THAT(table[3], ElementsAre("予以公开", "", "", "", "", "", "", "17"));
}

// Table 三 laid out by a browser, columns as wide as their headings: 其他
// and 总计 wrapped a character a line stand closer together than the wide
// columns do. With 其他 blank on every row, its heading still makes its
// column beside 总计, whose own heading stands over its numbers.
TEST(PageLayoutCentred, ANarrowBlankColumnBesideAHeadedOneKeepsItsPlace) {
  const std::vector<double> centres = {130, 210, 290, 370, 450, 495, 525};
  const std::vector<std::string> heads = {"自然人", "商业企业", "科研机构", "社会公益组织",
                                          "法律服务机构"};
  std::vector<PlacedWord> words;
  for (size_t c = 0; c < heads.size(); ++c) words.push_back(Centred(centres[c], 100, heads[c]));
  words.push_back(Centred(centres[5], 100, "其"));
  words.push_back(Centred(centres[5], 111, "他"));
  words.push_back(Centred(centres[6], 100, "总"));
  words.push_back(Centred(centres[6], 111, "计"));
  double y = 126;
  for (const auto& [label, value] : std::vector<std::pair<std::string, std::string>>{
           {"本年新收", "53"}, {"上年结转", "4"}}) {
    words.push_back(At(20, y, label));
    words.push_back(Centred(centres[3], y, "0"));
    words.push_back(Centred(centres[6], y, value));
    y += 15;
  }
  const std::vector<std::vector<std::string>> table = TableRows(std::move(words));
  ASSERT_FALSE(table.empty());
  EXPECT_THAT(table.back(), ElementsAre("上年结转", "", "", "", "0", "", "", "4"));
}

// Table 三 in narrow label columns with only 总计 filled in: the first two
// rows' labels wrap over two lines with the number alone on a line between
// them, and the third row has its label beside its number. The lone
// numbers, in the column of the rows below, are rows too.
TEST(PageLayoutWrapped, ALoneNumberBetweenItsLabelsLinesAboveTheRowsIsARow) {
  const std::vector<std::string> heads = {"自然人", "商业企业", "科研机构", "社会公益组织",
                                          "法律服务机构", "其他", "总计"};
  std::vector<PlacedWord> words;
  for (size_t c = 0; c < heads.size(); ++c) {
    words.push_back(Centred(130 + 70.0 * static_cast<double>(c), 100, heads[c]));
  }
  const double total = 130 + 70.0 * 6;
  double y = 115;
  for (const auto& [first, rest, value] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"一、本年新收", "申请数量", "53"}, {"二、上年结转", "申请数量", "4"}}) {
    words.push_back(At(20, y, first));
    words.push_back(Centred(total, y + 6.5, value));
    words.push_back(At(20, y + 13, rest));
    y += 30;
  }
  words.push_back(At(20, y, "三、办理"));
  words.push_back(Centred(total, y, "22"));
  const std::vector<std::vector<std::string>> table = TableRows(std::move(words));
  ASSERT_EQ(table.size(), 4u);
  EXPECT_THAT(table[1], ElementsAre("一、本年新收申请数量", "", "", "", "", "", "", "53"));
  EXPECT_THAT(table[2], ElementsAre("二、上年结转申请数量", "", "", "", "", "", "", "4"));
  EXPECT_THAT(table[3], ElementsAre("三、办理", "", "", "", "", "", "", "22"));
}

// Table 四 with its first column (行政复议 · 结果维持) blank: the line of
// headings starts left of every number, over that column, and is still the
// table's header, which keeps the blank column in its place.
TEST(PageLayoutCentred, AFirstColumnBlankOnEveryRowKeepsItsPlace) {
  const std::vector<std::string> values = {"", "1", "0", "1", "2", "0", "1", "0",
                                           "2", "3", "0", "1", "0", "0", "1"};
  const std::vector<std::vector<std::string>> rows = TableRows(TableFour(values));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back(), values);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[rows.size() - 2].front(), "维持");
}

// Table 二's first block with 本年制发件数 left blank, labels centred in
// their column: the heading 信息内容 is wider than 规章 and starts left of
// it, the band 第二十条第（一）项 over the headings reaches over the blank
// column and the next, and 行政规范性文件, wider again, starts a table of
// its own. Both tables keep the blank column, and the band stays a row of
// its own, apart from the heading under it.
TEST(PageLayoutCentred, ABlankFirstColumnUnderCentredHeadingsKeepsItsPlace) {
  std::vector<PlacedWord> words = {
      Centred(200, 100, "第二十条第(一)项"), Centred(60, 112, "信息内容"),
      Centred(150, 112, "本年制发件数"),    Centred(250, 112, "本年废止件数"),
      Centred(350, 112, "现行有效件数"),    Centred(60, 127, "规章"),
      Centred(250, 127, "0"),               Centred(350, 127, "0"),
      Centred(60, 142, "行政规范性文件"),   Centred(250, 142, "1"),
      Centred(350, 142, "15"),
  };
  std::vector<std::vector<std::string>> all;
  for (const Block& b : Layout(std::move(words))) {
    if (b.kind != Block::Kind::kTable) continue;
    for (auto& row : AllRows(b.table)) all.push_back(std::move(row));
  }
  ASSERT_EQ(all.size(), 4u);
  EXPECT_THAT(all[0], ElementsAre("", "第二十条第(一)项", "", ""));
  EXPECT_THAT(all[1], ElementsAre("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"));
  EXPECT_THAT(all[2], ElementsAre("规章", "", "0", "0"));
  EXPECT_THAT(all[3], ElementsAre("行政规范性文件", "", "1", "15"));
}

// Headings and numbers set flush right in their cells (headings wrapped
// over two lines): the first column's heading starts in the label area
// but covers its numbers, so it heads that column, and its two lines are
// one cell.
TEST(PageLayoutCentred, AFlushRightHeadingOverTheFirstNumbersHeadsTheirColumn) {
  auto right = [](double x1, double y, const std::string& text) {
    PlacedWord w = At(0, y, text);
    const double width = w.x1 - w.x0;
    w.x0 = x1 - width;
    w.x1 = x1;
    return w;
  };
  std::vector<PlacedWord> words = {
      At(20, 100, "信息内容"),           right(200, 100, "本年制发件"),
      right(280, 100, "本年废止件"),     right(360, 100, "现行有效件"),
      right(200, 111, "数"),             right(280, 111, "数"),
      right(360, 111, "数"),             At(20, 126, "规章"),
      right(200, 126, "4003"),           right(280, 126, "4010"),
      right(360, 126, "4017"),           At(20, 141, "行政规范性文件"),
      right(200, 141, "4024"),           right(280, 141, "4031"),
      right(360, 141, "4038"),
  };
  const std::vector<std::vector<std::string>> table = TableRows(std::move(words));
  ASSERT_EQ(table.size(), 3u);
  EXPECT_THAT(table[0], ElementsAre("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"));
  EXPECT_THAT(table[1], ElementsAre("规章", "4003", "4010", "4017"));
}

// Table 四 with all fifteen cells blank shows only its headings: a table
// of them, whose one row under them is a row of blanks.
TEST(PageLayoutBlanks, HeadingsWithNoRowUnderThemAreATableWithARowOfBlanks) {
  std::vector<PlacedWord> words = TableFour({});
  words.push_back(At(40, 160, "五、存在的主要问题及改进情况"));
  const std::vector<Block> blocks = Layout(std::move(words));
  ASSERT_EQ(blocks.size(), 2u);
  ASSERT_EQ(blocks[0].kind, Block::Kind::kTable);
  const TableGrid& t = blocks[0].table;
  ASSERT_EQ(t.rows.size(), 4u);
  const std::vector<std::string> heads = Row(t, 2);
  ASSERT_EQ(heads.size(), 15u);
  EXPECT_EQ(heads[0], "维持");
  EXPECT_EQ(heads[14], "总计");
  EXPECT_EQ(Row(t, 3), std::vector<std::string>(15, ""));
  EXPECT_THAT(t.blank_rows, ElementsAre(3));
  EXPECT_EQ(blocks[1].text, "五、存在的主要问题及改进情况");
}

// Numbers under them, even set too close to tell their cells apart, are
// their row's values, not a row left blank; and a box of a few headings
// (索引号 … 主题分类 …) is text.
TEST(PageLayoutBlanks, HeadingsWithNumbersOrFewColumnsAreNoTableOfHeadings) {
  std::vector<PlacedWord> words = TableFour({});
  words.push_back(At(90, 140, "3"));
  words.push_back(At(95.5, 140, "1"));
  for (const Block& b : Layout(std::move(words))) EXPECT_EQ(b.kind, Block::Kind::kLine);
  const std::vector<Block> box = Layout({At(20, 100, "索引号"), At(120, 100, "K45899617"),
                                         At(220, 100, "主题分类"), At(320, 100, "综合"),
                                         At(20, 115, "发布机构"), At(120, 115, "乌恰镇"),
                                         At(220, 115, "发布日期"), At(320, 115, "2025-01-15")});
  for (const Block& b : box) EXPECT_EQ(b.kind, Block::Kind::kLine);
}

// A running header set below the page's top margin band (LibreOffice's,
// at 8 % of the page) on every page is no row of a table crossing the page
// break, nor a tail of the label above it.
TEST(PageLayoutPages, ARunningHeaderFurtherInIsNoRow) {
  struct Item {
    size_t page;
    double y;
    std::string label, a, b;
  };
  const std::vector<Item> items = {
      {0, 600, "一、本年新收", "1", "2"}, {0, 615, "二、上年结转", "3", "4"},
      {1, 100, "三、本年办理", "5", "6"}, {1, 115, "四、结转下年", "7", "8"}};
  std::vector<std::vector<PlacedWord>> pages(2);
  for (auto& words : pages) words.push_back(At(100, 70, "某镇人民政府年度报告"));
  pages[0].push_back(Centred(155, 585, "自然人"));
  pages[0].push_back(Centred(205, 585, "企业"));
  for (const Item& it : items) {
    for (const PlacedWord& w : {At(20, it.y, it.label), At(150, it.y, it.a), At(200, it.y, it.b)}) {
      pages[it.page].push_back(w);
    }
  }
  const std::vector<Block> blocks = LayoutPages(std::move(pages));
  const TableGrid* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  EXPECT_THAT(AllRows(*t), ElementsAre(ElementsAre("", "自然人", "企业"),
                                       ElementsAre("一、本年新收", "1", "2"),
                                       ElementsAre("二、上年结转", "3", "4"),
                                       ElementsAre("三、本年办理", "5", "6"),
                                       ElementsAre("四、结转下年", "7", "8")));
}

}  // namespace
}  // namespace xxgk::report
