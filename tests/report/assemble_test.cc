// Blocks → Report: text with tables as pipe rows, spans, chrome, notes.
#include <algorithm>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/assemble.h"
#include "report/cell_keys.h"
#include "report/readers.h"
#include "tests/report/fixtures/blocks.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

using xxgk::testing::Line;
using xxgk::v1::ReadingNote;
using xxgk::v1::Report;

Block Table(const std::vector<std::vector<std::string>>& rows, std::string kind = "html") {
  Block b;
  b.kind = Block::Kind::kTable;
  b.table.source_kind = std::move(kind);
  for (const auto& r : rows) {
    std::vector<GridCell> row;
    for (const auto& t : r) {
      GridCell c;
      c.text = t;
      row.push_back(c);
    }
    b.table.rows.push_back(std::move(row));
  }
  return b;
}

std::string At(const Report& r, const xxgk::v1::Span& s) {
  return r.text().substr(s.begin(), s.end() - s.begin());
}

TEST(Assemble, CellSpansPointIntoTheTextAndChromeIsDropped) {
  ReadResult read;
  read.blocks.push_back(Line("您现在的位置:首页 > 政务公开 > 年报"));
  read.blocks.push_back(Line("某局2023年政府信息公开工作年度报告"));
  read.blocks.push_back(Line("二、主动公开政府信息情况"));
  read.blocks.push_back(Table({{"第二十条第(一)项", "", "", ""},
                               {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                               {"规章", "1", "", "13"}}));
  read.blocks.push_back(Line("五、存在的主要问题及改进情况"));
  read.script = xxgk::v1::TRADITIONAL;
  Report r = Assemble(read);
  EXPECT_THAT(r.text(), ::testing::Not(::testing::HasSubstr("您现在的位置")));
  EXPECT_THAT(r.text(), ::testing::HasSubstr("| 规章 | 1 |  | 13 |\n"));
  const auto* in_force = FindCell(r.tables(), "t2.rules.in_force");
  ASSERT_NE(in_force, nullptr);
  EXPECT_EQ(At(r, in_force->span()), "13");
  EXPECT_EQ(in_force->span().line(), 5u);  // chrome line dropped
  const auto* repealed = FindCell(r.tables(), "t2.rules.repealed");
  ASSERT_NE(repealed, nullptr);
  EXPECT_EQ(CellValueString(*repealed), "BLANK");
  EXPECT_EQ(repealed->span().begin(), repealed->span().end());
  EXPECT_TRUE(r.tables().t2().info().found());
  EXPECT_EQ(r.tables().t2().info().heading(), "二、主动公开政府信息情况");
  EXPECT_EQ(r.tables().t2().info().source_kind(), "html");
  EXPECT_EQ(r.meta().format_version(), xxgk::v1::FORMAT_2021);
  EXPECT_EQ(r.meta().script(), xxgk::v1::TRADITIONAL);
  ASSERT_GE(r.sections_size(), 2);
  EXPECT_EQ(r.sections(0).kind(), xxgk::v1::Section::ACTIVE_DISCLOSURE);
}

TEST(Assemble, HeadingsWithNothingUnderThemYieldTableAsImageNotesAndNoCells) {
  ReadResult read;
  for (const char* l : {"某镇2024年政府信息公开工作年度报告", "一、总体情况", "正文。",
                        "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                        "问题。", "六、其他需要报告的事项", "无。"}) {
    read.blocks.push_back(Line(l));
  }
  Report r = Assemble(read);
  std::vector<std::string> tables;
  for (const auto& n : r.notes()) {
    if (n.kind() == ReadingNote::TABLE_AS_IMAGE) {
      tables.push_back(n.table());
      EXPECT_THAT(At(r, n.span()), ::testing::HasSubstr("情况"));
    }
  }
  EXPECT_THAT(tables, ::testing::ElementsAre("t2", "t3", "t4"));
  int cells = 0;
  ForEachCell(r.tables(), [&](const std::string&, const xxgk::v1::Cell&) { ++cells; });
  EXPECT_EQ(cells, 0);
  EXPECT_FALSE(r.tables().t3().info().found());
  EXPECT_EQ(r.sections_size(), 6);
}

TEST(Assemble, UnplacedRowsBecomeNotesWithSpans) {
  ReadResult read;
  read.blocks.push_back(Line("三、收到和处理政府信息公开申请情况"));
  read.blocks.push_back(Table({{"(本列数据的勾稽关系为:…)", "申请人情况"},
                               {"一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"},
                               {"某种谁也不认识的行", "9", "0", "0", "0", "0", "0", "9"}},
                              "pdf"));
  Report r = Assemble(read);
  int unplaced = 0;
  for (const auto& n : r.notes()) {
    if (n.kind() != ReadingNote::UNPLACED_ROW) continue;
    ++unplaced;
    EXPECT_EQ(n.table(), "t3");
    EXPECT_THAT(At(r, n.span()), ::testing::HasSubstr("某种谁也不认识的行"));
  }
  EXPECT_EQ(unplaced, 1);
  EXPECT_EQ(CellValueString(*FindCell(r.tables(), "t3.new_received.total")), "1");
}

// Texts of every length up to 80 bytes drawn from line breaks, spaces,
// letters, digits and a Chinese character.
class BreakTexts : public xxgk::testing::RandomText {
 public:
  explicit BreakTexts(uint32_t seed) : RandomText(seed) {}
  std::string Next() {
    static const std::vector<std::string> kParts = {"\n", "\r", " ", "a", "7", "中", "\r\n"};
    std::string out;
    const int n = Below(81);
    while (static_cast<int>(out.size()) < n) out += Pick(kParts);
    return out;
  }
};

std::string OneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

TEST(Assemble, LineBreaksInsideLinesAndCellsBecomeSpaces) {
  // cells and lines of every length (short ones are copied bytewise, longer
  // ones word by word) with breaks anywhere
  BreakTexts gen(20261121);
  for (int doc = 0; doc < 40; ++doc) {
    ReadResult read;
    std::string want;
    std::vector<std::vector<std::string>> rows;
    for (int r = 0; r < 12; ++r) {
      std::vector<std::string>& row = rows.emplace_back();
      want += "|";
      for (int c = 0; c < 6; ++c) {
        row.push_back(gen.Next());
        want += " " + OneLine(row.back()) + " |";
      }
      want += "\n";
    }
    const std::string line = "本机关" + gen.Next();
    read.blocks.push_back(Line(line));
    read.blocks.push_back(Table(rows, "text-pipe"));
    want = OneLine(line) + "\n" + want;
    const Report r = Assemble(read);
    EXPECT_EQ(r.text(), want);
  }
}

}  // namespace
}  // namespace xxgk::report
