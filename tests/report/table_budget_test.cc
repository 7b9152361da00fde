// The shared table-grid budget: a hostile table (a line of 50,000 pipes, a
// colspan of 1000 on thousands of rows) is dropped with a note instead of
// being padded out to millions of cells; spans are parsed without atoi.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/readers.h"
#include "report/readers_common.h"

namespace xxgk::report {
namespace {

using ::testing::HasSubstr;

size_t TotalCells(const ReadResult& r) {
  size_t n = 0;
  for (const Block& b : r.blocks) {
    if (b.kind != Block::Kind::kTable) continue;
    for (const auto& row : b.table.rows) n += row.size();
  }
  return n;
}

bool HasTooLargeNote(const ReadResult& r) {
  for (const auto& n : r.notes) {
    if (n.kind() == xxgk::v1::ReadingNote::AMBIGUOUS_TABLE &&
        n.message().find("table too large") != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(GridBudgetTest, LimitsWidthAndCells) {
  EXPECT_TRUE(GridWithinBudget(2000, 1000));
  EXPECT_FALSE(GridWithinBudget(2001, 1000));
  EXPECT_FALSE(GridWithinBudget(1, kMaxTableColumns + 1));
  EXPECT_TRUE(GridWithinBudget(0, 0));
  EXPECT_FALSE(GridWithinBudget(static_cast<size_t>(-1), 2));
}

TEST(GridBudgetTest, ParseSpanClampsAndRejectsGarbage) {
  EXPECT_EQ(ParseSpan("3", 1, 1000), 3);
  EXPECT_EQ(ParseSpan(" 2px", 1, 1000), 2);
  EXPECT_EQ(ParseSpan("abc", 1, 1000), 1);
  EXPECT_EQ(ParseSpan("-5", 1, 1000), 1);
  EXPECT_EQ(ParseSpan("0", 1, 1000), 1);
  EXPECT_EQ(ParseSpan("99999999999999999999999", 1, 1000), 1000);
  EXPECT_EQ(ParseSpan("2147483648", 1, 65534), 65534);
  EXPECT_EQ(ParseSpan("", 7, 1000), 7);
}

TEST(TextTableBudgetTest, WidePipeLineWithManyRowsIsDroppedWithANote) {
  std::string text = "一、总体情况\n";
  text += "a";
  for (int i = 0; i < 50000; ++i) text += " |";
  text += "\n";
  for (int i = 0; i < 5000; ++i) text += "x | 1 |\n";
  text += "\n二、主动公开政府信息情况\n";
  absl::StatusOr<ReadResult> r = ReadText(text);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(HasTooLargeNote(*r));
  EXPECT_LE(TotalCells(*r), kMaxTableCells);
}

TEST(TextTableBudgetTest, OrdinaryPipeTableIsKept) {
  absl::StatusOr<ReadResult> r = ReadText("a | b | c |\n1 | 2 | 3 |\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(HasTooLargeNote(*r));
  EXPECT_EQ(TotalCells(*r), 6u);
}

TEST(HtmlTableBudgetTest, WideColspanOnManyRowsIsDroppedWithANote) {
  std::string html = "<html><body><p>前言</p><table>";
  for (int i = 0; i < 5000; ++i) html += "<tr><td colspan=\"1000\">x</td></tr>";
  html += "</table><p>后记</p></body></html>";
  absl::StatusOr<ReadResult> r = ReadHtml(html);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(HasTooLargeNote(*r));
  EXPECT_LE(TotalCells(*r), kMaxTableCells);
}

TEST(HtmlTableBudgetTest, HugeRowspanAndColspanDoNotOverflow) {
  std::string html =
      "<table><tr><td rowspan=\"99999999999999\" colspan=\"-3\">a</td>"
      "<td colspan=\"2abc\">b</td></tr><tr><td>c</td></tr></table>";
  absl::StatusOr<ReadResult> r = ReadHtml(html);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(HasTooLargeNote(*r));
  ASSERT_EQ(TotalCells(*r), 6u);  // 2 rows x (a + b b)
}

}  // namespace
}  // namespace xxgk::report
