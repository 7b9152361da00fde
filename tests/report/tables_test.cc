// Grid → canonical cells: layout-neutral table recognition and row matching.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "report/labels.h"
#include "report/table_map.h"

namespace xxgk::report {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;
using xxgk::v1::Cell;
using xxgk::v1::ReadingNote;
using xxgk::v1::Report;

// A grid from rows of cell texts; "^" marks a spanning copy of the cell above
// (rowspan, as HTML/docx readers expand them), "<" a copy of the cell left.
TableGrid Grid(const std::vector<std::vector<std::string>>& rows, std::string kind = "html") {
  TableGrid g;
  g.source_kind = std::move(kind);
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<GridCell> row;
    for (size_t c = 0; c < rows[r].size(); ++c) {
      GridCell cell;
      if (rows[r][c] == "^" && r > 0 && c < g.rows[r - 1].size()) {
        cell = g.rows[r - 1][c];
        cell.continuation = true;
      } else if (rows[r][c] == "<" && c > 0) {
        cell = row[c - 1];
        cell.continuation = true;
      } else {
        cell.text = rows[r][c];
      }
      row.push_back(cell);
    }
    g.rows.push_back(std::move(row));
  }
  return g;
}

Report Map(const std::vector<TableGrid>& grids) {
  Report report;
  std::vector<PlacedGrid> placed;
  for (const TableGrid& g : grids) {
    PlacedGrid p;
    p.grid = &g;
    placed.push_back(p);
  }
  MapTables(placed, &report);
  return report;
}

std::string Value(const Report& r, const std::string& key) {
  const Cell* c = FindCell(r.tables(), key);
  return c ? CellValueString(*c) : "<absent>";
}

std::vector<std::string> Seven(int base) {
  std::vector<std::string> v;
  for (int i = 0; i < 7; ++i) v.push_back(std::to_string(base + i));
  return v;
}

std::vector<std::string> Row(std::vector<std::string> labels, const std::vector<std::string>& values) {
  labels.insert(labels.end(), values.begin(), values.end());
  return labels;
}

int CountNotes(const Report& r, ReadingNote::Kind kind) {
  int n = 0;
  for (const auto& note : r.notes()) n += note.kind() == kind ? 1 : 0;
  return n;
}

// Table 三 as an HTML page lays it out: rowspan group labels copied down.
TableGrid Table3Html(bool layout2019) {
  std::vector<std::vector<std::string>> rows = {
      {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "<", "申请人情况", "<", "<", "<", "<", "<", "<"},
      {"^", "^", "自然人", "法人或其他组织", "<", "<", "<", "<", "总计"},
      {"^", "^", "^", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "^"},
      Row({"一、本年新收政府信息公开申请数量", "<"}, Seven(100)),
      Row({"二、上年结转政府信息公开申请数量", "<"}, Seven(200)),
      Row({"三、本年度办理结果", "(一)予以公开"}, Seven(300)),
      Row({"^", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"}, Seven(400)),
      Row({"^", "(三)不予公开", "1.属于国家秘密"}, Seven(500)),
      Row({"^", "^", "2.其他法律行政法规禁止公开"}, Seven(510)),
      Row({"^", "^", "3.危及“三安全一稳定”"}, Seven(520)),
      Row({"^", "^", "4.保护第三方合法权益"}, Seven(530)),
      Row({"^", "^", "5.属于三类内部事务信息"}, Seven(540)),
      Row({"^", "^", "6.属于四类过程性信息"}, Seven(550)),
      Row({"^", "^", "7.属于行政执法案卷"}, Seven(560)),
      Row({"^", "^", "8.属于行政查询事项"}, Seven(570)),
      Row({"^", "(四)无法提供", "1.本机关不掌握相关政府信息"}, Seven(600)),
      Row({"^", "^", "2.没有现成信息需要另行制作"}, Seven(610)),
      Row({"^", "^", "3.补正后申请内容仍不明确"}, Seven(620)),
      Row({"^", "(五)不予处理", "1.信访举报投诉类申请"}, Seven(700)),
      Row({"^", "^", "2.重复申请"}, Seven(710)),
      Row({"^", "^", "3.要求提供公开出版物"}, Seven(720)),
      Row({"^", "^", "4.无正当理由大量反复申请"}, Seven(730)),
      Row({"^", "^", "5.要求行政机关确认或重新出具已获取信息"}, Seven(740)),
  };
  if (layout2019) {
    rows.push_back(Row({"^", "(六)其他处理", "<"}, Seven(800)));
  } else {
    rows.push_back(Row({"^", "(六)其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"}, Seven(800)));
    rows.push_back(Row({"^", "^", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"}, Seven(810)));
    rows.push_back(Row({"^", "^", "3.其他"}, Seven(820)));
  }
  rows.push_back(Row({"^", "(七)总计", "<"}, Seven(900)));
  rows.push_back(Row({"四、结转下年度继续办理", "<", "<"}, Seven(1000)));
  // the 2021 rows have three label columns, the others two: pad to a rectangle
  size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.size());
  for (auto& r : rows) {
    // insert copies of the label so that values end in the last columns
    while (r.size() < width) r.insert(r.begin() + 1, "<");
  }
  return Grid(rows);
}

TEST(Table3, HtmlLayoutWithRowspanGroupsMapsEveryRowAndColumn) {
  TableGrid g = Table3Html(false);
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t3.new_received.natural_person"), "100");
  EXPECT_EQ(Value(r, "t3.new_received.total"), "106");
  EXPECT_EQ(Value(r, "t3.carried_over.commercial_enterprise"), "201");
  EXPECT_EQ(Value(r, "t3.result.granted.research_institution"), "302");
  EXPECT_EQ(Value(r, "t3.result.partially_granted.social_welfare_org"), "403");
  EXPECT_EQ(Value(r, "t3.result.denied.state_secret.natural_person"), "500");
  EXPECT_EQ(Value(r, "t3.result.denied.prohibited_by_law.legal_service_org"), "514");
  EXPECT_EQ(Value(r, "t3.result.denied.administrative_query.total"), "576");
  EXPECT_EQ(Value(r, "t3.result.unable.not_held.natural_person"), "600");
  EXPECT_EQ(Value(r, "t3.result.unable.still_unclear.other_org"), "625");
  EXPECT_EQ(Value(r, "t3.result.not_processed.duplicate.natural_person"), "710");
  EXPECT_EQ(Value(r, "t3.result.not_processed.reconfirm.total"), "746");
  EXPECT_EQ(Value(r, "t3.result.other.no_correction.natural_person"), "800");
  EXPECT_EQ(Value(r, "t3.result.other.unpaid_fee.total"), "816");
  EXPECT_EQ(Value(r, "t3.result.other.other.other_org"), "825");
  EXPECT_EQ(Value(r, "t3.result.total.total"), "906");
  EXPECT_EQ(Value(r, "t3.carried_forward.natural_person"), "1000");
  EXPECT_TRUE(r.tables().t3().info().found());
  EXPECT_EQ(r.tables().t3().info().layout(), xxgk::v1::FORMAT_2021);
  EXPECT_THAT(r.tables().t3().info().missing_keys(), IsEmpty());
  EXPECT_THAT(r.tables().t3().info().unplaced_rows(), IsEmpty());
  EXPECT_EQ(Value(r, "t3.result.other.natural_person"), "<absent>");
}

TEST(Table3, Layout2019HasOneUndividedOtherRow) {
  TableGrid g = Table3Html(true);
  Report r = Map({g});
  EXPECT_EQ(r.tables().t3().info().layout(), xxgk::v1::FORMAT_2019);
  EXPECT_EQ(Value(r, "t3.result.other.natural_person"), "800");
  EXPECT_EQ(Value(r, "t3.result.other.total"), "806");
  EXPECT_EQ(Value(r, "t3.result.other.other.natural_person"), "<absent>");
  EXPECT_THAT(r.tables().t3().info().missing_keys(), IsEmpty());
}

// A 2019 report that left every cell of its undivided （六）其他处理 row blank
// (seen in a published provincial report): the row is read, as blanks, and
// not taken for a heading of rows that never come.
TEST(Table3, Layout2019AllBlankOtherRowIsReadAsBlanks) {
  TableGrid g = Table3Html(true);
  for (auto& row : g.rows) {
    if (row.size() > 3 && row[1].text == "(六)其他处理") {
      for (size_t c = row.size() - 7; c < row.size(); ++c) row[c].text = "";
    }
  }
  Report r = Map({g});
  EXPECT_EQ(r.tables().t3().info().layout(), xxgk::v1::FORMAT_2019);
  EXPECT_EQ(Value(r, "t3.result.other.natural_person"), "BLANK");
  EXPECT_EQ(Value(r, "t3.result.other.total"), "BLANK");
  EXPECT_EQ(Value(r, "t3.result.total.total"), "906");
  EXPECT_THAT(r.tables().t3().info().missing_keys(), IsEmpty());
  EXPECT_THAT(r.tables().t3().info().unplaced_rows(), IsEmpty());
}

// A 2021 table whose （六）其他处理 heading is a row of its own, with empty
// cells under the columns: it heads the three rows below and is no row of
// values itself.
TEST(Table3, Layout2021HeadingRowWithEmptyCellsIsNotARow) {
  TableGrid g = Table3Html(false);
  size_t first = 0;
  while (first < g.rows.size() && g.rows[first][1].text != "(六)其他处理") ++first;
  ASSERT_LT(first + 3, g.rows.size());
  std::vector<GridCell> heading = g.rows[first];
  heading[2] = heading[1];
  heading[2].continuation = true;
  for (size_t c = 3; c < heading.size(); ++c) heading[c] = GridCell{};
  for (size_t r = first; r < first + 3; ++r) g.rows[r][1] = GridCell{};
  g.rows.insert(g.rows.begin() + static_cast<long>(first), heading);
  Report r = Map({g});
  EXPECT_EQ(r.tables().t3().info().layout(), xxgk::v1::FORMAT_2021);
  EXPECT_EQ(Value(r, "t3.result.other.natural_person"), "<absent>");
  EXPECT_EQ(Value(r, "t3.result.other.no_correction.natural_person"), "800");
  EXPECT_EQ(Value(r, "t3.result.other.other.total"), "826");
  EXPECT_THAT(r.tables().t3().info().missing_keys(), IsEmpty());
  EXPECT_THAT(r.tables().t3().info().unplaced_rows(), IsEmpty());
}

// The seed-003 text layout: group label on the first row only, trailing
// colspan artefacts, 钩稽 spelling, 受理 wording, split header words.
TEST(Table3, TextLayoutGroupLabelOnFirstRowOnlyAndTrailingEmptyCells) {
  TableGrid g = Grid(
      {
          {"(本列数据的钩稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "", "", "", "", "", "", ""},
          {"自然人", "法人或其他组织", "总计", "", "", "", "", "", ""},
          {"商业 企业", "科研 机构", "社会公益组织", "法律服务机构", "其他", "", "", "", ""},
          Row({"一、本年新收政府信息公开申请数量"}, Row(Seven(10), {"", ""})),
          Row({"二、上年结转政府信息公开申请数量"}, Row(Seven(20), {"", ""})),
          Row({"三、本年度办理结果", "(一)予以公开"}, Row(Seven(30), {""})),
          Row({"(二)部分公开(区分处理的,只计这一情形,不计其他情形)"}, Row(Seven(40), {"", ""})),
          Row({"(三)不予公开", "1.属于国家秘密"}, Row(Seven(50), {""})),
          Row({"2.其他法律行政止公开"}, Row(Seven(51), {"", ""})),  // typo as published
          Row({"(四)无法提供", "1.本机关不掌握相关政府信息"}, Row(Seven(60), {""})),
          Row({"(五)不予处理", "1.信访举报投诉类申请"}, Row(Seven(70), {""})),
          Row({"(六)其他处理", "1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请"},
              Row(Seven(80), {""})),
          Row({"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再受理其政府信息公开申请"},
              Row(Seven(81), {"", ""})),
          Row({"3.其他"}, Row(Seven(82), {"", ""})),
          Row({"(七)总计"}, Row(Seven(90), {"", ""})),
          Row({"四、结转下年度继续办理"}, Row(Seven(99), {"", ""})),
      },
      "text-pipe");
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t3.new_received.natural_person"), "10");
  EXPECT_EQ(Value(r, "t3.new_received.total"), "16");
  EXPECT_EQ(Value(r, "t3.result.granted.natural_person"), "30");
  EXPECT_EQ(Value(r, "t3.result.partially_granted.total"), "46");
  EXPECT_EQ(Value(r, "t3.result.denied.state_secret.natural_person"), "50");
  EXPECT_EQ(Value(r, "t3.result.denied.prohibited_by_law.natural_person"), "51");
  EXPECT_EQ(Value(r, "t3.result.other.no_correction.total"), "86");
  EXPECT_EQ(Value(r, "t3.result.other.unpaid_fee.natural_person"), "81");
  EXPECT_EQ(Value(r, "t3.result.other.other.natural_person"), "82");
  EXPECT_EQ(Value(r, "t3.result.total.natural_person"), "90");
  EXPECT_EQ(Value(r, "t3.carried_forward.total"), "105");
  EXPECT_EQ(r.tables().t3().info().source_kind(), "text-pipe");
  EXPECT_EQ(CountNotes(r, ReadingNote::SHAPE), 0);
  // rows the grid lacks are listed, not invented
  EXPECT_THAT(r.tables().t3().info().missing_keys(),
              Contains("t3.result.denied.third_party_rights.natural_person"));
  EXPECT_EQ(Value(r, "t3.result.denied.third_party_rights.natural_person"), "<absent>");
}

TEST(Table3, GroupContextDecidesBetweenSameNumbersAndUnknownRowsAreNotGuessed) {
  TableGrid g = Grid({
      {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"},
      {"(三)不予公开", "1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1"},
      {"(四)无法提供", "1.本机关不掌握相关政府信息", "2", "0", "0", "0", "0", "0", "2"},
      {"", "9.申请人要求的其他莫名情形", "5", "0", "0", "0", "0", "0", "5"},
      {"(七)总计", "", "3", "0", "0", "0", "0", "0", "3"},
  });
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t3.result.denied.state_secret.natural_person"), "1");
  EXPECT_EQ(Value(r, "t3.result.unable.not_held.natural_person"), "2");
  EXPECT_EQ(Value(r, "t3.result.total.total"), "3");
  EXPECT_EQ(CountNotes(r, ReadingNote::UNPLACED_ROW), 1);
  ASSERT_EQ(r.tables().t3().info().unplaced_rows_size(), 1);
  EXPECT_THAT(r.tables().t3().info().unplaced_rows(0), ::testing::HasSubstr("莫名"));
}

// A group's label and its item's run together in one cell (a copy that
// lost the border between them): the row is the item's, whichever name is
// longer. "(六)其他处理" is longer than "不补正", and read as the group
// its row would be 2019's undivided row, holding another row's numbers.
TEST(Table3, GroupAndItemLabelsInOneCellAreTheItemsRow) {
  const std::vector<std::pair<std::string, std::string>> label_key = {
      {"(三)不予公开 1.属于国家秘密", "result.denied.state_secret"},
      {"2.其他法律行政法规禁止公开", "result.denied.prohibited_by_law"},
      {"(六)其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
       "result.other.no_correction"},
      {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "result.other.unpaid_fee"},
      {"3.其他", "result.other.other"},
  };
  std::vector<std::vector<std::string>> rows = {
      {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"}};
  for (size_t i = 0; i < label_key.size(); ++i) {
    rows.push_back(Row({label_key[i].first}, Seven(10 * static_cast<int>(i + 1))));
  }
  Report r = Map({Grid(rows)});
  for (size_t i = 0; i < label_key.size(); ++i) {
    EXPECT_EQ(Value(r, "t3." + label_key[i].second + ".natural_person"), std::to_string(10 * (i + 1)))
        << label_key[i].first;
  }
  EXPECT_EQ(Value(r, "t3.result.other.natural_person"), "<absent>");
  EXPECT_EQ(CountNotes(r, ReadingNote::UNPLACED_ROW), 0);
  EXPECT_EQ(r.tables().t3().info().layout(), xxgk::v1::FORMAT_2021);
}

// Table 三 as a PDF converter lays it out in text (pdftotext -layout, in
// a narrow column): labels wrapped over many lines, values level with one
// of them. What cannot be told apart is left unread, never read into
// another row: a fragment ("其他情") is not taken for a short label
// ("其他") it resembles, a numbered line ends the row held before it, and a
// row of a table whose columns are kept by spaces alone, with a label and
// no values, is not read as blanks.
TEST(Table3, FragmentsOfWrappedLabelsInSpacedTextAreNeverAnotherRow) {
  // pdftotext -layout of table 三 at 60 % of the page, column by column
  std::vector<std::vector<std::string>> rows = {
      {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"},
      {"三、本年度办理结果"},
      {"度办 (二)部分"},
      {"理结公开(区"},
      {"果分处理"},
      Row({"的,只计"}, Seven(40)),
      {"这一情"},
      {"形,不计"},
      {"其他情"},
      {"形)"},
      {"(三) 1.属"},
      Row({"不于国"}, Seven(50)),
      {"予家秘"},
      {"公密"},
  };
  TableGrid g = Grid(rows, "text-aligned");
  g.spaced = true;
  Report r = Map({g});
  // 40 and 50 belong to 部分公开 and 属于国家秘密, whose labels are cut in
  // pieces round them: both rows unread, neither's values given to the
  // other or to 其他
  for (const char* key : {"t3.result.partially_granted.natural_person", "t3.result.other.other.natural_person",
                          "t3.result.denied.state_secret.natural_person"}) {
    EXPECT_EQ(Value(r, key), "<absent>") << key;
  }
  EXPECT_EQ(CountNotes(r, ReadingNote::UNPLACED_ROW), 2);

  // the same row with blank cells in text spaced as above: not read as
  // blanks (its values may be a row away), noted
  TableGrid blanks = Grid({{"(本列数据的勾稽关系为...)", "申请人情况"},
                           {"(一)予以公开"},
                           Row({"(二)部分公开(区分处理的,只计这一情形,不计其他情形)"}, Seven(1))},
                          "text-aligned");
  blanks.spaced = true;
  Report b = Map({blanks});
  EXPECT_EQ(Value(b, "t3.result.granted.natural_person"), "<absent>");
  EXPECT_EQ(Value(b, "t3.result.partially_granted.natural_person"), "1");
  EXPECT_GE(CountNotes(b, ReadingNote::SHAPE), 1);
}

// pdftotext -layout can set a row's values a line low: 4.保护第三方合法权益
// alone, its values beside 5.属于三类内部事务信, and row 5's own values
// beside the rest of its label (息). Row 5's line is not read as row 5 (its
// values may be row 4's), with a note; rows round it are read as usual.
TEST(Table3, ValuesBesideTheNextRowsLabelInSpacedTextAreNotReadAsItsOwn) {
  std::vector<std::vector<std::string>> rows = {
      {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"},
      Row({"3.危及“三安全一稳定”"}, Seven(30)),
      {"4.保护第三方合法权益"},
      Row({"5.属于三类内部事务信"}, Seven(40)),
      Row({"息"}, Seven(50)),
      Row({"6.属于四类过程性信息"}, Seven(60)),
  };
  TableGrid g = Grid(rows, "text-aligned");
  g.spaced = true;
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t3.result.denied.internal_affairs.natural_person"), "<absent>");
  EXPECT_EQ(Value(r, "t3.result.denied.third_party_rights.natural_person"), "<absent>");
  EXPECT_EQ(Value(r, "t3.result.denied.security_stability.natural_person"), "30");
  EXPECT_EQ(Value(r, "t3.result.denied.process_information.natural_person"), "60");
  bool noted = false;
  for (const auto& n : r.notes()) {
    noted = noted || (n.kind() == ReadingNote::SHAPE &&
                      n.message().find("moved down a line") != std::string::npos);
  }
  EXPECT_TRUE(noted);

  // a label that wraps with its values on the line of its first part reads
  // as before: the next line's numbers beside an unnumbered tail follow a
  // row that has values itself
  rows[2] = Row({"4.保护第三方合法权益"}, Seven(35));
  TableGrid filled = Grid(rows, "text-aligned");
  filled.spaced = true;
  Report f = Map({filled});
  EXPECT_EQ(Value(f, "t3.result.denied.internal_affairs.natural_person"), "40");
}

TEST(Table3, LabelWrappedOverTwoRowsIsJoined) {
  TableGrid g = Grid({
      {"(本列数据的勾稽关系为...)", "申请人情况"},
      {"一、本年新收政府信息", "", "", "", "", "", "", ""},
      Row({"公开申请数量"}, Seven(1)),
  });
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t3.new_received.natural_person"), "1");
  EXPECT_EQ(CountNotes(r, ReadingNote::UNPLACED_ROW), 0);

  // the second line on its own still reads as the same entry (as
  // pdftotext -layout wraps it): it carries the values, and the first line
  // is no row of blanks
  Report same = Map({Grid({{"(本列数据的勾稽关系为...)", "申请人情况"},
                           {"(二)部分公开(区分处理的,", "", "", "", "", "", "", ""},
                           Row({"只计这一情形,不计其他情形)"}, Seven(40))})});
  EXPECT_EQ(Value(same, "t3.result.partially_granted.natural_person"), "40");
  EXPECT_EQ(Value(same, "t3.result.partially_granted.total"), "46");
  EXPECT_EQ(CountNotes(same, ReadingNote::SHAPE), 0);
}

// Centred in a narrow cell spanning two label columns, a label's wrapped
// tail can fall in the second column ("(一)予以公" beside "开"): the parts
// of one row's label that match nothing alone are read together. Parts that
// each name a row stay apart.
TEST(Table3, OneLabelPartedBetweenTwoColumnsIsJoined) {
  const std::vector<std::string> head = {"(本列数据的勾稽关系为...)", "申请人情况"};
  Report r = Map({Grid({head, Row({"三、本年度办理结果", "(一)予以公", "开"}, Seven(10)),
                        Row({"三、本年度办理结果", "(二)部分公开(区分处理的,只计这一情形,", "不计其他情形)"},
                            Seven(20))},
                       "pdf")});
  EXPECT_EQ(Value(r, "t3.result.granted.natural_person"), "10");
  EXPECT_EQ(Value(r, "t3.result.granted.total"), "16");
  EXPECT_EQ(Value(r, "t3.result.partially_granted.natural_person"), "20");
  EXPECT_EQ(CountNotes(r, ReadingNote::UNPLACED_ROW), 0);
  // a numbered part is no tail: "(一)予以公" then "(二)部分公开" are two labels
  Report two = Map({Grid({head, Row({"三、本年度办理结果", "(一)予以公", "(二)部分公开"}, Seven(30))}, "pdf")});
  EXPECT_EQ(Value(two, "t3.result.granted.natural_person"), "<absent>");
}

// A grid rebuilt from positions can set a row's own numbered label under
// the copy of another row's label spanning down to it. When the own label
// names no row here (3.其他 outside （六）), which row the values are cannot
// be told: they are not read, never read as the spanning label's row.
TEST(Table3, AnUnknownItemUnderASpanningLabelLeavesItsValuesUnread) {
  Report r = Map({Grid(
      {
          {"(本列数据的勾稽关系为...)", "", "申请人情况"},
          Row({"一、本年新收政府信息公开申请数量", "<"}, Seven(1)),
          Row({"三、本年度办理结", "(一)予以公开"}, Seven(20)),
          Row({"(六)其他处理", "3.其他"}, Seven(40)),
          Row({"(七)总计", "<"}, Seven(50)),
          Row({"四、结转下年度", "2.申请人逾期未按收费通知要求缴纳费用"}, Seven(60)),
          Row({"^", "3.其他"}, Seven(70)),
          Row({"^", "继续办理"}, Seven(80)),
      },
      "pdf")});
  const std::vector<std::pair<std::string, std::string>> want = {
      {"new_received", "1"},           {"result.granted", "20"},
      {"result.other.other", "40"},    {"result.total", "50"},
      {"result.other.unpaid_fee", "60"}, {"carried_forward", "80"},
  };
  for (const auto& [row, value] : want) {
    EXPECT_EQ(Value(r, "t3." + row + ".natural_person"), value) << row;
  }
  EXPECT_EQ(CountNotes(r, ReadingNote::UNPLACED_ROW), 1);
}

TEST(Table3, NumberingLostSpacedLabelsAndNoGroupRows) {
  TableGrid g = Grid({
      {"申请人情况"},
      Row({"本 年 新 收 政 府 信 息 公 开 申 请 数 量"}, Seven(1)),
      Row({"予以公开"}, Seven(2)),
      Row({"属于国家秘密"}, Seven(3)),
      Row({"本机关不掌握相关政府信息"}, Seven(4)),
      Row({"重复申请"}, Seven(5)),
      Row({"其他处理"}, Seven(6)),
      Row({"总计"}, Seven(7)),
      Row({"结转下年度继续办理"}, Seven(8)),
  });
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t3.new_received.natural_person"), "1");
  EXPECT_EQ(Value(r, "t3.result.granted.natural_person"), "2");
  EXPECT_EQ(Value(r, "t3.result.denied.state_secret.natural_person"), "3");
  EXPECT_EQ(Value(r, "t3.result.unable.not_held.natural_person"), "4");
  EXPECT_EQ(Value(r, "t3.result.not_processed.duplicate.natural_person"), "5");
  EXPECT_EQ(Value(r, "t3.result.other.natural_person"), "6");  // 2019 single row
  EXPECT_EQ(Value(r, "t3.result.total.natural_person"), "7");
  EXPECT_EQ(Value(r, "t3.carried_forward.total"), "14");
  EXPECT_EQ(r.tables().t3().info().layout(), xxgk::v1::FORMAT_2019);
}

TEST(CellValues, BlankZeroNaTextAreDistinctAndNumbersNormalised) {
  TableGrid g = Grid({
      {"一、本年新收政府信息公开申请数量", "", "0", "/", "—", "无", "1,234", "约5"},
  });
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t3.new_received.natural_person"), "BLANK");
  EXPECT_EQ(Value(r, "t3.new_received.commercial_enterprise"), "0");
  EXPECT_EQ(Value(r, "t3.new_received.research_institution"), "NA");
  EXPECT_EQ(Value(r, "t3.new_received.social_welfare_org"), "NA");
  EXPECT_EQ(Value(r, "t3.new_received.legal_service_org"), "NA");
  EXPECT_EQ(Value(r, "t3.new_received.other_org"), "1234");
  EXPECT_EQ(Value(r, "t3.new_received.total"), "TEXT:约5");
  const Cell* c = FindCell(r.tables(), "t3.new_received.other_org");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->raw(), "1,234");
  EXPECT_EQ(c->source_row(), 0);
  EXPECT_EQ(c->source_col(), 6);
}

TEST(CellValues, ParseCellValue) {
  EXPECT_EQ(ParseCellValue("12.50").value(), "12.50");
  EXPECT_EQ(ParseCellValue("-3").value(), "-3");
  EXPECT_EQ(ParseCellValue("-").presence(), Cell::NA);
  EXPECT_EQ(ParseCellValue("——").presence(), Cell::NA);
  Cell yuan = ParseCellValue("251000元");
  EXPECT_EQ(yuan.presence(), Cell::NUMBER);
  EXPECT_EQ(yuan.value(), "251000");
  EXPECT_EQ(yuan.unit(), "元");
  EXPECT_EQ(ParseCellValue("  ").presence(), Cell::BLANK);
  EXPECT_EQ(ParseCellValue("见附件").presence(), Cell::TEXT);
}

TEST(Table2, Format2021BlocksWithHeadersUnitsAndColspanArtefacts) {
  TableGrid g = Grid(
      {
          {"第二十条第(一)项", "", "", ""},
          {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
          {"规章", "1", "2", "3"},
          {"行政规范性文件", "4", "5", "6"},
          {"第二十条第(五)项", "", "", ""},
          {"信息内容", "本年处理决定数量", "", ""},
          {"行政许可", "7", "", ""},
          {"第二十条第(六)项", "", "", ""},
          {"信息内容", "本年处理决定数量", "", ""},
          {"行政处罚", "8", "", ""},
          {"行政强制", "/", "", ""},
          {"第二十条第(八)项", "", "", ""},
          {"信息内容", "本年收费金额(单位:万元)", "", ""},
          {"行政事业性收费", "7730.28", "", ""},
      },
      "text-pipe");
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t2.rules.issued"), "1");
  EXPECT_EQ(Value(r, "t2.rules.in_force"), "3");
  EXPECT_EQ(Value(r, "t2.normative_documents.repealed"), "5");
  EXPECT_EQ(Value(r, "t2.licensing.decisions"), "7");
  EXPECT_EQ(Value(r, "t2.penalty.decisions"), "8");
  EXPECT_EQ(Value(r, "t2.coercion.decisions"), "NA");
  EXPECT_EQ(Value(r, "t2.fees.amount_wan_yuan"), "7730.28");
  EXPECT_EQ(FindCell(r.tables(), "t2.fees.amount_wan_yuan")->unit(), "万元");
  EXPECT_EQ(r.tables().t2().info().layout(), xxgk::v1::FORMAT_2021);
  EXPECT_THAT(r.tables().t2().info().missing_keys(), IsEmpty());
  EXPECT_EQ(CountNotes(r, ReadingNote::SHAPE), 0);
}

// A PDF without cell padding joins a row left blank to the next row's label
// (行政处罚 blank, then 行政强制 6): one cell names two rows, and whose its
// values are cannot be told. Neither row is read, and a note says why.
TEST(Table2, ALabelNamingTwoRowsIsNotRead) {
  TableGrid g = Grid(
      {
          {"第二十条第(六)项", ""},
          {"信息内容", "本年处理决定数量"},
          {"行政处罚行政强制", "6"},
          {"第二十条第(五)项", ""},
          {"信息内容", "本年处理决定数量"},
          {"行政许可", "7"},
      },
      "pdf");
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t2.penalty.decisions"), "<absent>");
  EXPECT_EQ(Value(r, "t2.coercion.decisions"), "<absent>");
  EXPECT_EQ(Value(r, "t2.licensing.decisions"), "7");
  bool noted = false;
  for (const auto& n : r.notes()) {
    noted = noted || n.message().find("names two rows of table 二") != std::string::npos;
  }
  EXPECT_TRUE(noted);
}

TEST(Table2, Format2019ColumnsAreRecognisedAsTheOtherLayout) {
  TableGrid g = Grid({
      {"第二十条第(一)项", "<", "<", "<"},
      {"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"},
      {"规章", "1", "1", "10"},
      {"规范性文件", "2", "2", "20"},
      {"第二十条第(五)项", "<", "<", "<"},
      {"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"},
      {"行政许可", "5", "-1", "300"},
      {"其他对外管理服务事项", "3", "0", "40"},
      {"第二十条第(九)项", "<", "<", "<"},
      {"信息内容", "采购项目数量", "采购总金额", "<"},
      {"政府集中采购", "4", "251000元", "<"},
  });
  Report r = Map({g});
  EXPECT_EQ(r.tables().t2().info().layout(), xxgk::v1::FORMAT_2019);
  EXPECT_EQ(Value(r, "t2.rules.new_made"), "1");
  EXPECT_EQ(Value(r, "t2.rules.total_public"), "10");
  EXPECT_EQ(Value(r, "t2.licensing.change"), "-1");
  EXPECT_EQ(Value(r, "t2.licensing.decisions"), "300");
  EXPECT_EQ(Value(r, "t2.other_services.previous_count"), "3");
  EXPECT_EQ(Value(r, "t2.procurement.projects"), "4");
  EXPECT_EQ(Value(r, "t2.procurement.amount"), "251000");
  EXPECT_EQ(FindCell(r.tables(), "t2.procurement.amount")->unit(), "元");
  EXPECT_EQ(Value(r, "t2.rules.issued"), "<absent>");
}

// A PDF's header whose cells differ in height reads as two rows: the
// headings wrapped over two lines start a row, the one-line cells centred
// beside them (信息内容, 现行有效件数) a second. Each row names some of the
// columns, and the rows below take them all.
TEST(Table2, AHeaderReadAsTwoRowsNamesEveryColumn) {
  TableGrid g = Grid({
      {"", "第二十条第(一)项", "<", ""},
      {"", "本年制发件数", "本年废止件数", ""},
      {"信息内容", "", "", "现行有效件数"},
      {"规章", "303", "310", "317"},
      {"行政规范性文件", "324", "331", "338"},
  }, "pdf");
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t2.rules.issued"), "303");
  EXPECT_EQ(Value(r, "t2.rules.repealed"), "310");
  EXPECT_EQ(Value(r, "t2.rules.in_force"), "317");
  EXPECT_EQ(Value(r, "t2.normative_documents.issued"), "324");
  EXPECT_THAT(r.tables().t2().info().missing_keys(), Not(Contains("t2.rules.issued")));
  EXPECT_EQ(CountNotes(r, ReadingNote::SHAPE), 0);
}

// Two headings set so closely that a PDF's words run together read as one
// cell over both their columns: each column takes the heading written over
// it, in order.
TEST(Table2, HeadingsRunTogetherOverTheirColumnsNameThemInOrder) {
  TableGrid g = Grid({
      {"信息内容", "本年制发件数本年废止件数", "<", "现行有效件数"},
      {"规章", "0", "1", "0"},
      {"行政规范性文件", "12", "7", "7"},
  }, "pdf");
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t2.rules.issued"), "0");
  EXPECT_EQ(Value(r, "t2.rules.repealed"), "1");
  EXPECT_EQ(Value(r, "t2.normative_documents.repealed"), "7");
  EXPECT_EQ(Value(r, "t2.normative_documents.in_force"), "7");
  EXPECT_EQ(CountNotes(r, ReadingNote::SHAPE), 0);
}

// A table of rows going on from the header's table in a grid of its own,
// whose label a PDF set across two label columns: the label is one cell,
// and its values stand under the header's columns from the first.
TEST(Table2, ALabelAcrossTwoColumnsOfTheNextGridIsOneCell) {
  TableGrid head = Grid({
      {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
      {"规章", "", "0", "0"},
  }, "pdf");
  TableGrid rows = Grid({
      {"行政规范性文件", "<", "", "1", "15"},
  }, "pdf");
  Report r = Map({head, rows});
  EXPECT_EQ(Value(r, "t2.normative_documents.issued"), "BLANK");
  EXPECT_EQ(Value(r, "t2.normative_documents.repealed"), "1");
  EXPECT_EQ(Value(r, "t2.normative_documents.in_force"), "15");
}

// Text that lost its grid runs a block's column headers together in one
// cell: the rows take the layout's default columns, and the phrases in the
// run-together header still decide the format version.
TEST(Table2, HeadersRunTogetherInOneCellTakeTheLayoutsColumns) {
  TableGrid y2021 = Grid({
      {"第二十条第(一)项", "", "", ""},
      {"信息内容本年制发件数本年废止件数现行有效件数", "", "", ""},
      {"规章", "1", "2", "3"},
      {"第二十条第(八)项", "", "", ""},
      {"信息内容本年收费金额(单位:万元)", "", "", ""},
      {"行政事业性收费", "4.5", "", ""},
  }, "text-flat");
  Report r = Map({y2021});
  EXPECT_EQ(r.tables().t2().info().layout(), xxgk::v1::FORMAT_2021);
  EXPECT_EQ(Value(r, "t2.rules.issued"), "1");
  EXPECT_EQ(Value(r, "t2.rules.repealed"), "2");
  EXPECT_EQ(Value(r, "t2.rules.in_force"), "3");
  EXPECT_EQ(Value(r, "t2.fees.amount_wan_yuan"), "4.5");
  const auto* fee = FindCell(r.tables(), "t2.fees.amount_wan_yuan");
  ASSERT_NE(fee, nullptr);
  EXPECT_EQ(fee->unit(), "万元");
  for (const auto& n : r.notes()) ADD_FAILURE() << "unexpected note: " << n.message();

  // the same rows under 2019 headers: the 2019 columns
  TableGrid y2019 = Grid({
      {"第二十条第(一)项", "", "", ""},
      {"信息内容本年新制作数量本年新公开数量对外公开总数量", "", "", ""},
      {"规章", "1", "2", "3"},
  }, "text-flat");
  Report r19 = Map({y2019});
  EXPECT_EQ(r19.tables().t2().info().layout(), xxgk::v1::FORMAT_2019);
  EXPECT_EQ(Value(r19, "t2.rules.new_made"), "1");
  EXPECT_EQ(Value(r19, "t2.rules.total_public"), "3");
  EXPECT_EQ(Value(r19, "t2.rules.issued"), "<absent>");
}

// A published 2019 page spans 本年增/减 over two columns in the header but,
// in the data rows, the value before it over two: each column's value is
// the row's own cell inside the column, not the copy reaching into it.
// A header row whose 信息内容 cell is empty (its text was read into the
// band above, as in a PDF whose rows are set without padding) names its
// columns from its first cell on: the values are not shifted one column.
TEST(Table2, HeaderRowWithoutItsLabelCellNamesColumnsInPlace) {
  Report r = Map({Grid(
      {
          {"第二十条第(一)项信息内容", "", "", ""},
          {"", "本年制发件数", "本年废止件数", "现行有效件数"},
          {"规章", "70", "10", "47"},
          {"行政规范性文件", "84", "2712", "61"},
      },
      "pdf")});
  EXPECT_EQ(Value(r, "t2.rules.issued"), "70");
  EXPECT_EQ(Value(r, "t2.rules.repealed"), "10");
  EXPECT_EQ(Value(r, "t2.rules.in_force"), "47");
  EXPECT_EQ(Value(r, "t2.normative_documents.repealed"), "2712");
  EXPECT_EQ(r.tables().t2().info().layout(), xxgk::v1::FORMAT_2021);
}

// Cells centred or set to the right in a PDF: a grid rebuilt from positions
// puts a header's 信息内容 in another column than the rows' labels, and the
// one value of a merged cell under the last column the header spans.
TEST(Table2, PositionalHeadersPlaceValuesByTheirOwnGridColumns) {
  Report r = Map({Grid(
      {
          {"", "", "第二十条第(一)项", "<", "<"},
          {"", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
          {"规章", "", "70", "10", "47"},
          {"", "", "", "第二十条第(五)项", "<"},
          {"", "信息内容", "", "本年处理决定数量", "<"},
          {"", "行政许可", "", "", "4045"},
          {"", "", "", "第二十条第(八)项", "<"},
          {"", "信息内容", "本年收费金额(单位:万元)", "<", "<"},
          {"行政事业性收费", "<", "", "", "12.5"},
      },
      "pdf")});
  EXPECT_EQ(Value(r, "t2.rules.issued"), "70");
  EXPECT_EQ(Value(r, "t2.rules.repealed"), "10");
  EXPECT_EQ(Value(r, "t2.rules.in_force"), "47");
  EXPECT_EQ(Value(r, "t2.licensing.decisions"), "4045");
  EXPECT_EQ(Value(r, "t2.fees.amount_wan_yuan"), "12.5");
  EXPECT_EQ(CountNotes(r, ReadingNote::SHAPE), 0);
}

// Each block's 第二十条第（X）项 in a column of its own, spanning the block's
// rows (rowspan) beside its header and data rows, instead of across the
// table above them.
TEST(Table2, BlockLabelsInALeftColumnSpanningTheirRows) {
  for (const char* kind : {"html", "docx"}) {
    Report r = Map({Grid(
        {
            {"第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
            {"^", "规章", "1", "2", "3"},
            {"^", "行政规范性文件", "4", "5", "6"},
            {"第二十条第(五)项", "信息内容", "本年处理决定数量", "<", "<"},
            {"^", "行政许可", "7", "<", "<"},
            {"第二十条第(六)项", "信息内容", "本年处理决定数量", "<", "<"},
            {"^", "行政处罚", "8", "<", "<"},
            {"^", "行政强制", "9", "<", "<"},
            {"第二十条第(八)项", "信息内容", "本年收费金额(单位:万元)", "<", "<"},
            {"^", "行政事业性收费", "1.25", "<", "<"},
        },
        kind)});
    SCOPED_TRACE(kind);
    EXPECT_EQ(Value(r, "t2.rules.issued"), "1");
    EXPECT_EQ(Value(r, "t2.rules.in_force"), "3");
    EXPECT_EQ(Value(r, "t2.normative_documents.repealed"), "5");
    EXPECT_EQ(Value(r, "t2.licensing.decisions"), "7");
    EXPECT_EQ(Value(r, "t2.penalty.decisions"), "8");
    EXPECT_EQ(Value(r, "t2.coercion.decisions"), "9");
    EXPECT_EQ(Value(r, "t2.fees.amount_wan_yuan"), "1.25");
    EXPECT_EQ(r.tables().t2().info().layout(), xxgk::v1::FORMAT_2021);
    EXPECT_THAT(r.tables().t2().info().missing_keys(), IsEmpty());
    EXPECT_EQ(CountNotes(r, ReadingNote::SHAPE), 0);
    EXPECT_EQ(CountNotes(r, ReadingNote::UNPLACED_ROW), 0);
  }
  // a block's columns are its own: the 2019 header of one block does not
  // carry over to the next (each starts at its label's own row)
  Report r = Map({Grid({
      {"第二十条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"},
      {"^", "规章", "1", "2", "3"},
      {"第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量"},
      {"^", "行政许可", "4", "-1", "300"},
  })});
  EXPECT_EQ(Value(r, "t2.rules.new_published"), "2");
  EXPECT_EQ(Value(r, "t2.licensing.previous_count"), "4");
  EXPECT_EQ(Value(r, "t2.licensing.decisions"), "300");
  EXPECT_EQ(r.tables().t2().info().layout(), xxgk::v1::FORMAT_2019);
}

TEST(Table2, HeaderAndDataSpansThatDisagreeStillPlaceEachValue) {
  TableGrid g = Grid({
      {"第二十条第(五)项", "<", "<", "<", "<"},
      {"信息内容", "上一年项目数量", "本年增/减", "<", "处理决定数量"},
      {"行政许可", "5", "<", "-1", "300"},
      {"其他对外管理服务事项", "3", "<", "0", "40"},
  });
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t2.licensing.previous_count"), "5");
  EXPECT_EQ(Value(r, "t2.licensing.change"), "-1");
  EXPECT_EQ(Value(r, "t2.licensing.decisions"), "300");
  EXPECT_EQ(Value(r, "t2.other_services.change"), "0");
  EXPECT_EQ(CountNotes(r, ReadingNote::SHAPE), 0);
}

TEST(Table4, TruncatedThreeLevelHeaderAndFifteenValues) {
  std::vector<std::string> data;
  for (int i = 0; i < 15; ++i) data.push_back(std::to_string(i));
  data.push_back("");
  TableGrid g = Grid(
      {
          {"行政复议", "行政诉讼", "", "", "", "", "", "", "", "", "", "", "", "", "", ""},
          {"结果维持", "结果", "其他", "尚未", "总计", "未经复议直接起诉", "复议后起诉", "", "", "", "", "", "", "", "", ""},
          {"结果", "结果", "其他", "尚未", "总计", "结果", "结果", "其他", "尚未", "总计", "", "", "", "", "", ""},
          data,
      },
      "text-pipe");
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t4.review.upheld"), "0");
  EXPECT_EQ(Value(r, "t4.review.total"), "4");
  EXPECT_EQ(Value(r, "t4.litigation_direct.upheld"), "5");
  EXPECT_EQ(Value(r, "t4.litigation_direct.pending"), "8");
  EXPECT_EQ(Value(r, "t4.litigation_after_review.total"), "14");
  EXPECT_THAT(r.tables().t4().info().missing_keys(), IsEmpty());
}

TEST(Table4, AnAllBlankDataRowIsReadAsBlanks) {
  TableGrid g = Grid({
      {"行政复议", "行政诉讼"},
      {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"},
      std::vector<std::string>(15, ""),
  });
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t4.review.upheld"), "BLANK");
  EXPECT_EQ(Value(r, "t4.litigation_after_review.total"), "BLANK");
  EXPECT_TRUE(r.tables().t4().info().found());
}

TEST(Table4, ShortDataRowLeavesMissingKeysAndASHapeNote) {
  TableGrid g = Grid({
      {"行政复议", "行政诉讼"},
      {"0", "0", "0", "0", "0", "1", "1", "1", "1", "4"},
  });
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t4.litigation_direct.total"), "4");
  EXPECT_EQ(Value(r, "t4.litigation_after_review.upheld"), "<absent>");
  EXPECT_THAT(r.tables().t4().info().missing_keys(), Contains("t4.litigation_after_review.total"));
  EXPECT_GE(CountNotes(r, ReadingNote::SHAPE), 1);
}

// A PDF whose numbers stand too close to tell their columns apart leaves
// several in one cell ("971534 7"): read in order, every value after it
// would land a column early, so the row is not read (noted). In HTML such a
// cell is what the author typed, and the row is read.
TEST(Table4, APdfCellHoldingSeveralNumbersLeavesTheRowUnread) {
  const std::vector<std::vector<std::string>> rows = {
      {"行政复议", "行政诉讼"},
      {"971534 7", "18", "656797", "621405 8", "38", "13676", "5", "525859", "21", "682", "773013 12430 85"},
  };
  Report pdf = Map({Grid(rows, "pdf")});
  EXPECT_EQ(Value(pdf, "t4.review.upheld"), "<absent>");
  EXPECT_EQ(Value(pdf, "t4.review.corrected"), "<absent>");
  EXPECT_EQ(Value(pdf, "t4.litigation_after_review.total"), "<absent>");
  ASSERT_GE(CountNotes(pdf, ReadingNote::SHAPE), 1);
  EXPECT_THAT(pdf.notes(0).message(), ::testing::HasSubstr("971534 7"));
  // the same cells in HTML are what the author typed: read
  Report html = Map({Grid(rows, "html")});
  EXPECT_NE(Value(html, "t4.review.corrected"), "<absent>");
}

// Text without column separators cannot show a blank cell: a row of such
// a grid ("text-flat", padded to the widest row) with fewer values than its
// table's columns lost blanks somewhere, and no value of it is placed; the
// same short rows in a grid with separators are read by position.
TEST(Tables, FlatTextRowsThatLostBlankCellsAreNotPlaced) {
  const std::vector<std::vector<std::string>> rows = {
      {"第二十条第(一)项", "", "", "", "", "", "", ""},
      {"规章", "3", "74", "", "", "", "", ""},
      {"行政规范性文件", "1", "2", "3", "", "", "", ""},
      {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "", "", "", "", "", "", ""},
      Row({"一、本年新收政府信息公开申请数量"}, {"10", "2", "1", "13", "", "", ""}),
      Row({"二、上年结转政府信息公开申请数量"}, Seven(200)),
  };
  Report flat = Map({Grid(rows, "text-flat")});
  EXPECT_EQ(Value(flat, "t2.rules.issued"), "<absent>");
  EXPECT_EQ(Value(flat, "t2.rules.repealed"), "<absent>");
  EXPECT_EQ(Value(flat, "t2.normative_documents.in_force"), "3");
  EXPECT_EQ(Value(flat, "t3.new_received.natural_person"), "<absent>");
  EXPECT_EQ(Value(flat, "t3.new_received.total"), "<absent>");
  EXPECT_EQ(Value(flat, "t3.carried_over.total"), "206");
  int lost = 0;
  for (const auto& n : flat.notes()) {
    if (n.kind() == ReadingNote::SHAPE && n.message().find("no column separators") != std::string::npos) {
      ++lost;
    }
  }
  EXPECT_EQ(lost, 2);
  EXPECT_THAT(flat.tables().t3().info().missing_keys(), Contains("t3.new_received.total"));

  Report piped = Map({Grid(rows, "text-pipe")});
  EXPECT_EQ(Value(piped, "t2.rules.repealed"), "74");
  EXPECT_EQ(Value(piped, "t2.rules.in_force"), "BLANK");
  EXPECT_EQ(Value(piped, "t3.new_received.total"), "BLANK");
}

// The same text can also give a row more values than its table has columns
// (text extracted out of order gathers another row's values into it) or a
// label with no values at all (a label wrapped over two lines leaves its
// first line alone): neither row is placed, where a grid with separators
// reads them by position.
TEST(Tables, FlatTextRowsWithMoreOrNoValuesAreNotPlaced) {
  const std::vector<std::vector<std::string>> rows = {
      {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "", "", "", "", "", "", "", "", ""},
      Row({"一、本年新收政府信息公开申请数量"}, {"1", "2", "3", "4", "5", "6", "7", "8", "9"}),
      Row({"二、上年结转政府信息公开申请数量"}, Seven(200)),
      {"(二)部分公开(区分处理的,", "", "", "", "", "", "", "", "", ""},
  };
  Report flat = Map({Grid(rows, "text-flat")});
  EXPECT_EQ(Value(flat, "t3.new_received.natural_person"), "<absent>");
  EXPECT_EQ(Value(flat, "t3.new_received.total"), "<absent>");
  EXPECT_EQ(Value(flat, "t3.carried_over.total"), "206");
  EXPECT_EQ(Value(flat, "t3.result.partially_granted.natural_person"), "<absent>");
  int more = 0, none = 0;
  for (const auto& n : flat.notes()) {
    if (n.kind() != ReadingNote::SHAPE) continue;
    if (n.message().find("which of them belong to this row") != std::string::npos) ++more;
    if (n.message().find("has no values") != std::string::npos) ++none;
  }
  EXPECT_EQ(more, 1);
  EXPECT_EQ(none, 1);

  Report piped = Map({Grid(rows, "text-pipe")});
  EXPECT_EQ(Value(piped, "t3.new_received.natural_person"), "1");
  EXPECT_EQ(Value(piped, "t3.result.partially_granted.natural_person"), "BLANK");
}

// A table rebuilt from word positions shows no blank cell either, and a
// label set apart from its values (rows without padding) makes a row of the
// label alone: such a row is not read as blanks. Its neighbours, read by
// position, keep their blank cells.
TEST(Tables, PositionalRowWithALabelAndNoValuesIsNotReadAsBlanks) {
  const std::vector<std::vector<std::string>> rows = {
      {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "", "", "", "", "", "", ""},
      Row({"一、本年新收政府信息公开申请数量"}, {"1", "", "3", "4", "5", "6", "19"}),
      Row({"二、上年结转政府信息公开申请数量"}, {"", "", "", "", "", "", ""}),
  };
  for (const char* kind : {"pdf", "ofd"}) {
    SCOPED_TRACE(kind);
    Report r = Map({Grid(rows, kind)});
    EXPECT_EQ(Value(r, "t3.new_received.research_institution"), "3");
    EXPECT_EQ(Value(r, "t3.new_received.commercial_enterprise"), "BLANK");
    EXPECT_EQ(Value(r, "t3.carried_over.natural_person"), "<absent>");
    EXPECT_EQ(Value(r, "t3.carried_over.total"), "<absent>");
    EXPECT_THAT(r.tables().t3().info().missing_keys(), Contains("t3.carried_over.total"));
    int notes = 0;
    for (const auto& n : r.notes()) {
      notes += n.kind() == ReadingNote::SHAPE && n.message().find("has no values where the page") != std::string::npos;
    }
    EXPECT_EQ(notes, 1);
  }
  Report html = Map({Grid(rows, "html")});
  EXPECT_EQ(Value(html, "t3.carried_over.total"), "BLANK");
}

// The reader of positions found the row to be a row of blanks (its label
// stands level with no row that has values, where rows with values stand):
// its empty cells are read as blank cells.
TEST(Tables, PositionalRowOfBlanksFoundByTheReaderIsReadAsBlanks) {
  TableGrid g = Grid({
      Row({"一、本年新收政府信息公开申请数量"}, {"1", "", "3", "4", "5", "6", "19"}),
      Row({"二、上年结转政府信息公开申请数量"}, {"", "", "", "", "", "", ""}),
  }, "pdf");
  g.blank_rows = {1};
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t3.new_received.natural_person"), "1");
  EXPECT_EQ(Value(r, "t3.carried_over.natural_person"), "BLANK");
  EXPECT_EQ(Value(r, "t3.carried_over.total"), "BLANK");
  for (const auto& n : r.notes()) {
    EXPECT_EQ(n.message().find("has no values where the page"), std::string::npos) << n.message();
  }
}

TEST(Table4, MissingKeysCountCellsTheReportHeldBefore) {
  // MapTables marks the cells it reads; cells a report already held are
  // found by reading its tables
  TableGrid g = Grid({
      {"行政复议", "行政诉讼"},
      {"0", "0", "0", "0", "0", "1", "1", "1", "1", "4"},
  });
  Report r;
  MutableCell(r.mutable_tables(), "t4.litigation_after_review.total")->set_presence(Cell::NUMBER);
  std::vector<PlacedGrid> placed(1);
  placed[0].grid = &g;
  MapTables(placed, &r);
  const auto& missing = r.tables().t4().info().missing_keys();
  EXPECT_THAT(missing, Contains("t4.litigation_after_review.upheld"));
  EXPECT_THAT(missing, ::testing::Not(Contains("t4.litigation_after_review.total")));
  EXPECT_THAT(missing, ::testing::Not(Contains("t4.litigation_direct.total")));
}

TEST(Tables, OneGridHoldingThreeTablesIsSplitByRowMarkers) {
  std::vector<std::string> t4data(15, "0");
  t4data[4] = "2";
  TableGrid g = Grid({
      {"第二十条第(一)项"},
      {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
      {"规章", "1", "0", "9"},
      {"(本列数据的勾稽关系为:…)", "申请人情况"},
      Row({"一、本年新收政府信息公开申请数量"}, Seven(1)),
      Row({"四、结转下年度继续办理"}, Seven(2)),
      {"行政复议", "行政诉讼"},
      t4data,
  });
  Report r = Map({g});
  EXPECT_EQ(Value(r, "t2.rules.in_force"), "9");
  EXPECT_EQ(Value(r, "t3.new_received.natural_person"), "1");
  EXPECT_EQ(Value(r, "t3.carried_forward.total"), "8");
  EXPECT_EQ(Value(r, "t4.review.total"), "2");
  EXPECT_TRUE(r.tables().t2().info().found());
  EXPECT_TRUE(r.tables().t3().info().found());
  EXPECT_TRUE(r.tables().t4().info().found());
  EXPECT_EQ(IdentifyTable(g), TableId::kT2);
}

TEST(Tables, ARowsFirstMarkerInListOrderNamesItsTable) {
  // the row markers, in the order the mapper tries them (VOCABULARY.md
  // phrases of each table's layout)
  const std::vector<std::pair<std::string, TableId>> markers = {
      {"统计指标", TableId::kLegacy},
      {"政府信息公开情况统计表", TableId::kLegacy},
      {"主动公开政府信息数", TableId::kLegacy},
      {"回应解读", TableId::kLegacy},
      {"申请答复数", TableId::kLegacy},
      {"行政复议数量", TableId::kLegacy},
      {"行政诉讼数量", TableId::kLegacy},
      {"举报投诉数量", TableId::kLegacy},
      {"第二十条", TableId::kT2},
      {"信息内容", TableId::kT2},
      {"本年制发件数", TableId::kT2},
      {"本年新制作数量", TableId::kT2},
      {"勾稽", TableId::kT3},
      {"申请人情况", TableId::kT3},
      {"本年新收", TableId::kT3},
      {"上年结转", TableId::kT3},
      {"本年度办理结果", TableId::kT3},
      {"结转下年度", TableId::kT3},
  };
  // the table of the first marker (in list order) in the row's joined keys
  auto want = [&](const std::vector<std::string>& row) {
    std::string keys;
    for (const std::string& cell : row) keys += LabelKey(cell);
    for (const auto& [phrase, table] : markers) {
      if (keys.find(phrase) != std::string::npos) return table;
    }
    return TableId::kNone;
  };
  const std::vector<std::string> noise = {"", "0", "12", "(一)", "单位", "件", "合计"};
  for (size_t i = 0; i < markers.size(); ++i) {
    for (size_t j = 0; j < markers.size(); ++j) {
      const std::string& before = noise[(i + j) % noise.size()];
      const std::string& after = noise[(i * 3 + j) % noise.size()];
      const std::vector<std::string> row = {before, "(一)" + markers[j].first + "情况",
                                            after, markers[i].first, "5"};
      EXPECT_EQ(IdentifyTable(Grid({row})), want(row))
          << markers[j].first << " " << markers[i].first;
    }
    // alone, split by a spanning copy
    EXPECT_EQ(IdentifyTable(Grid({{markers[i].first, "<", "3"}})), markers[i].second)
        << markers[i].first;
  }
}

TEST(Tables, AGridOfNoStatisticsTableIsLeftAlone) {
  TableGrid g = Grid({{"索引号", "K123/2025-1", "主题分类", ""},
                      {"发布机构", "某某局", "发布日期", "2025-01-15"}});
  Report r = Map({g});
  EXPECT_FALSE(r.tables().t2().info().found());
  EXPECT_FALSE(r.tables().t3().info().found());
  EXPECT_EQ(r.notes_size(), 0);
}

TEST(LegacyTable, RowsMapByGroupAndOrderWithUnitsKeptApart) {
  TableGrid g = Grid({
      {"统计指标", "单位", "统计数"},
      {"一、主动公开情况", "", ""},
      {"(一)主动公开政府信息数", "条", "300"},
      {"(二)通过不同渠道和方式公开政府信息的情况", "", ""},
      {"2.政府网站公开政府信息数", "条", "244"},
      {"四、行政复议数量", "件", "3"},
      {"(一)维持具体行政行为数", "件", "1"},
      {"(三)其他情形数", "件", "2"},
      {"五、行政诉讼数量", "件", "5"},
      {"(三)其他情形数", "件", "4"},
      {"七、依申请公开信息收取的费用", "万元", ""},
      {"(三)从事政府信息公开工作人员数", "人", "3"},
      {"2.兼职人员数", "人", "3"},
  });
  Report r = Map({g});
  EXPECT_EQ(r.tables().legacy().info().layout(), xxgk::v1::FORMAT_LEGACY);
  EXPECT_EQ(Value(r, "legacy.active.total"), "300");
  EXPECT_EQ(Value(r, "legacy.active.channel.website"), "244");
  EXPECT_EQ(Value(r, "legacy.review.total"), "3");
  EXPECT_EQ(Value(r, "legacy.review.upheld"), "1");
  EXPECT_EQ(Value(r, "legacy.review.other"), "2");
  EXPECT_EQ(Value(r, "legacy.litigation.total"), "5");
  EXPECT_EQ(Value(r, "legacy.litigation.other"), "4");
  EXPECT_EQ(Value(r, "legacy.fees_wan_yuan"), "BLANK");
  EXPECT_EQ(FindCell(r.tables(), "legacy.fees_wan_yuan")->unit(), "万元");
  // 七 is group 七 even though its words also name 依申请公开 (三)
  EXPECT_EQ(Value(r, "legacy.applications.received"), "<absent>");
  // staff rows after an unrecognised group header (八 missing) are not guessed
  EXPECT_EQ(Value(r, "legacy.staff.total"), "<absent>");
  EXPECT_GE(CountNotes(r, ReadingNote::UNPLACED_ROW), 1);
}

TEST(Labels, NumberingVariants) {
  EXPECT_EQ(ParseNumbering("二、主动公开").value, 2);
  EXPECT_EQ(ParseNumbering("二、主动公开").style, NumberingStyle::kTop);
  EXPECT_EQ(ParseNumbering("十二.其他").value, 12);
  EXPECT_EQ(ParseNumbering("(三)不予公开").style, NumberingStyle::kParen);
  EXPECT_EQ(ParseNumbering("(三)不予公开").written, "(三)");
  EXPECT_EQ(ParseNumbering("3.其他").style, NumberingStyle::kArabic);
  EXPECT_EQ(ParseNumbering("3、其他").value, 3);
  EXPECT_EQ(ParseNumbering("3.5万元").style, NumberingStyle::kNone);
  EXPECT_EQ(ParseNumbering("一是加强").style, NumberingStyle::kNone);
  EXPECT_EQ(ParseNumbering("第三部分 收到和处理").value, 3);
  EXPECT_EQ(ParseNumbering("第二十条第(一)项").style, NumberingStyle::kNone);
  EXPECT_EQ(LabelKey("三、(一) 予以 公开。"), "予以公开");
  EXPECT_EQ(LabelKey("钩稽关系"), "勾稽关系");
  EXPECT_GT(LabelSimilarity("其他法律行政止公开", "其他法律行政法规禁止公开"), 0.6);
  EXPECT_LT(LabelSimilarity("重复申请", "其他法律行政法规禁止公开"), 0.2);
}

}  // namespace
}  // namespace xxgk::report
